/**
 * Drives load with autocannon (as a library) and measures what the table shows: answers per second,
 * latency percentiles with sub-millisecond precision (taken from autocannon's per-response event,
 * because its own histogram keeps whole milliseconds), and every answer checked.
 */
import autocannon from 'autocannon';
import type { BenchRequest } from './workloads';

export interface LoadResult {
  answers: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not what they should be, and connection errors or timeouts. */
  bad: number;
  firstBad?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; or `amount` answers. */
  durationSeconds?: number;
  amount?: number;
  request: (n: number) => BenchRequest;
  /** A correct answer's body contains it; `undefined`: status 200 is enough. */
  marker?: string;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  let bad = 0;
  let firstBad: string | undefined;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount === undefined ? { duration: options.durationSeconds ?? 5 } : { amount: options.amount }),
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => ({ ...request, ...options.request(n++) }),
            onResponse: (status, body) => {
              if (status < 200 || status >= 300 || (options.marker !== undefined && !body.includes(options.marker))) {
                bad += 1;
                firstBad ??= `${status} ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = latencies.subarray(0, count).sort();
        const percentile = (p: number) => sorted[Math.min(count - 1, Math.floor((p / 100) * count))] ?? 0;
        const answers = result.requests.total;
        resolve({
          answers,
          perSecond: answers / (options.amount === undefined ? (options.durationSeconds ?? 5) : result.duration),
          p50Ms: percentile(50),
          p99Ms: percentile(99),
          bad: bad + result.errors + result.timeouts,
          ...(firstBad === undefined ? {} : { firstBad }),
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      if (count === latencies.length) {
        const larger = new Float64Array(latencies.length * 2);
        larger.set(latencies);
        latencies = larger;
      }
      latencies[count++] = responseTime;
    });
  });
}
