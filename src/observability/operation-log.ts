/**
 * One JSON log line per GraphQL operation, and its metrics: request id, operation name and type, the
 * result member of each root field (e.g. `UpdateContactSuccess`, `RateLimitedError`), duration, and
 * the upstream calls with their statuses. The same description goes on the request's span when
 * tracing is on. Never variables, bodies or tokens.
 *
 * Both execution paths report here: the fast path (src/execution/fast-path.ts) directly, Apollo
 * Server's pipeline through the plugin below.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../request/context';
import type { UpstreamCall } from '../highlevel/http';
import { writeInfoLine } from '../logging/logger';
import { afterRound } from './after-round';
import type { GatewayMetrics, OperationRecord } from './metrics';

export interface CompletedOperation {
  name: string | null;
  /** `query`, `mutation`, or `unknown` when the document never got that far. */
  type: string;
  durationMs: number;
  /** The response carried top-level GraphQL errors. */
  failed: boolean;
}

/**
 * What the log line needs of a request: a few small values, so a line written later (the fast path
 * writes it after the answer) does not keep the whole request (loaders, mapped contacts) alive.
 */
export interface OperationSubject {
  logger: GatewayContext['logger'];
  traceId: string | undefined;
  results: readonly string[];
  upstreamCalls: readonly UpstreamCall[];
}

export function subjectOf(context: GatewayContext): OperationSubject {
  return {
    logger: context.logger,
    traceId: context.trace?.traceId,
    results: context.rootResults,
    upstreamCalls: context.upstreamCalls,
  };
}

/**
 * The operations answered in a round of I/O, logged and counted together once the round is over
 * (src/observability/after-round.ts): when many upstream answers land at once, each caller's response
 * goes out before any line is written. A scrape of /metrics logs and counts what waits first, so it
 * sees every operation answered before it. Only the line's values wait, not the request's context.
 */
export class OperationLog {
  private waiting: { subject: OperationSubject; completed: CompletedOperation }[] = [];

  constructor(private readonly metrics: GatewayMetrics) {
    metrics.onScrape(this.flush);
  }

  /** Logs and counts the operation after its round; names its span now, before the span ends. */
  record(context: GatewayContext, completed: CompletedOperation): void {
    describeOnSpan(context, completed);
    if (this.waiting.push({ subject: subjectOf(context), completed }) === 1) afterRound(this.flush);
  }

  /** Logs and counts what waits now. */
  readonly flush = (): void => {
    if (this.waiting.length === 0) return;
    const operations = this.waiting;
    this.waiting = [];
    this.metrics.countOperations(operations.map(({ subject, completed }) => writeLine(subject, completed)));
  };
}

/** Names the request's span after its operation. */
function describeOnSpan(context: GatewayContext, { name, type, failed }: CompletedOperation): void {
  context.trace?.describe({ type, name, results: context.rootResults, failed });
}

/** Writes the operation's log line; answers what its metrics count. */
export function writeLine(
  { logger, traceId, results, upstreamCalls }: OperationSubject,
  { name, type, durationMs, failed }: CompletedOperation,
): OperationRecord {
  const rounded = Math.round(durationMs * 10) / 10;
  const fields = operationLineFields(
    traceId,
    { name, type, results, durationMs: rounded, errors: failed },
    upstreamCalls,
  );
  if (!writeInfoLine(logger, fields, OPERATION_MESSAGE)) logger.info(JSON.parse(`{${fields}}`), OPERATION_MESSAGE);
  return { name, type, results, durationMs: rounded, failed };
}

export const OPERATION_MESSAGE = 'graphql operation';

/**
 * The operation line's fields as JSON, written by hand (src/logging/logger.ts, writeInfoLine): its keys are
 * fixed and its values are names, numbers and booleans, so there is nothing to redact. Strings go
 * through JSON.stringify all the same: an operation name can come from the caller.
 */
export function operationLineFields(
  traceId: string | undefined,
  operation: { name: string | null; type: string; results: readonly string[]; durationMs: number; errors: boolean },
  upstreamCalls: readonly UpstreamCall[],
): string {
  let upstream = '';
  for (const { endpoint, status, outcome, attempt, durationMs } of upstreamCalls) {
    upstream +=
      `${upstream === '' ? '' : ','}{"endpoint":${JSON.stringify(endpoint)},"status":${status === null ? 'null' : status},` +
      `"outcome":${JSON.stringify(outcome)},"attempt":${attempt},"durationMs":${Math.round(durationMs * 10) / 10}}`;
  }
  return (
    `${traceId === undefined ? '' : `"traceId":${JSON.stringify(traceId)},`}` +
    `"operation":{"name":${JSON.stringify(operation.name)},"type":${JSON.stringify(operation.type)},` +
    `"results":${JSON.stringify(operation.results)},"durationMs":${operation.durationMs},"errors":${operation.errors}},` +
    `"upstream":[${upstream}]`
  );
}

export function operationLogPlugin(log: OperationLog): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, operation, response }) {
          log.record(contextValue, {
            name: operationName ?? null,
            type: operation?.operation ?? 'unknown',
            // From the request's arrival, as on the fast path.
            durationMs: performance.now() - contextValue.receivedAt,
            failed: response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0,
          });
        },
      };
    },
  };
}
