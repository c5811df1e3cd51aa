/**
 * What HighLevel last said about each caller's rate budget (X-RateLimit-* on every response), so a
 * caller whose burst or daily budget is spent is answered RateLimitedError by the gateway until the
 * window passes, instead of spending more of HighLevel's patience on requests it will refuse.
 *
 * Keyed by a SHA-256 of the token, never the token; at most `maxKeys` callers are remembered (the
 * least recently seen is forgotten first), so memory is bounded whatever the number of callers.
 */
import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { RATE_LIMIT_HEADERS } from './types';
import type { ResponseHeaders } from './outcome';

interface Budget {
  /**
   * Requests left in the current burst window: what HighLevel last reported, less the calls sent and
   * not answered yet (each will spend one), less those sent since.
   */
  remaining: number | undefined;
  /** Calls sent for this caller and not answered yet. */
  inFlight: number;
  /**
   * The least HighLevel has reported left in the current window, and when that window was first seen:
   * within a window an answer reporting more left is older than one reporting less (it overtook it),
   * so it gives nothing back.
   */
  reportedFloor: number | undefined;
  floorSince: number;
  dailyRemaining: number | undefined;
  intervalMs: number | undefined;
  /** No call is sent for this caller before this time (ms since the epoch). */
  blockedUntil: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one HighLevel answer says of its caller's budget (absent: the header was not sent). */
export interface ReportedBudget {
  remaining: number | undefined;
  intervalMs: number | undefined;
  dailyRemaining: number | undefined;
  /** A 429's Retry-After (or window), in seconds. */
  rateLimitedForSeconds: number | undefined;
}

/**
 * Where the transport takes from and reports to a caller's budget: this process's (RateBudgets), or
 * one shared by every replica (src/shared-state/shared-rate-budgets.ts), which answers asynchronously.
 */
export interface BudgetBook {
  /** Seconds to wait when the caller's budget is spent; undefined when the call may go (it is sent). */
  reserve(key: string): number | undefined | Promise<number | undefined>;
  /** A call that was sent has ended: with HighLevel's answer, or (undefined) without one. */
  observe(key: string, reported: ReportedBudget | undefined): void;
}

/** The budget headers of an answer, and a 429's retry time. */
export function reportedBudget(headers: ResponseHeaders, rateLimitedForSeconds?: number | null): ReportedBudget {
  return {
    remaining: numberHeader(headers, RATE_LIMIT_HEADERS.remaining),
    intervalMs: numberHeader(headers, RATE_LIMIT_HEADERS.intervalMs),
    dailyRemaining: numberHeader(headers, RATE_LIMIT_HEADERS.dailyRemaining),
    rateLimitedForSeconds: rateLimitedForSeconds ?? undefined,
  };
}

export class RateBudgets implements BudgetBook {
  // lru-cache rather than a Map re-inserted on every answer: that churn would rebuild the Map's table
  // over and over, each old table garbage for a full collection.
  private readonly budgets: LRUCache<string, Budget>;

  constructor(
    maxKeys: number,
    private readonly now: () => number = Date.now,
  ) {
    this.budgets = new LRUCache<string, Budget>({ max: maxKeys });
  }

  static keyFor(token: string): string {
    // One-shot: no Hash object per call.
    return hash('sha256', token, 'base64url');
  }

  /**
   * Takes one request from the caller's budget. Answers the seconds to wait when the budget is spent
   * (the caller is answered without an upstream call), or undefined when the request may go.
   */
  reserve(key: string): number | undefined {
    const budget = this.touch(key);
    const now = this.now();
    if (budget.blockedUntil > now) return Math.ceil((budget.blockedUntil - now) / 1000);
    if (budget.blockedUntil !== 0) {
      // The window has passed: the spent counts say nothing any more until HighLevel reports again.
      Object.assign(budget, {
        remaining: undefined,
        dailyRemaining: undefined,
        blockedUntil: 0,
        reportedFloor: undefined,
      });
    }
    // Spent by the calls still in flight: none goes until an answer says there is room.
    if (budget.remaining !== undefined && budget.remaining <= 0) {
      budget.blockedUntil = now + (budget.intervalMs ?? 1000);
      return Math.ceil((budget.blockedUntil - now) / 1000);
    }
    budget.inFlight += 1;
    if (budget.remaining !== undefined) {
      budget.remaining -= 1;
      // The last request of the window goes; after it, wait the window out.
      if (budget.remaining <= 0 && budget.intervalMs !== undefined) budget.blockedUntil = now + budget.intervalMs;
    }
    if (budget.dailyRemaining !== undefined) {
      budget.dailyRemaining -= 1;
      if (budget.dailyRemaining <= 0) budget.blockedUntil = Math.max(budget.blockedUntil, nextUtcMidnight(now));
    }
    return undefined;
  }

  /**
   * Learns from a response: the headers HighLevel sends on every answer, and a 429's retry time. What
   * it reports left is less the calls still in flight, so an answer that overtook later calls does not
   * give back what they will spend.
   */
  observe(key: string, reported: ReportedBudget | undefined): void {
    const now = this.now();
    const budget = this.touch(key);
    budget.inFlight = Math.max(0, budget.inFlight - 1);
    if (!reported) return;
    const { remaining, intervalMs, dailyRemaining, rateLimitedForSeconds } = reported;
    // A hold that has passed says nothing beside a fresh answer.
    if (budget.blockedUntil <= now) budget.blockedUntil = 0;
    if (intervalMs !== undefined) budget.intervalMs = intervalMs;
    if (remaining !== undefined) {
      if (budget.reportedFloor === undefined || now - budget.floorSince >= (budget.intervalMs ?? 0)) {
        budget.reportedFloor = remaining;
        budget.floorSince = now;
      } else {
        budget.reportedFloor = Math.min(budget.reportedFloor, remaining);
      }
      budget.remaining = budget.reportedFloor - budget.inFlight;
    }
    if (dailyRemaining !== undefined) budget.dailyRemaining = dailyRemaining;
    if (remaining === 0 && budget.intervalMs !== undefined)
      budget.blockedUntil = Math.max(budget.blockedUntil, now + budget.intervalMs);
    if (dailyRemaining === 0) budget.blockedUntil = Math.max(budget.blockedUntil, nextUtcMidnight(now));
    if (rateLimitedForSeconds !== undefined) {
      budget.blockedUntil = Math.max(budget.blockedUntil, now + rateLimitedForSeconds * 1000);
    }
  }

  get size(): number {
    return this.budgets.size;
  }

  /** The caller's budget, now the most recently seen; the least recently seen goes past `maxKeys`. */
  private touch(key: string): Budget {
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = {
        remaining: undefined,
        inFlight: 0,
        reportedFloor: undefined,
        floorSince: 0,
        dailyRemaining: undefined,
        intervalMs: undefined,
        blockedUntil: 0,
      };
      this.budgets.set(key, budget);
    }
    return budget;
  }
}

function numberHeader(headers: ResponseHeaders, name: string): number | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

// HighLevel does not say when the daily budget resets; the next UTC midnight is the assumption.
export function nextUtcMidnight(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
}
