/**
 * Callers' HighLevel rate budgets in Redis, shared by every replica: the same rules as this process's
 * RateBudgets (src/highlevel/rate-budget.ts), applied by one Lua script per caller per turn of the
 * event loop (that turn's reservations and the answers since), so two replicas never read-modify-write
 * the same budget at once. A budget is a hash under
 * `<prefix>budget:<sha-256 of the token>`, gone a day after its caller's last answer.
 *
 * Every answer is also reported to the local budgets, which take over whenever Redis is down (the
 * connection says when): each replica then holds to its own view, so N replicas may together send up to
 * N times what HighLevel last reported as left.
 */
import type { Redis } from 'ioredis';
import type { BudgetBook, RateBudgets, ReportedBudget } from '../highlevel/rate-budget';
import type { SharedStateConnection } from './connection';

const DAY_MS = 24 * 60 * 60 * 1000;

// Fields: r = remaining in the window (less the calls in flight), d = remaining today, i = window
// length (ms), u = blocked until (ms), f = calls sent and not answered yet, m = the least HighLevel
// reported left in the current window and s = when that window was first seen.
//
// One script per caller per turn of this replica's event loop: first the answers that arrived (in
// order), then the reservations asked for, one at a time, answering for each -1 (go) or the seconds
// to wait. The rules are RateBudgets' (src/highlevel/rate-budget.ts), step for step.
// ARGV: now (the replica's clock: replicas agree on time to within what the windows care about), the
// number of answers, then per answer: answered ('1') or not ('0'), remaining, window (ms), remaining
// today, held for (ms) ('' where the answer said nothing); then the number of reservations.
const SETTLE = `
local now = tonumber(ARGV[1])
local midnight = math.floor(now / ${DAY_MS}) * ${DAY_MS} + ${DAY_MS}
local b = redis.call('HMGET', KEYS[1], 'r', 'd', 'i', 'u', 'f', 'm', 's')
local r, d, i = tonumber(b[1]), tonumber(b[2]), tonumber(b[3])
local u, f = tonumber(b[4]) or 0, tonumber(b[5]) or 0
local m, s = tonumber(b[6]), tonumber(b[7])
local pos = 3
for k = 1, tonumber(ARGV[2]) do
  local answered, R, I, D, held = ARGV[pos], tonumber(ARGV[pos + 1]), tonumber(ARGV[pos + 2]), tonumber(ARGV[pos + 3]), tonumber(ARGV[pos + 4])
  pos = pos + 5
  f = math.max(0, f - 1)
  if answered == '1' then
    if u <= now then u = 0 end
    if I then i = I end
    if R then
      if not m or not s or now - s >= (i or 0) then
        m, s = R, now
      else
        m = math.min(m, R)
      end
      r = m - f
    end
    if D then d = D end
    if R == 0 and i then u = math.max(u, now + i) end
    if D == 0 then u = math.max(u, midnight) end
    if held then u = math.max(u, now + held) end
  end
end
local out = {}
for k = 1, tonumber(ARGV[pos]) do
  local wait = -1
  if u > now then
    wait = math.ceil((u - now) / 1000)
  else
    if u ~= 0 then r, d, u, m, s = nil, nil, 0, nil, nil end
    if r and r <= 0 then
      u = now + (i or 1000)
      wait = math.ceil((u - now) / 1000)
    else
      f = f + 1
      if r then
        r = r - 1
        if r <= 0 and i then u = now + i end
      end
      if d then
        d = d - 1
        if d <= 0 then u = math.max(u, midnight) end
      end
    end
  end
  out[k] = wait
end
if r then redis.call('HSET', KEYS[1], 'r', r) else redis.call('HDEL', KEYS[1], 'r') end
if d then redis.call('HSET', KEYS[1], 'd', d) else redis.call('HDEL', KEYS[1], 'd') end
if i then redis.call('HSET', KEYS[1], 'i', i) end
if m then redis.call('HSET', KEYS[1], 'm', m, 's', s) else redis.call('HDEL', KEYS[1], 'm', 's') end
redis.call('HSET', KEYS[1], 'u', u, 'f', f)
redis.call('PEXPIRE', KEYS[1], math.max(${DAY_MS}, u - now + 1000))
return out
`;

interface BudgetCommands {
  hlgwSettle(key: string, now: number, ...args: (string | number)[]): Promise<number[]>;
}

