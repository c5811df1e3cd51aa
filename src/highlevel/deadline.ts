/**
 * One upstream call's deadline, covering every attempt and every wait between attempts. A plain timer
 * cleared when the call ends: AbortSignal.timeout() keeps each signal, its timer and its listeners
 * alive for the whole deadline, which under load is tens of thousands of them, long after their calls
 * ended; a timer cleared at the end of the call holds nothing past it.
 */
export class Deadline {
  private readonly timer: NodeJS.Timeout;
  private readonly listeners = new Set<() => void>();
  private passed = false;

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.passed = true;
      for (const listener of this.listeners) listener();
      this.listeners.clear();
    }, ms);
  }

  get expired(): boolean {
    return this.passed;
  }

  /** Calls `listener` when the deadline passes (at once if it has); answers a function that cancels. */
  onExpiry(listener: () => void): () => void {
    if (this.passed) {
      listener();
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The call is over: no timer left behind. */
  clear(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}

/**
 * Waits `ms`; false if the deadline passes first. Measured on `Date.now()`, the clock the rate budgets
 * read (src/highlevel/rate-budget.ts): a timer starts from the event loop's cached clock and can fire
 * early by as much as the current turn has run, and a retry that woke a millisecond before its
 * Retry-After ended would find its budget still spent and be held back instead of sent.
 */
export function sleepWithin(ms: number, deadline: Deadline): Promise<boolean> {
  if (deadline.expired) return Promise.resolve(false);
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const cancel = deadline.onExpiry(() => {
      clearTimeout(timer);
      resolve(false);
    });
    const wait = (left: number) => {
      timer = setTimeout(() => {
        const rest = until - Date.now();
        if (rest > 0) return wait(rest);
        cancel();
        resolve(true);
      }, left);
    };
    wait(ms);
  });
}
