/**
 * `npm run bench -- --only overload,stalled`: the gateway when HighLevel is the bottleneck. A burst of
 * mutations, each on a connection of its own opened beforehand, all sent at once:
 *
 * - overload: HighLevel answers in 1 s, UPSTREAM_TIMEOUT_MS=3000, 2,000 mutations at once. Every
 *   caller is answered within the deadline plus 300 ms; of the writes sent to HighLevel, at most 2%
 *   are cut off mid-flight by the deadline (answered UPSTREAM_TIMEOUT, perhaps applied).
 * - stalled: HighLevel never answers, UPSTREAM_TIMEOUT_MS=2000, 3,000 mutations at once. The
 *   gateway's own durations (its operation log lines) stay within the deadline plus 100 ms.
 * - stalled-connecting: the same, each mutation on a connection opened with the burst (a connect
 *   storm), reported: on the GraphQL port a probe's new connection queues behind the burst's.
 *
 * Throughout, /healthz is probed on a new connection every 25 ms on the health port (HEALTH_PORT) and
 * on the GraphQL port, each under 100 ms, and the gateway's RSS is sampled.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Pool } from 'undici';
import { freePort, rssMiB, startGateway, startSimulator } from './processes';
import { BENCH_CALLERS } from './workloads';

export interface OverloadScenario {
  id: 'overload' | 'stalled' | 'stalled-connecting';
  name: string;
  upstreamLatencyMs: number;
  timeoutMs: number;
  concurrent: number;
  /** The burst's connections are opened with it rather than beforehand. */
  connecting?: true;
}

export const OVERLOAD_SCENARIOS: OverloadScenario[] = [
  { id: 'overload', name: 'HighLevel answering in 1 s', upstreamLatencyMs: 1000, timeoutMs: 3000, concurrent: 2000 },
  // "Never" within the run: the simulator would answer after ten minutes.
  { id: 'stalled', name: 'HighLevel stalled', upstreamLatencyMs: 600_000, timeoutMs: 2000, concurrent: 3000 },
  {
    id: 'stalled-connecting',
    name: 'HighLevel stalled, each mutation on a new connection',
    upstreamLatencyMs: 600_000,
    timeoutMs: 2000,
    concurrent: 3000,
    connecting: true,
  },
];

export interface OverloadResult {
  id: string;
  name: string;
  concurrent: number;
  timeoutMs: number;
  /** Answers by outcome: the union member or error code each caller got. */
  outcomes: Record<string, number>;
  /** Calls that reached HighLevel, and of them the ones cut off by the deadline. */
  writesSent: number;
  writesCutOff: number;
  slowestAnswerMs: number;
  slowestOwnDurationMs: number;
  /** The slowest /healthz on the health port (HEALTH_PORT), and when it began (ms after the burst began). */
  slowestHealthzMs: number;
  slowestHealthzAtMs: number;
  /** The slowest /healthz on the GraphQL port, where a probe waits its turn with the burst. */
  slowestGraphqlPortHealthzMs: number;
  slowestGraphqlPortHealthzAtMs: number;
  /** The gateway's own worst event-loop delay over the burst (prom-client's nodejs_eventloop_lag_max_seconds). */
  loopLagMs: number;
  peakRssMiB: number;
  /** `info`: a figure reported without a target. */
  targets: { target: string; value: number; met: boolean; info?: true }[];
}

const MUTATION = `mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) {
    __typename
    ... on DisplayableError { code }
  }
}`;

interface Answer {
  outcome: string;
  ms: number;
}

