/**
 * How long the primary waits before forking a worker again after one exited. A worker that ran for
 * STABLE_AFTER_MS did not crash at start-up: it is restarted at once and the count starts over. Each
 * exit sooner than that doubles the wait, from FIRST_DELAY_MS up to MAX_DELAY_MS, so a worker that
 * cannot start (a bad config, a port taken) costs a fork every 10 s rather than a busy loop.
 */
const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 10_000;
const STABLE_AFTER_MS = 30_000;

export class RestartBackoff {
  private crashes = 0;

  /** The wait before the next fork, for a worker that exited after running `ranMs`. */
  next(ranMs: number): number {
    this.crashes = ranMs >= STABLE_AFTER_MS ? 0 : this.crashes + 1;
    return this.crashes === 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.crashes - 1));
  }
}
