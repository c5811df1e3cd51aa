/**
 * The transport to HighLevel: one keep-alive undici pool per upstream origin, shared by every request
 * because it holds connections and nothing of any caller. Each call has a hard deadline (covering
 * connect, headers and body: src/highlevel/deadline.ts), redirects are never followed, and the response
 * body is size-capped. Nothing here knows GraphQL; tokens never reach a log line.
 */
import { Pool } from 'undici';
import type { Logger } from '../logging/logger';
import type { RequestSpan } from '../observability/tracing';
import { Deadline, sleepWithin } from './deadline';
import { exchange } from './exchange';
import {
  classifyResponse,
  failed,
  type BodyReader,
  type Scrub,
  type UpstreamFailure,
  type UpstreamResult,
} from './outcome';
import { RateBudgets, reportedBudget, type BudgetBook } from './rate-budget';
import { UpstreamSlots } from './upstream-slots';
import { scrubUpstreamText } from './upstream-text';
import { isRetryable, retryDelayMs } from './retry-policy';
import { RATE_LIMIT_HEADERS } from './types';

export interface HighLevelConnection {
  baseUrl: URL;
  apiVersion: string;
  /** A call's deadline when its request gives none (`CallObservers.deadlineAt`); the connect timeout. */
  timeoutMs: number;
}

export interface UpstreamRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** The endpoint template, e.g. `PUT /contacts/{contactId}`: logged instead of the concrete URL. */
  endpoint: string;
  /** Path segments below the base URL; each is percent-encoded as one segment. */
  segments: readonly string[];
  body?: unknown;
  /**
   * A POST that changes nothing upstream (a search): retried and admitted as a read. Every GET is a
   * read without it.
   */
  readOnly?: true;
  /** The `Version` header for an endpoint documented with one version only; the configured one otherwise. */
  version?: string;
}

/** Whether a request only reads: safe to repeat, and never held back as a write. */
function isRead(request: UpstreamRequest): boolean {
  return request.method === 'GET' || request.readOnly === true;
}

/** One attempt at an upstream call, as logs and metrics see it: no URL, no token, no body. */
export interface UpstreamCall {
  /** The endpoint template, e.g. `PUT /contacts/{contactId}`. */
  endpoint: string;
  attempt: number;
  /** The HTTP status; null when no response arrived or the gateway held the call back. */
  status: number | null;
  /** `ok`, the failure kind, or `held` when the caller's rate budget was spent and nothing was sent. */
  outcome: string;
  durationMs: number;
  /** `X-RateLimit-Remaining` of the response, when HighLevel sent it. */
  rateLimitRemaining?: number;
}

export type UpstreamCallObserver = (call: UpstreamCall) => void;

/** What one GraphQL request attaches to its upstream calls. */
export interface CallObservers {
  /** Sees this request's calls (its log line). */
  onCall?: UpstreamCallObserver;
  /** The request's span when tracing is on: each attempt gets a child span and sends its traceparent. */
  trace?: RequestSpan;
  /** The request's logger, so the transport's lines carry its request id. */
  logger?: Logger;
  /**
   * When the request's upstream work must be over (`performance.now()` clock): every call, retry and
   * wait of the request fits before it. Without it, each call gets `timeoutMs` from its start.
   */
  deadlineAt?: number;
}

/** One upstream call, as its attempts share it. */
interface Call<T> {
  request: UpstreamRequest;
  /** What goes on the wire (the same for every attempt). */
  wire: { path: string; headers: Record<string, string>; body: string | undefined };
  deadline: Deadline;
  /** When the deadline passes, on `performance.now()`'s clock. */
  endsAt: number;
  read: BodyReader<T>;
  budgetKey: string;
  scrub: Scrub;
  report: UpstreamCallObserver;
  trace: RequestSpan | undefined;
  logger: Logger;
}

export interface TransportOptions {
  /** Shared by every request: what HighLevel last said of each caller's rate budget. */
  budgets?: BudgetBook;
  /** Sees every upstream call of every request (metrics). */
  onCall?: UpstreamCallObserver;
}

// Far above any contact HighLevel returns; a larger body is a fault, not data.
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
/** Connections per upstream origin, and so calls in flight to it (src/highlevel/upstream-slots.ts). */
const CONNECTIONS = 256;
const USER_AGENT = 'highlevel-contacts-gateway';

