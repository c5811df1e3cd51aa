/**
 * One upstream call's deadline, covering every attempt and every wait between attempts. A plain timer
 * cleared when the call ends: AbortSignal.timeout() keeps each signal, its timer and its listeners
 * alive for the whole deadline, which under load is tens of thousands of them (issue 6's soak), and
 * an AbortController per call showed in the profile.
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

/** Waits `ms`; false if the deadline passes first. */
export function sleepWithin(ms: number, deadline: Deadline): Promise<boolean> {
  if (deadline.expired) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      cancel();
      resolve(true);
    }, ms);
    const cancel = deadline.onExpiry(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}
