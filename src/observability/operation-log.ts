/**
 * One JSON log line per GraphQL operation, and its metrics: request id, operation name and type, the
 * result member of each root field (e.g. `UpdateContactSuccess`, `RateLimitedError`), duration, and
 * the upstream calls with their statuses. The same description goes on the request's span when
 * tracing is on. Never variables, bodies or tokens.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from './metrics';

export function operationLogPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const results: string[] = [];
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              // Root fields only: their result member is what a caller got.
              if (info.path.prev !== undefined) return undefined;
              return (error, result) => {
                results.push(error ? 'error' : resultName(result, info.returnType.toString()));
              };
            },
          };
        },
        async willSendResponse({ contextValue, operationName, operation, response }) {
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          const type = operation?.operation ?? 'unknown';
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          metrics.operation({ name: operationName ?? null, type, results, durationMs, failed });
          contextValue.trace?.describe({ type, name: operationName ?? null, results, failed });
          contextValue.logger.info(
            {
              ...(contextValue.trace ? { traceId: contextValue.trace.traceId } : {}),
              operation: { name: operationName ?? null, type, results, durationMs, errors: failed },
              upstream: contextValue.upstreamCalls.map(({ endpoint, status, outcome, attempt, durationMs: ms }) => ({
                endpoint,
                status,
                outcome,
                attempt,
                durationMs: Math.round(ms * 10) / 10,
              })),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

function resultName(result: unknown, returnType: string): string {
  if (
    typeof result === 'object' &&
    result !== null &&
    '__typename' in result &&
    typeof result.__typename === 'string'
  ) {
    return result.__typename;
  }
  if (Array.isArray(result)) return `${returnType} x${result.length}`;
  return result === null || result === undefined ? 'null' : returnType.replace(/[![\]]/g, '');
}
