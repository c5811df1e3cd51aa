/**
 * HighLevel's limits as the simulator enforces them: a burst window (100 requests per 10 s) and a daily
 * count (200,000), per token (HighLevel counts per app and location; one token stands for that here),
 * reported on every response in the X-RateLimit-* headers.
 */
export interface RateLimitOptions {
  max: number;
  intervalMs: number;
  daily: number;
}

interface Budget {
  windowStart: number;
  inWindow: number;
  dayStart: number;
  inDay: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Counts one request; `allowed` is false once either budget is spent. */
  take(
    key: string,
    now: number = Date.now(),
  ): { allowed: boolean; retryAfterSeconds: number; headers: Record<string, string> } {
    const { max, intervalMs, daily } = this.options;
    const budget = this.budgets.get(key) ?? { windowStart: now, inWindow: 0, dayStart: now, inDay: 0 };
    if (now - budget.windowStart >= intervalMs) Object.assign(budget, { windowStart: now, inWindow: 0 });
    if (now - budget.dayStart >= DAY_MS) Object.assign(budget, { dayStart: now, inDay: 0 });
    const allowed = budget.inWindow < max && budget.inDay < daily;
    if (allowed) {
      budget.inWindow += 1;
      budget.inDay += 1;
    }
    this.budgets.set(key, budget);
    const resetAt = budget.inDay >= daily ? budget.dayStart + DAY_MS : budget.windowStart + intervalMs;
    return {
      allowed,
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
      headers: {
        'X-RateLimit-Max': String(max),
        'X-RateLimit-Remaining': String(Math.max(0, max - budget.inWindow)),
        'X-RateLimit-Interval-Milliseconds': String(intervalMs),
        'X-RateLimit-Limit-Daily': String(daily),
        'X-RateLimit-Daily-Remaining': String(Math.max(0, daily - budget.inDay)),
      },
    };
  }

  reset(): void {
    this.budgets.clear();
  }
}
