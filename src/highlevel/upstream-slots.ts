/**
 * Admission of upstream calls: at most `capacity` in flight to one upstream (the connection pool's
 * size, so undici never queues a call where its wait could not be seen), the rest waiting in order;
 * and no call sent that cannot plausibly finish before its request's deadline.
 *
 * The gateway learns how long HighLevel takes from the calls it makes: the moving average of their
 * durations (timeouts included). A write (PUT, POST, DELETE) is sent only while its request has at
 * least a margin over that left: one sent with less would be cut off by the deadline mid-flight,
 * perhaps after HighLevel applied it, and its caller told it timed out. A read may be sent as long
 * as any time is left. A call waiting for a slot also gives up, without being sent, once no slot can
 * plausibly free in time: while every slot is busy, the time since the last call was sent is a lower
 * bound on how long the calls in flight take, so when HighLevel stalls, the waiting calls are
 * answered early, in the order they arrived, instead of all at their deadline together.
 */
export type Admission = 'sent' | 'overloaded';

interface Waiter {
  write: boolean;
  deadlineAt: number;
  admit: (admission: Admission) => void;
}

/** A write needs this much more than the expected duration left, plus WRITE_SLACK_MS. */
const WRITE_MARGIN = 1.25;
const WRITE_SLACK_MS = 10;
/** Weight of the newest duration in the moving average. */
const AVERAGE_WEIGHT = 0.2;
/** How often the waiting calls are looked at again, while there are any. */
const SWEEP_MS = 25;

export class UpstreamSlots {
  private inFlight = 0;
  /** The waiting calls are `waiting[head..]`, in order of arrival. */
  private waiting: Waiter[] = [];
  private head = 0;
  private averageMs = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Calls waiting for a slot now. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  /**
   * Takes a slot for a call whose request must be answered by `deadlineAt` (on `now`'s clock):
   * `sent` once it holds one (give it back with `release`), `overloaded` when it must not be sent.
   */
  acquire(write: boolean, deadlineAt: number): Admission | Promise<Admission> {
    if (!this.plausible(write, deadlineAt, false)) return 'overloaded';
    if (this.inFlight < this.capacity && this.queued === 0) return this.take();
    return new Promise((admit) => {
      this.waiting.push({ write, deadlineAt, admit });
      this.sweeper ??= setInterval(this.sweep, SWEEP_MS);
    });
  }

  /** Gives a slot back; `durationMs` is how long the call took, when it was answered or timed out. */
  release(durationMs?: number): void {
    this.inFlight -= 1;
    if (durationMs !== undefined) {
      this.averageMs =
        this.averageMs === 0 ? durationMs : this.averageMs + AVERAGE_WEIGHT * (durationMs - this.averageMs);
    }
    while (this.inFlight < this.capacity && this.queued > 0) {
      const next = this.waiting[this.head] as Waiter;
      this.head += 1;
      if (this.plausible(next.write, next.deadlineAt, false)) next.admit(this.take());
      else next.admit('overloaded');
    }
    if (this.head > 1024 && this.head * 2 > this.waiting.length) this.compact();
    this.stopSweepingIfIdle();
  }

  private take(): Admission {
    this.inFlight += 1;
    this.lastSentAt = this.now();
    return 'sent';
  }

  /** Whether a call could finish by `deadlineAt`, if sent now (`waiting`: once a slot frees). */
  private plausible(write: boolean, deadlineAt: number, waiting: boolean): boolean {
    const now = this.now();
    const left = deadlineAt - now;
    // While every slot is busy, the calls in flight have taken at least this long so far.
    const expected = waiting ? Math.max(this.averageMs, now - this.lastSentAt) : this.averageMs;
    return write ? left >= WRITE_MARGIN * expected + WRITE_SLACK_MS : left > (waiting ? expected : 0);
  }

  private readonly sweep = (): void => {
    const kept: Waiter[] = [];
    for (let index = this.head; index < this.waiting.length; index += 1) {
      const waiter = this.waiting[index] as Waiter;
      if (this.plausible(waiter.write, waiter.deadlineAt, true)) kept.push(waiter);
      else waiter.admit('overloaded');
    }
    this.waiting = kept;
    this.head = 0;
    this.stopSweepingIfIdle();
  };

  private compact(): void {
    this.waiting = this.waiting.slice(this.head);
    this.head = 0;
  }

  private stopSweepingIfIdle(): void {
    if (this.queued === 0 && this.sweeper !== undefined) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}
