/**
 * The benchmark's processes: the HighLevel simulator (bench/simulator-process.ts) and the built
 * gateway started exactly as `npm start` starts it, each with its own pid so their CPU time and memory
 * are read from /proc. Both are killed when the benchmark ends, however it ends.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { openSync, readFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_NODE_FLAGS } from '../src/node-flags';
import type { SimulatorStats } from './workloads';
import { freePort } from '../test/support/ports';

export { freePort };

const ROOT = join(__dirname, '..');
const children = new Set<ChildProcess>();
const killAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

export const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** User plus system CPU time of a process, in milliseconds. */
export function cpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces) start at ") ": utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** A process's live children (a WORKERS primary's workers); none for a single process. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU time of a process and its live children: a WORKERS primary and its workers together. */
export function treeCpuMs(pid: number): number {
  return childrenOf(pid).reduce((total, child) => total + cpuMs(child), cpuMs(pid));
}

/** Resident memory of a process and its live children. */
export function treeRssMiB(pid: number): number {
  return Math.round(childrenOf(pid).reduce((total, child) => total + rssMiB(child), rssMiB(pid)) * 10) / 10;
}

export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Math.round((Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024) * 10) / 10;
}

/** The gateway's V8 heap in use, as its /metrics reports it. */
export async function heapUsedMiB(gateway: GatewayProcess): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const bytes = Number(/^nodejs_heap_size_used_bytes (\d+(?:\.\d+)?)/m.exec(text)?.[1] ?? NaN);
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

export interface SimulatorProcess {
  url: string;
  pid: number;
  /** Requests received since the last call. */
  stats(): Promise<SimulatorStats>;
  stop(): void;
}

/**
 * The upstream the benchmark measures against: the HighLevel simulator, or (`light`) the calibration
 * stand-in of bench/light-upstream.ts, which answers contact updates only and takes no latency.
 */
export async function startSimulator(
  latencyMs: number,
  kind: 'simulator' | 'light' = 'simulator',
  { deletes = false }: { deletes?: boolean } = {},
): Promise<SimulatorProcess> {
  const script = kind === 'light' ? 'light-upstream.ts' : 'simulator-process.ts';
  const { child, url } = await forkTypeScript(script, [String(latencyMs), ...(deletes ? ['--deletes'] : [])], {
    name: kind === 'light' ? 'the light upstream' : 'the simulator',
  });
  return {
    url,
    pid: child.pid as number,
    stats: () =>
      new Promise((resolve) => {
        child.once('message', (stats: SimulatorStats) => resolve(stats));
        child.send('stats');
      }),
    stop: () => {
      children.delete(child);
      child.kill('SIGKILL');
    },
  };
}

export interface GatewayProcess {
  url: string;
  pid: number;
  /** The file its log lines go to. */
  logFile: string;
  stop(): Promise<void>;
}

/**
 * `node dist/cli/main.js` with the gateway's flags (as `npm start` runs it) in production mode, logging at info (one line per operation) to a file, with
 * `env` on top of that (e.g. UPSTREAM_TIMEOUT_MS).
 */
export async function startGateway(upstreamUrl: string, env: Record<string, string> = {}): Promise<GatewayProcess> {
  const port = await freePort();
  const logFile = join(tmpdir(), `bench-gateway-${process.pid}-${port}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [...GATEWAY_NODE_FLAGS, ...gatewayNodeFlags(), join(ROOT, 'dist/cli/main.js')],
    {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: String(port),
        HIGHLEVEL_BASE_URL: upstreamUrl,
        SHUTDOWN_DELAY_MS: '0',
        ...env,
      },
      stdio: ['ignore', log, 'inherit'],
    },
  );
  closeSync(log);
  children.add(child);
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) break;
    } catch {
      if (tries > 200) throw new Error('the gateway did not become ready');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: origin,
    pid: child.pid as number,
    logFile,
    stop: () => stopGracefully(child),
  };
}

/**
 * The yardstick instead of the gateway (bench/reference-gateway.ts: Apollo Server 5 standalone
 * with one undici resolver), in production mode with the same node flags.
 */
export async function startReferenceGateway(upstreamUrl: string): Promise<GatewayProcess> {
  const { child, url } = await forkTypeScript('reference-gateway.ts', [upstreamUrl], {
    name: 'the reference gateway',
    nodeFlags: gatewayNodeFlags(),
    env: { PATH: process.env.PATH, NODE_ENV: 'production' },
  });
  return { url, pid: child.pid as number, logFile: '', stop: () => stopGracefully(child) };
}

// Passed as arguments rather than NODE_OPTIONS, which refuses most V8 flags (e.g. --single-threaded-gc).
function gatewayNodeFlags(): string[] {
  return (process.env.GATEWAY_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
}

/** Forks one of bench/'s TypeScript processes and waits for the `{ ready: url }` it sends once listening. */
async function forkTypeScript(
  script: string,
  args: string[],
  { name, nodeFlags = [], env }: { name: string; nodeFlags?: string[]; env?: NodeJS.ProcessEnv },
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(__dirname, script), args, {
    execArgv: [...nodeFlags, '-r', join(ROOT, 'test/support/register-ts.js')],
    ...(env ? { env } : {}),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { ready?: string }) =>
      message.ready ? resolve(message.ready) : reject(new Error(`${name} did not start`)),
    );
    child.once('exit', () => reject(new Error(`${name} exited`)));
  });
  return { child, url };
}

async function stopGracefully(child: ChildProcess): Promise<void> {
  children.delete(child);
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
}