function outcomeOf(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as {
      data?: { updateContact?: { __typename: string; code?: string } };
      errors?: { extensions?: { code?: string } }[];
    };
    const member = body.data?.updateContact;
    if (member) return member.code ? `${member.__typename} ${member.code}` : member.__typename;
    return `HTTP ${status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim();
  } catch {
    return `HTTP ${status}`;
  }
}

interface SlowestProbe {
  slowestMs: number;
  /** When it began (Date.now()). */
  at: number;
}

/**
 * Probes /healthz at each origin on a new connection every 25 ms, from a thread of its own (the burst
 * keeps this thread's event loop busy, which would count against the gateway). `ready` resolves once
 * each origin has been probed a few times (the first probes of a fresh thread pay for loading and
 * compiling http); `stop` answers, per origin, the slowest probe made after `ready`.
 */
function probeHealthz(origins: string[]): { ready: Promise<void>; stop(): Promise<SlowestProbe[]> } {
  const worker = new Worker(
    `const { get } = require('node:http');
    const { parentPort, workerData } = require('node:worker_threads');
    let running = true;
    let readyCount = 0;
    parentPort.on('message', () => { running = false; });
    const probes = workerData.map((origin) => new Promise((resolve) => {
      let slowest = { slowestMs: 0, at: 0 };
      let count = 0;
      const probe = () => {
        if (!running) return resolve(slowest);
        const started = performance.now();
        const at = Date.now();
        const done = (failed) => {
          const ms = failed ? Infinity : performance.now() - started;
          count += 1;
          if (count === 5 && (readyCount += 1) === workerData.length) parentPort.postMessage('ready');
          if (count > 5 && ms > slowest.slowestMs) slowest = { slowestMs: ms, at };
          setTimeout(probe, 25);
        };
        get(origin + '/healthz', { agent: false }, (res) => { res.resume(); res.on('end', () => done(false)); })
          .on('error', () => done(true));
      };
      probe();
    }));
    Promise.all(probes).then((slowest) => parentPort.postMessage(slowest));`,
    { eval: true, workerData: origins },
  );
  const ready = new Promise<void>((resolve) => worker.once('message', () => resolve()));
  return {
    ready,
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (result: SlowestProbe[]) => {
          void worker.terminate();
          resolve(result);
        });
        worker.postMessage('stop');
      }),
  };
}

export async function runOverload(scenario: OverloadScenario): Promise<OverloadResult> {
  const simulator = await startSimulator(scenario.upstreamLatencyMs);
  const healthPort = await freePort();
  const gateway = await startGateway(simulator.url, {
    UPSTREAM_TIMEOUT_MS: String(scenario.timeoutMs),
    HEALTH_PORT: String(healthPort),
  });
  const pool = new Pool(gateway.url, { connections: scenario.concurrent, pipelining: 1 });
  try {
    // Every connection open before the burst (the burst measures the gateway, not the connect storm),
    // unless the scenario is the connect storm.
    if (!scenario.connecting)
      await Promise.all(
        Array.from({ length: scenario.concurrent }, () =>
          pool.request({ path: '/healthz', method: 'GET' }).then((response) => response.body.text()),
        ),
      );
    await simulator.stats();

    // Built beforehand: the burst should cost this process as little as it can (it shares the cores).
    const requests = Array.from({ length: scenario.concurrent }, (_, n) => {
      const caller = BENCH_CALLERS[n % BENCH_CALLERS.length] as (typeof BENCH_CALLERS)[number];
      return {
        path: '/graphql',
        method: 'POST' as const,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
        body: Buffer.from(
          JSON.stringify({ query: MUTATION, variables: { id: caller.contactId, input: { lastName: `n${n}` } } }),
        ),
      };
    });
    const prober = probeHealthz([`http://127.0.0.1:${healthPort}`, gateway.url]);
    await prober.ready;
    let peakRssMiB = rssMiB(gateway.pid);
    const sampling = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, rssMiB(gateway.pid))), 50);
    await loopLagMaxMs(gateway.url); // a scrape resets the gateway's event-loop delay histogram
    const burstAt = Date.now();

    const answers: Answer[] = await Promise.all(
      requests.map(async (request) => {
        const started = performance.now();
        try {
          const response = await pool.request(request);
          const text = await response.body.text();
          return { outcome: outcomeOf(response.statusCode, text), ms: performance.now() - started };
        } catch (error) {
          return { outcome: `failed ${(error as { code?: string }).code ?? ''}`, ms: performance.now() - started };
        }
      }),
    );
    clearInterval(sampling);
    const loopLagMs = await loopLagMaxMs(gateway.url);
    const [onHealthPort, onGraphqlPort] = (await prober.stop()) as [SlowestProbe, SlowestProbe];
    // Let the log lines of the last answers reach the file.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const outcomes: Record<string, number> = {};
    for (const { outcome } of answers) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const writesSent = (await simulator.stats()).requests;
    const writesCutOff = outcomes['UpstreamError UPSTREAM_TIMEOUT'] ?? 0;
    const slowestAnswerMs = Math.max(...answers.map((answer) => answer.ms));
    const slowestOwnDurationMs = ownDurations(gateway.logFile).reduce((max, ms) => Math.max(max, ms), 0);
    const targets: OverloadResult['targets'] =
      scenario.id === 'overload'
        ? [
            {
              target: `every caller answered within the deadline + 300 ms (${scenario.timeoutMs + 300} ms)`,
              value: slowestAnswerMs,
              met: slowestAnswerMs <= scenario.timeoutMs + 300,
            },
            {
              target: 'writes cut off mid-flight <= 2% of the writes sent',
              value: writesSent === 0 ? 0 : writesCutOff / writesSent,
              met: writesCutOff <= 0.02 * writesSent,
            },
          ]
        : [
            {
              target: `the gateway's own durations within the deadline + 100 ms (${scenario.timeoutMs + 100} ms)`,
              value: slowestOwnDurationMs,
              met: slowestOwnDurationMs <= scenario.timeoutMs + 100,
            },
          ];
    targets.push(
      {
        target: '/healthz on the health port under 100 ms throughout',
        value: onHealthPort.slowestMs,
        met: onHealthPort.slowestMs < 100,
      },
      // With new connections, a probe's queues behind the burst's on the GraphQL port: reported only.
      scenario.connecting
        ? { target: '/healthz on the GraphQL port', value: onGraphqlPort.slowestMs, met: true, info: true }
        : {
            target: '/healthz on the GraphQL port under 100 ms throughout',
            value: onGraphqlPort.slowestMs,
            met: onGraphqlPort.slowestMs < 100,
          },
    );
    return {
      id: scenario.id,
      name: scenario.name,
      concurrent: scenario.concurrent,
      timeoutMs: scenario.timeoutMs,
      outcomes,
      writesSent,
      writesCutOff,
      slowestAnswerMs,
      slowestOwnDurationMs,
      slowestHealthzMs: onHealthPort.slowestMs,
      slowestHealthzAtMs: onHealthPort.at - burstAt,
      slowestGraphqlPortHealthzMs: onGraphqlPort.slowestMs,
      slowestGraphqlPortHealthzAtMs: onGraphqlPort.at - burstAt,
      loopLagMs,
      peakRssMiB,
      targets,
    };
  } finally {
    await pool.destroy();
    await gateway.stop();
    simulator.stop();
  }
}