type BudgetRedis = Redis & BudgetCommands;

/** What this replica has for one caller's budget since its last script: answers, and waiting reservations. */
interface Pending {
  answers: string[];
  answerCount: number;
  waiters: ((wait: number | undefined) => void)[];
  /** An answer the other replicas must see at once (see `urgent`). */
  urgent: boolean;
}

/**
 * How long an answer's report may wait for its caller's next reservation (which carries it at no extra
 * cost) before it is sent alone, while the caller has plenty left. Until it lands, other replicas count
 * the call as still in flight: they hold back a little more, never less.
 */
const REPORT_WITHIN_MS = 100;
/**
 * Left in the window at or below which every answer is reported at once: near the end of a budget
 * what HighLevel says decides the next calls. So does a 429 and a spent day.
 */
const URGENT_REMAINING = 20;

function urgent(reported: ReportedBudget | undefined): boolean {
  if (!reported) return false;
  const { remaining, dailyRemaining, rateLimitedForSeconds } = reported;
  return (
    rateLimitedForSeconds !== undefined ||
    dailyRemaining === 0 ||
    (remaining !== undefined && remaining <= URGENT_REMAINING)
  );
}

export class SharedRateBudgets implements BudgetBook {
  private readonly redis: BudgetRedis;
  private pending = new Map<string, Pending>();
  private reservationsDue = false;
  private reportsDue: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: SharedStateConnection,
    /** This process's budgets: always told, used while Redis is down. */
    private readonly local: RateBudgets,
    private readonly now: () => number = Date.now,
  ) {
    this.redis = connection.redis as BudgetRedis;
    // EVALSHA, loaded again by ioredis when Redis has lost its scripts (a restart).
    this.redis.defineCommand('hlgwSettle', { numberOfKeys: 1, lua: SETTLE });
  }

  reserve(key: string): number | undefined | Promise<number | undefined> {
    if (!this.connection.isUp) return this.local.reserve(key);
    return new Promise((resolve) => {
      this.pendingFor(key).waiters.push(resolve);
      this.settleSoon();
    });
  }

  /** At the end of this turn of the event loop: one script per caller with reservations or urgent answers. */
  private settleSoon(): void {
    if (this.reservationsDue) return;
    this.reservationsDue = true;
    setImmediate(() => {
      this.reservationsDue = false;
      this.settle((pending) => pending.waiters.length > 0 || pending.urgent);
    });
  }

  observe(key: string, reported: ReportedBudget | undefined): void {
    this.local.observe(key, reported);
    if (!this.connection.isUp) return;
    // The answer does not wait for its report: it goes at the end of this turn when urgent, else with
    // the caller's next reservation here, or alone within REPORT_WITHIN_MS.
    const pending = this.pendingFor(key);
    pending.answerCount += 1;
    pending.answers.push(
      reported ? '1' : '0',
      text(reported?.remaining),
      text(reported?.intervalMs),
      text(reported?.dailyRemaining),
      reported?.rateLimitedForSeconds === undefined ? '' : String(reported.rateLimitedForSeconds * 1000),
    );
    if (urgent(reported)) {
      pending.urgent = true;
      this.settleSoon();
      return;
    }
    this.reportsDue ??= setTimeout(() => {
      this.reportsDue = undefined;
      this.settle(() => true);
    }, REPORT_WITHIN_MS).unref();
  }

  private pendingFor(key: string): Pending {
    let pending = this.pending.get(key);
    if (!pending) {
      pending = { answers: [], answerCount: 0, waiters: [], urgent: false };
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** One script for each caller `due` picks; its reservations fall back to local state on failure. */
  private settle(due: (pending: Pending) => boolean): void {
    const now = this.now();
    for (const [key, pending] of this.pending) {
      if (!due(pending)) continue;
      this.pending.delete(key);
      const { answers, answerCount, waiters } = pending;
      void this.connection
        .run((redis) => (redis as BudgetRedis).hlgwSettle(budgetKey(key), now, answerCount, ...answers, waiters.length))
        .then((waits) => {
          waiters.forEach((resolve, index) => {
            const wait = waits?.[index];
            resolve(wait === undefined ? this.local.reserve(key) : wait < 0 ? undefined : wait);
          });
        });
    }
  }
}

function budgetKey(key: string): string {
  return `budget:${key}`;
}

function text(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
