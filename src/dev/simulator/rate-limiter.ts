/**
 * HighLevel's limits as the simulator enforces them: a fixed burst window (default 100 requests per
 * 10 s) and a daily count (default 200,000), per token (HighLevel counts per app and location; one
 * token stands for that here), reported on every response in the X-RateLimit-* headers. HighLevel does
 * not say when its day starts; like the gateway (src/highlevel/rate-budget.ts), it is a UTC day here.
 */
export interface RateLimitOptions {
  max: number;
  intervalMs: number;
  daily: number;
}

/** HighLevel's documented limits, per token: 100 requests per 10 s, 200,000 a day. */
export const HIGHLEVEL_RATE_LIMIT: RateLimitOptions = { max: 100, intervalMs: 10_000, daily: 200_000 };

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the budget that refused is renewed (at least 1). */
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

interface Budget {
  windowStart: number;
  inWindow: number;
  day: number;
  inDay: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Counts one request; `allowed` is false once either budget is spent (a refused request is not counted). */
  take(key: string, now: number = Date.now()): RateDecision {
    const budget = this.current(key, now);
    const allowed = budget.inWindow < this.options.max && budget.inDay < this.options.daily;
    if (allowed) {
      budget.inWindow += 1;
      budget.inDay += 1;
    }
    return this.decision(budget, allowed, now);
  }

  /** The headers for a response that was not counted (an error answered before the limiter). */
  peek(key: string, now: number = Date.now()): Record<string, string> {
    const budget = this.budgets.get(key);
    return this.decision(budget ? this.current(key, now) : fresh(now), true, now).headers;
  }

  reset(): void {
    this.budgets.clear();
  }

  private current(key: string, now: number): Budget {
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = fresh(now);
      this.budgets.set(key, budget);
    }
    if (now - budget.windowStart >= this.options.intervalMs) Object.assign(budget, { windowStart: now, inWindow: 0 });
    if (Math.floor(now / DAY_MS) !== budget.day) Object.assign(budget, { day: Math.floor(now / DAY_MS), inDay: 0 });
    return budget;
  }

  private decision(budget: Budget, allowed: boolean, now: number): RateDecision {
    const { max, intervalMs, daily } = this.options;
    const renewsAt = budget.inDay >= daily ? (budget.day + 1) * DAY_MS : budget.windowStart + intervalMs;
    return {
      allowed,
      retryAfterSeconds: Math.max(1, Math.ceil((renewsAt - now) / 1000)),
      headers: {
        'X-RateLimit-Max': String(max),
        'X-RateLimit-Remaining': String(Math.max(0, max - budget.inWindow)),
        'X-RateLimit-Interval-Milliseconds': String(intervalMs),
        'X-RateLimit-Limit-Daily': String(daily),
        'X-RateLimit-Daily-Remaining': String(Math.max(0, daily - budget.inDay)),
      },
    };
  }
}

function fresh(now: number): Budget {
  return { windowStart: now, inWindow: 0, day: Math.floor(now / DAY_MS), inDay: 0 };
}