/** The worst event-loop delay since the last scrape, as the gateway's /metrics reports it. */
async function loopLagMaxMs(origin: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return 1000 * Number(/^nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1] ?? NaN);
}

/** The durations of the operation log lines the gateway wrote. */
function ownDurations(logFile: string): number[] {
  const durations: number[] = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"graphql operation"')) continue;
    const durationMs = (JSON.parse(line) as { operation?: { durationMs?: number } }).operation?.durationMs;
    if (typeof durationMs === 'number') durations.push(durationMs);
  }
  return durations;
}

export function overloadLines(results: OverloadResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(
      `${result.name}: ${result.concurrent} mutations at once, UPSTREAM_TIMEOUT_MS=${result.timeoutMs}`,
      `  answers: ${Object.entries(result.outcomes)
        .sort((a, b) => b[1] - a[1])
        .map(([outcome, count]) => `${count} ${outcome}`)
        .join(', ')}`,
      `  writes sent to HighLevel: ${result.writesSent}, cut off by the deadline: ${result.writesCutOff}; slowest answer ${Math.round(result.slowestAnswerMs)} ms, slowest own duration ${Math.round(result.slowestOwnDurationMs)} ms, slowest /healthz ${result.slowestHealthzMs.toFixed(1)} ms on the health port (${Math.round(result.slowestHealthzAtMs)} ms into the burst) and ${result.slowestGraphqlPortHealthzMs.toFixed(1)} ms on the GraphQL port (${Math.round(result.slowestGraphqlPortHealthzAtMs)} ms in), the gateway's worst event-loop delay ${Math.round(result.loopLagMs)} ms, peak RSS ${result.peakRssMiB} MiB`,
      ...result.targets.map(
        (target) =>
          `${target.info ? 'INFO' : target.met ? 'PASS' : 'MISS'}  ${result.id}: ${target.target}: ${target.value < 1 ? target.value.toFixed(3) : Math.round(target.value)}`,
      ),
      '',
    );
  }
  return lines;
}
