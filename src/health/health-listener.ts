/**
 * HEALTH_PORT: /healthz and /readyz on a port of their own, answered by a thread of their own
 * (health-thread.ts), as Apollo Router and Envoy serve health checks apart from traffic. On the
 * GraphQL port a probe waits its turn with the requests: a burst of thousands waits it for as long as
 * Node takes to read them, and an orchestrator may restart a replica that is only busy. Here the
 * answer never waits, and liveness means the main event loop has turned within HEALTH_STALL_MS.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { HealthState } from './health-state';

/** How often the main thread tells the probe thread that its event loop turns. */
const BEAT_INTERVAL_MS = 100;

export interface HealthThreadData {
  buffer: SharedArrayBuffer;
  port: number;
  host: string;
  stallMs: number;
}

export type HealthThreadMessage = { type: 'listening'; port: number } | { type: 'error'; code: string };

export interface HealthListener {
  /** The port it listens on (HEALTH_PORT, or the one chosen when that is 0). */
  port: number;
  /** Shutdown has begun: /readyz answers 503 from now on. */
  shutDown(): void;
  /** A WORKERS primary's group, for /readyz and `X-Gateway-Workers`. */
  setGroup(running: number, configured: number): void;
  close(): Promise<void>;
}

export class HealthPortError extends Error {
  constructor(
    readonly port: number,
    readonly code: string,
  ) {
    super(`HEALTH_PORT ${port}: could not listen (${code})`);
    this.name = 'HealthPortError';
  }
}

export async function startHealthListener(options: {
  port: number;
  host: string;
  stallMs: number;
  onThreadError: (error: Error) => void;
}): Promise<HealthListener> {
  const state = new HealthState();
  state.beat();
  const heartbeat = setInterval(() => state.beat(), BEAT_INTERVAL_MS);
  heartbeat.unref();
  const data: HealthThreadData = {
    buffer: state.buffer,
    port: options.port,
    host: options.host,
    stallMs: options.stallMs,
  };
  // Next to this module: health-thread.js when built, health-thread.ts when run from the sources.
  const worker = new Worker(join(__dirname, `health-thread${extname(__filename)}`), { workerData: data });
  worker.unref();
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: HealthThreadMessage) =>
      message.type === 'listening' ? resolve(message.port) : reject(new HealthPortError(options.port, message.code)),
    );
    worker.once('error', reject);
  }).catch(async (error: unknown) => {
    clearInterval(heartbeat);
    await worker.terminate();
    throw error;
  });
  worker.on('error', options.onThreadError);
  return {
    port,
    shutDown: () => state.shutDown(),
    setGroup: (running, configured) => state.setGroup(running, configured),
    close: async () => {
      clearInterval(heartbeat);
      // Its server and connections end with it.
      await worker.terminate();
    },
  };
}