export class HighLevelTransport {
  private readonly pools = new Map<string, { pool: Pool; slots: UpstreamSlots }>();
  private readonly basePath: string;
  private readonly budgets: BudgetBook;
  private readonly onCall: UpstreamCallObserver | undefined;
  private readonly notSent = new NotSentWarnings();

  constructor(
    private readonly connection: HighLevelConnection,
    private readonly logger: Logger,
    options: TransportOptions = {},
  ) {
    this.basePath = connection.baseUrl.pathname.replace(/\/+$/, '');
    this.budgets = options.budgets ?? new RateBudgets(10_000);
    this.onCall = options.onCall;
  }

  /**
   * Sends one request with the caller's token and classifies the answer, retrying where the policy
   * allows (src/highlevel/retry-policy.ts); every attempt and wait fits in one deadline.
   */
  async send<T>(
    token: string,
    request: UpstreamRequest,
    read: BodyReader<T>,
    { onCall, trace, logger = this.logger, deadlineAt }: CallObservers = {},
  ): Promise<UpstreamResult<T>> {
    const report = (call: UpstreamCall) => {
      this.onCall?.(call);
      onCall?.(call);
    };
    const { apiVersion, timeoutMs } = this.connection;
    const endsAt = deadlineAt ?? performance.now() + timeoutMs;
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      version: request.version ?? apiVersion,
      accept: 'application/json',
      'user-agent': USER_AGENT,
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const path = `${this.basePath}/${request.segments.map(encodeURIComponent).join('/')}`;

    const budgetKey = RateBudgets.keyFor(token);
    // One deadline for every attempt and every wait between attempts.
    const deadline = new Deadline(Math.max(0, endsAt - performance.now()));
    const host = this.connection.baseUrl.hostname;
    const call: Call<T> = {
      request,
      wire: { path, headers, body },
      deadline,
      endsAt,
      read,
      budgetKey,
      scrub: (text) => scrubUpstreamText(text, { token, host }),
      report,
      trace,
      logger,
    };
    try {
      for (let attempt = 1; ; attempt += 1) {
        const { result, errorCode, notSent } = await this.attempt(call, attempt);
        if (result.ok || notSent || !isRetryable({ read: isRead(request), failure: result.failure, errorCode }))
          return result;
        const delay = retryDelayMs(attempt, result.failure, endsAt - performance.now());
        if (delay === undefined || !(await sleepWithin(delay, deadline))) return result;
      }
    } finally {
      deadline.clear();
    }
  }

  private async attempt<T>(
    { request, wire, deadline, endsAt, read, budgetKey, scrub, report, trace, logger }: Call<T>,
    attempt: number,
  ): Promise<{ result: UpstreamResult<T>; errorCode?: string; notSent?: true }> {
    const waitStarted = performance.now();
    const { pool, slots } = this.upstream(this.connection.baseUrl.origin);
    const admission = await slots.acquire(!isRead(request), endsAt);
    if (admission === 'overloaded') {
      report({
        endpoint: request.endpoint,
        attempt,
        status: null,
        outcome: 'overloaded',
        durationMs: performance.now() - waitStarted,
      });
      trace?.notSent(request.endpoint);
      this.notSent.note(logger, request.endpoint);
      return { result: failed({ kind: 'unavailable', reason: 'overloaded', statusCode: null }), notSent: true };
    }
    // Taken from the caller's budget only now, when the call is about to be sent. A shared budget
    // answers asynchronously (within REDIS_COMMAND_TIMEOUT_MS); a local one at once.
    const reserved = this.budgets.reserve(budgetKey);
    const waitSeconds = reserved instanceof Promise ? await reserved : reserved;
    if (waitSeconds !== undefined) {
      slots.release();
      report({ endpoint: request.endpoint, attempt, status: null, outcome: 'held', durationMs: 0 });
      trace?.held(request.endpoint);
      logger.debug(
        { upstream: { endpoint: request.endpoint, attempt, retryAfterSeconds: waitSeconds } },
        'rate budget spent; not calling upstream',
      );
      return { result: failed({ kind: 'rate-limited', retryAfterSeconds: waitSeconds }), notSent: true };
    }
    if (deadline.expired) {
      // The wait for a shared budget used up the request's time: nothing is sent.
      slots.release();
      this.budgets.observe(budgetKey, undefined);
      report({ endpoint: request.endpoint, attempt, status: null, outcome: 'timeout', durationMs: 0 });
      trace?.notSent(request.endpoint);
      return { result: failed({ kind: 'unavailable', reason: 'timeout', statusCode: null }), notSent: true };
    }
    const started = performance.now();
    const span = trace?.startUpstream(request.method, request.endpoint, attempt);
    span?.inject(wire.headers);
    let response: Awaited<ReturnType<typeof exchange>>;
    try {
      response = await exchange(pool, { method: request.method, ...wire }, MAX_RESPONSE_BYTES, deadline);
    } finally {
      slots.release(performance.now() - started);
    }
    if (!response.ok) {
      // Sent, and no answer to learn from: the call no longer counts as in flight.
      this.budgets.observe(budgetKey, undefined);
      const { reason, status, code } = response;
      report({ endpoint: request.endpoint, attempt, status, outcome: reason, durationMs: performance.now() - started });
      span?.end(status, reason);
      logCall(logger, request, attempt, started, status, reason, code);
      return { result: failed({ kind: 'unavailable', reason, statusCode: status }), errorCode: code };
    }
    const { status } = response;
    const result = classifyResponse(response, read, scrub);
    this.budgets.observe(
      budgetKey,
      reportedBudget(
        response.headers,
        !result.ok && result.failure.kind === 'rate-limited' ? result.failure.retryAfterSeconds : undefined,
      ),
    );
    const outcome = result.ok ? 'ok' : result.failure.kind;
    const remaining = Number(response.headers[RATE_LIMIT_HEADERS.remaining]);
    report({
      endpoint: request.endpoint,
      attempt,
      status,
      outcome,
      durationMs: performance.now() - started,
      ...(Number.isFinite(remaining) ? { rateLimitRemaining: remaining } : {}),
    });
    span?.end(status, outcome);
    logCall(logger, request, attempt, started, status, result.ok ? undefined : failureName(result.failure));
    return { result };
  }

