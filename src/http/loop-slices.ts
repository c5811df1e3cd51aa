/**
 * The event loop stays responsive under a burst: the work of starting GraphQL requests (parsing the
 * body, validating, executing up to the first upstream call) gets at most `budgetMs` of each turn of
 * the event loop, and what does not fit waits, in order of arrival, for the following turns. Without
 * it, a thousand requests landing in one read of the sockets are all started in one go, and
 * everything else (a probe of /healthz, the answers arriving from HighLevel) waits for all of them.
 *
 * Under ordinary load a turn has a few requests and each starts at once: the cost is a clock read.
 */
export class LoopSlices {
  /** When this turn's slice began; NaN once the turn is over. */
  private sliceStartedAt = Number.NaN;
  private readonly deferred: (() => void)[] = [];
  private head = 0;

  constructor(private readonly budgetMs: number) {}

  /** Starts `work` now if this turn has time left and nothing is waiting, else in a later turn. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const now = performance.now();
    if (Number.isNaN(this.sliceStartedAt)) {
      this.sliceStartedAt = now;
      setImmediate(this.endOfTurn);
    }
    if (this.head === this.deferred.length && now - this.sliceStartedAt < this.budgetMs) return work();
    return new Promise<T>((resolve, reject) => {
      this.deferred.push(() => void work().then(resolve, reject));
    });
  }

  /** Requests whose start waits for a later turn. */
  get waiting(): number {
    return this.deferred.length - this.head;
  }

  /** Starts waiting work for up to one budget, then lets the loop turn (I/O, timers) before more. */
  private readonly endOfTurn = (): void => {
    const started = performance.now();
    while (this.head < this.deferred.length && performance.now() - started < this.budgetMs) {
      const start = this.deferred[this.head] as () => void;
      this.deferred[this.head] = noop; // drop the reference to what has started
      this.head += 1;
      start();
    }
    if (this.head === this.deferred.length) {
      this.deferred.length = 0;
      this.head = 0;
      this.sliceStartedAt = Number.NaN;
    } else {
      if (this.head > 1024 && this.head * 2 > this.deferred.length) {
        this.deferred.splice(0, this.head);
        this.head = 0;
      }
      // The next turn begins with its slice already spent on what still waits.
      this.sliceStartedAt = Number.NEGATIVE_INFINITY;
      setImmediate(this.endOfTurn);
    }
  };
}

function noop(): void {}
