/**
 * What the probe thread (health-thread.ts) knows of its gateway, in memory the two threads share:
 * when the main event loop last turned, whether shutdown has begun, and (for a WORKERS primary) how
 * many workers run. The main thread writes, the probe thread reads; each cell is read whole
 * (Atomics), and the clock is the process's monotonic one, which both threads share.
 */
const BEAT = 0;
const SHUTTING_DOWN = 1;
const RUNNING = 2;
const CONFIGURED = 3;
const CELLS = 4;

/** What the probe thread reads at each request. */
export interface HealthReading {
  /** How long ago the main event loop last turned, in ms. */
  sinceBeatMs: number;
  shuttingDown: boolean;
  /** A WORKERS primary's group: running and configured workers; undefined for a single process. */
  group: { running: number; configured: number } | undefined;
}

export class HealthState {
  private readonly cells: BigInt64Array;

  /** A new state for the main thread to write; `buffer` is handed to the probe thread. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(CELLS * BigInt64Array.BYTES_PER_ELEMENT)) {
    this.cells = new BigInt64Array(buffer);
  }

  /** The main event loop has turned. */
  beat(): void {
    Atomics.store(this.cells, BEAT, process.hrtime.bigint());
  }

  shutDown(): void {
    Atomics.store(this.cells, SHUTTING_DOWN, 1n);
  }

  setGroup(running: number, configured: number): void {
    Atomics.store(this.cells, RUNNING, BigInt(running));
    Atomics.store(this.cells, CONFIGURED, BigInt(configured));
  }

  read(): HealthReading {
    const configured = Number(Atomics.load(this.cells, CONFIGURED));
    return {
      sinceBeatMs: Number(process.hrtime.bigint() - Atomics.load(this.cells, BEAT)) / 1e6,
      shuttingDown: Atomics.load(this.cells, SHUTTING_DOWN) === 1n,
      group: configured > 0 ? { running: Number(Atomics.load(this.cells, RUNNING)), configured } : undefined,
    };
  }
}

export interface HealthAnswer {
  status: number;
  /** `alive`, `ready`, `shutting down`, `event loop stalled`, `no worker running`. */
  state: string;
}

/**
 * The answers of the health port. `/healthz` (liveness): alive while the main event loop turns, 503
 * once it has not for `stallMs` (a loop stuck that long serves nobody, and a restart is the remedy).
 * `/readyz` (readiness): 503 from shutdown on, while the loop is stalled, and while a group has no
 * worker running; otherwise ready. Anything else: undefined (404).
 */
export function healthAnswer(path: string, reading: HealthReading, stallMs: number): HealthAnswer | undefined {
  const stalled = reading.sinceBeatMs > stallMs;
  if (path === '/healthz')
    return stalled ? { status: 503, state: 'event loop stalled' } : { status: 200, state: 'alive' };
  if (path !== '/readyz') return undefined;
  if (reading.shuttingDown) return { status: 503, state: 'shutting down' };
  if (stalled) return { status: 503, state: 'event loop stalled' };
  if (reading.group?.running === 0) return { status: 503, state: 'no worker running' };
  return { status: 200, state: 'ready' };
}