  /** Upstream calls waiting for a connection now. */
  get queued(): number {
    let queued = 0;
    for (const { slots } of this.pools.values()) queued += slots.queued;
    return queued;
  }

  /** Closes every pooled connection; used on shutdown. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map(({ pool }) => pool.close()));
  }

  private upstream(origin: string): { pool: Pool; slots: UpstreamSlots } {
    let upstream = this.pools.get(origin);
    if (!upstream) {
      const { timeoutMs } = this.connection;
      const pool = new Pool(origin, {
        // Sized for many concurrent callers: a latency-bound upstream needs one connection per call in flight.
        connections: CONNECTIONS,
        keepAliveTimeout: 30_000,
        // The Deadline covers connect, headers and body, and aborts the request through its
        // controller, which destroys the socket. undici's own headers and body timeouts would only
        // repeat it, at the price of two timers per call, each kept for a second past the call.
        connect: { timeout: timeoutMs },
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      upstream = { pool, slots: new UpstreamSlots(CONNECTIONS) };
      this.pools.set(origin, upstream);
    }
    return upstream;
  }
}

/**
 * Calls not sent because HighLevel could not plausibly answer in time come in floods when it slows
 * down: one `warn` line says so, with a count, at most every WARN_EVERY_MS; each call is a `debug` line.
 */
class NotSentWarnings {
  private static readonly WARN_EVERY_MS = 10_000;
  private lastWarnedAt = Number.NEGATIVE_INFINITY;
  private since = 0;

  note(logger: Logger, endpoint: string): void {
    this.since += 1;
    logger.debug({ upstream: { endpoint } }, 'upstream call not sent: it could not finish before its deadline');
    const now = performance.now();
    if (now - this.lastWarnedAt < NotSentWarnings.WARN_EVERY_MS) return;
    logger.warn(
      { upstream: { notSent: this.since } },
      'upstream calls not sent: HighLevel is too slow to answer them in time',
    );
    this.lastWarnedAt = now;
    this.since = 0;
  }
}

/** How a failure is logged: an unavailable upstream by its reason (`bad-response`, `server-error`). */
function failureName(failure: UpstreamFailure): string {
  return failure.kind === 'unavailable' ? failure.reason : failure.kind;
}

function logCall(
  logger: Logger,
  request: UpstreamRequest,
  attempt: number,
  started: number,
  status: number | null,
  failure?: string,
  code?: string,
): void {
  const entry = {
    upstream: {
      endpoint: request.endpoint,
      attempt,
      status,
      durationMs: Math.round(performance.now() - started),
      failure,
      code,
    },
  };
  if (failure === 'timeout' || failure === 'unreachable' || failure === 'bad-response' || failure === 'server-error') {
    logger.warn(entry, 'upstream call failed');
  } else {
    logger.debug(entry, 'upstream call');
  }
}
