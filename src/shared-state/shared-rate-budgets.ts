/**
 * Callers' HighLevel rate budgets in Redis, shared by every replica: the same rules as this process's
 * RateBudgets (src/highlevel/rate-budget.ts), each reservation and each report one Lua script, so two
 * replicas never read-modify-write the same budget at once. A budget is a hash under
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
// length (ms), u = blocked until (ms), f = calls sent and not answered yet.
// ARGV[1] is the replica's clock: replicas agree on time to within what the budget's windows care about.
const RESERVE = `
local now = tonumber(ARGV[1])
local b = redis.call('HMGET', KEYS[1], 'r', 'd', 'i', 'u', 'f')
local remaining, daily, interval = tonumber(b[1]), tonumber(b[2]), tonumber(b[3])
local blocked, inflight = tonumber(b[4]) or 0, tonumber(b[5]) or 0
if blocked > now then return math.ceil((blocked - now) / 1000) end
if blocked ~= 0 then
  redis.call('HDEL', KEYS[1], 'r', 'd')
  remaining, daily, blocked = nil, nil, 0
end
if remaining and remaining <= 0 then
  blocked = now + (interval or 1000)
  redis.call('HSET', KEYS[1], 'u', blocked)
  return math.ceil((blocked - now) / 1000)
end
redis.call('HSET', KEYS[1], 'f', inflight + 1)
if remaining then
  remaining = remaining - 1
  redis.call('HSET', KEYS[1], 'r', remaining)
  if remaining <= 0 and interval then blocked = now + interval end
end
if daily then
  daily = daily - 1
  redis.call('HSET', KEYS[1], 'd', daily)
  if daily <= 0 then blocked = math.max(blocked, math.floor(now / ${DAY_MS}) * ${DAY_MS} + ${DAY_MS}) end
end
redis.call('HSET', KEYS[1], 'u', blocked)
redis.call('PEXPIRE', KEYS[1], math.max(${DAY_MS}, blocked - now + 1000))
return -1
`;

// ARGV: now, answered ('1') or not ('0'), remaining, window (ms), remaining today, held for (ms); ''
// where the answer said nothing.
const OBSERVE = `
local now = tonumber(ARGV[1])
local inflight = math.max(0, (tonumber(redis.call('HGET', KEYS[1], 'f')) or 0) - 1)
redis.call('HSET', KEYS[1], 'f', inflight)
if ARGV[2] ~= '1' then return 1 end
local remaining, interval, daily, held = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if interval then redis.call('HSET', KEYS[1], 'i', interval) else interval = tonumber(redis.call('HGET', KEYS[1], 'i')) end
if remaining then redis.call('HSET', KEYS[1], 'r', remaining - inflight) end
if daily then redis.call('HSET', KEYS[1], 'd', daily) end
local blocked = tonumber(redis.call('HGET', KEYS[1], 'u')) or 0
if blocked <= now then blocked = 0 end
if remaining == 0 and interval then blocked = math.max(blocked, now + interval) end
if daily == 0 then blocked = math.max(blocked, math.floor(now / ${DAY_MS}) * ${DAY_MS} + ${DAY_MS}) end
if held then blocked = math.max(blocked, now + held) end
redis.call('HSET', KEYS[1], 'u', blocked)
redis.call('PEXPIRE', KEYS[1], math.max(${DAY_MS}, blocked - now + 1000))
return 1
`;

interface BudgetCommands {
  hlgwReserve(key: string, now: number): Promise<number>;
  hlgwObserve(key: string, now: number, ...reported: string[]): Promise<number>;
}

type BudgetRedis = Redis & BudgetCommands;

export class SharedRateBudgets implements BudgetBook {
  private readonly redis: BudgetRedis;

  constructor(
    private readonly connection: SharedStateConnection,
    /** This process's budgets: always told, used while Redis is down. */
    private readonly local: RateBudgets,
    private readonly now: () => number = Date.now,
  ) {
    this.redis = connection.redis as BudgetRedis;
    // EVALSHA, loaded again by ioredis when Redis has lost its scripts (a restart).
    this.redis.defineCommand('hlgwReserve', { numberOfKeys: 1, lua: RESERVE });
    this.redis.defineCommand('hlgwObserve', { numberOfKeys: 1, lua: OBSERVE });
  }

  reserve(key: string): number | undefined | Promise<number | undefined> {
    if (!this.connection.isUp) return this.local.reserve(key);
    return this.connection
      .run((redis) => (redis as BudgetRedis).hlgwReserve(budgetKey(key), this.now()))
      .then((wait) => (wait === undefined ? this.local.reserve(key) : wait < 0 ? undefined : wait));
  }

  observe(key: string, reported: ReportedBudget | undefined): void {
    this.local.observe(key, reported);
    if (!this.connection.isUp) return;
    const held = reported?.rateLimitedForSeconds === undefined ? '' : String(reported.rateLimitedForSeconds * 1000);
    // Not awaited: the caller's answer does not wait for the report, which the next reservation sees.
    void this.connection.run((redis) =>
      (redis as BudgetRedis).hlgwObserve(
        budgetKey(key),
        this.now(),
        reported ? '1' : '0',
        text(reported?.remaining),
        text(reported?.intervalMs),
        text(reported?.dailyRemaining),
        held,
      ),
    );
  }
}

function budgetKey(key: string): string {
  return `budget:${key}`;
}

function text(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
