/**
 * Prometheus metrics (prom-client), served at /metrics. Labels are bounded and never hold a token or
 * a contact id: upstream calls are labelled by endpoint template, operations by a validated name
 * (the first MAX_OPERATION_NAMES distinct ones; the rest are `other`), results by union member.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamCall } from '../highlevel/http';
import { afterRound } from './after-round';

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface OperationRecord {
  name: string | null;
  type: string;
  /** The union member (or type) each root field resolved to, e.g. `UpdateContactSuccess`. */
  results: readonly string[];
  durationMs: number;
  /** Whether the response carried top-level errors. */
  failed: boolean;
}

/** What the gateway's load gauges read at each scrape. */
export interface LoadReadings {
  requestsInFlight: () => number;
  requestsShed: () => number;
  upstreamQueued: () => number;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly operations: Counter<'operation_name' | 'operation_type' | 'result'>;
  private readonly operationDuration: Histogram<'operation_type'>;
  private readonly upstreamDuration: Histogram<'endpoint' | 'status' | 'outcome'>;
  private readonly rateLimitRemaining: Histogram<'endpoint'>;
  private readonly heldBack: Counter<'endpoint'>;
  private readonly notSent: Counter<'endpoint'>;
  private pendingCalls: UpstreamCall[] = [];
  private flushScheduled = false;
  private readonly beforeScrape: (() => void)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.operations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name, type and result (union member per root field, or `error`).',
      labelNames: ['operation_name', 'operation_type', 'result'],
      registers: [this.registry],
      collect: this.flush,
    });
    this.operationDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time from request to response of GraphQL operations.',
      labelNames: ['operation_type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
      collect: this.flush,
    });
    this.upstreamDuration = new Histogram({
      name: 'highlevel_request_duration_seconds',
      help: 'HighLevel API calls by endpoint template, HTTP status (`none` without a response) and outcome.',
      labelNames: ['endpoint', 'status', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
      collect: this.flush,
    });
    this.rateLimitRemaining = new Histogram({
      name: 'highlevel_rate_limit_remaining',
      help: 'X-RateLimit-Remaining as HighLevel reported it on each response (the burst budget left).',
      labelNames: ['endpoint'],
      buckets: [0, 1, 5, 10, 25, 50, 75, 100],
      registers: [this.registry],
      collect: this.flush,
    });
    this.notSent = new Counter({
      name: 'highlevel_requests_not_sent_total',
      help: 'Calls the gateway answered UPSTREAM_OVERLOADED itself: they could not plausibly finish before their deadline.',
      labelNames: ['endpoint'],
      registers: [this.registry],
      collect: this.flush,
    });
    this.heldBack = new Counter({
      name: 'highlevel_requests_held_total',
      help: "Calls the gateway answered RateLimitedError itself because the caller's budget was spent.",
      labelNames: ['endpoint'],
      registers: [this.registry],
      collect: this.flush,
    });
  }

  /** Gauges read at each scrape: requests in flight and shed (src/http/admission.ts), upstream calls waiting. */
  watchLoad(readings: LoadReadings): void {
    new Gauge({
      name: 'gateway_requests_in_flight',
      help: 'GraphQL requests being served now (at most MAX_INFLIGHT_REQUESTS).',
      registers: [this.registry],
      collect() {
        this.set(readings.requestsInFlight());
      },
    });
    new Counter({
      name: 'gateway_requests_shed_total',
      help: 'GraphQL requests answered 503 because MAX_INFLIGHT_REQUESTS were being served.',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(readings.requestsShed());
      },
    });
    new Gauge({
      name: 'highlevel_requests_waiting',
      help: 'HighLevel calls waiting for one of the connections to HighLevel.',
      registers: [this.registry],
      collect() {
        this.set(readings.upstreamQueued());
      },
    });
  }

  /** `gateway_shared_state_up`: 1 while Redis is in use, 0 while the gateway runs on local state. */
  watchSharedState(isUp: () => boolean): void {
    new Gauge({
      name: 'gateway_shared_state_up',
      help: 'Whether the shared state (Redis: rate budgets, persisted queries) is in use (1) or local state stands in (0).',
      registers: [this.registry],
      collect() {
        this.set(isUp() ? 1 : 0);
      },
    });
  }

  /**
   * Counts the call once the current round of I/O is done (src/observability/after-round.ts): when many
   * upstream answers land at once (latency-bound load), each caller's response goes out before any of
   * them is counted.
   */
  upstreamCallSoon(call: UpstreamCall): void {
    this.pendingCalls.push(call);
    this.flushSoon();
  }

  /** Runs `hook` before every scrape is read, so that what waits to be counted is counted first. */
  onScrape(hook: () => void): void {
    this.beforeScrape.push(hook);
  }

  /**
   * Counts a round's operations. Those with the same labels are counted with one increment:
   * prom-client builds and hashes the label set on every call, so one call per label set rather than
   * per operation.
   */
  countOperations(records: readonly OperationRecord[]): void {
    const counts = new Map<
      string,
      { labels: Record<'operation_name' | 'operation_type' | 'result', string>; n: number }
    >();
    for (const record of records) {
      const name = this.operationLabel(record.name);
      const results = record.results.length > 0 ? record.results : [record.failed ? 'error' : 'none'];
      for (const result of results) {
        const key = `${name}\n${record.type}\n${result}`;
        const counted = counts.get(key);
        if (counted) counted.n += 1;
        else counts.set(key, { labels: { operation_name: name, operation_type: record.type, result }, n: 1 });
      }
      this.operationDuration.observe({ operation_type: record.type }, record.durationMs / 1000);
    }
    for (const { labels, n } of counts.values()) this.operations.inc(labels, n);
  }

  private flushSoon(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    afterRound(this.flush);
  }

  /**
   * Records the upstream calls the round queued; also every metric's `collect`, after the scrape
   * hooks, so a scrape never misses a queued record.
   */
  private readonly flush = (): void => {
    for (const hook of this.beforeScrape) hook();
    this.flushScheduled = false;
    const calls = this.pendingCalls;
    this.pendingCalls = [];
    for (const call of calls) this.upstreamCall(call);
  };

  private upstreamCall(call: UpstreamCall): void {
    if (call.outcome === 'held') {
      this.heldBack.inc({ endpoint: call.endpoint });
      return;
    }
    if (call.outcome === 'overloaded') {
      this.notSent.inc({ endpoint: call.endpoint });
      return;
    }
    this.upstreamDuration.observe(
      { endpoint: call.endpoint, status: call.status === null ? 'none' : String(call.status), outcome: call.outcome },
      call.durationMs / 1000,
    );
    if (call.rateLimitRemaining !== undefined)
      this.rateLimitRemaining.observe({ endpoint: call.endpoint }, call.rateLimitRemaining);
  }

  private operationLabel(name: string | null): string {
    if (name === null) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
