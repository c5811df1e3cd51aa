/**
 * Callers' HighLevel rate budgets in Redis, shared by every replica: the same rules as this process's
 * RateBudgets (src/highlevel/rate-budget.ts), applied by one Lua script per turn of the event loop
 * (that turn's reservations and the answers since, for every caller), so two replicas never
 * read-modify-write the same budget at once, and one command serves any number of callers.
 * A budget is a hash under `<prefix>budget:<sha-256 of the token>`, gone a day after its last use.
 *
 * While a caller has plenty left, a replica takes a lease of units in the same script and spends them
 * without Redis; units it has not spent within LEASE_MS go back. A caller's first lease is
 * LEASE_MIN_UNITS; one spent within LEASE_MS makes the next twice as large, up to LEASE_MAX_UNITS, so a
 * busy caller goes to Redis once per many calls and a quiet one holds little. No lease is more than a
 * LEASE_SHARE-th of what is left (HighLevel's usual 100 a window allow the smallest alone). Leased units count as calls in
 * flight, so the budget every replica sees stays what HighLevel reported less what is out.
 *
 * Calls in flight are counted by the time they were taken, in buckets of BUCKET_MS, and forgotten once
 * no call can still be in flight (the upstream timeout, and a bucket more): a replica that dies with
 * calls or units out, or loses Redis before reporting them, holds nobody back for longer than that.
 *
 * Every answer is also reported to the local budgets, which take over whenever Redis is down (the
 * connection says when): each replica then holds to its own view, so N replicas may together send up to
 * N times what HighLevel last reported as left.
 */
import type { Redis } from 'ioredis';
import type { BudgetBook, RateBudgets, ReportedBudget } from '../highlevel/rate-budget';
import type { SharedStateConnection } from './connection';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The width of one bucket of calls in flight. */
const BUCKET_MS = 5000;
/**
 * Units a lease takes: from LEASE_MIN_UNITS to LEASE_MAX_UNITS, at most a LEASE_SHARE-th of what is
 * left (but never under the minimum), and only while at least LEASE_KEEPS more stay for the others.
 */
const LEASE_MIN_UNITS = 8;
const LEASE_MAX_UNITS = 64;
const LEASE_SHARE = 12;
const LEASE_KEEPS = 32;
/** How long a replica keeps units it has not spent. */
const LEASE_MS = 200;

// Fields: r = remaining in the window (less the calls in flight), d = remaining today, i = window
// length (ms), u = blocked until (ms), m = the least HighLevel reported left in the current window and
// s = when that window was first seen; f0..f(N-1) = a ring of buckets of calls in flight, each
// '<bucket>:<count>', the bucket being floor(time / BUCKET_MS): a bucket older than N is forgotten
// (and its field deleted), as is an empty one.
//
// One script per turn of a replica's event loop, for every caller with something to settle. For each
// (KEYS[n]): leased units given back, the answers that arrived (in order), the reservations asked for
// (one at a time, answering for each -1 (go) or the seconds to wait), then a lease if one is asked for
// and plenty is left (answering the units granted). The rules are RateBudgets', step for step.
// ARGV: now (the replica's clock: replicas agree on time to within what the windows care about), N;
// then per key: the number of returns, per return its bucket and units; the number of answers, per
// answer its bucket ('' when the call was not counted here), answered ('1') or not ('0'), remaining,
// window (ms), remaining today, held for (ms) ('' where the answer said nothing); the number of
// reservations; the most units of lease wanted (0 for none).
const SETTLE = `
local now = tonumber(ARGV[1])
local slots = tonumber(ARGV[2])
local midnight = math.floor(now / ${DAY_MS}) * ${DAY_MS} + ${DAY_MS}
local current = math.floor(now / ${BUCKET_MS})
local fields = {'r', 'd', 'i', 'u', 'm', 's'}
for j = 0, slots - 1 do fields[#fields + 1] = 'f' .. j end
local pos = 3
local out = {}
for n = 1, #KEYS do
  local key = KEYS[n]
  local b = redis.call('HMGET', key, unpack(fields))
  local r, d, i = tonumber(b[1]), tonumber(b[2]), tonumber(b[3])
  local u = tonumber(b[4]) or 0
  local m, s = tonumber(b[5]), tonumber(b[6])
  local count, changed, f = {}, {}, 0
  for j = 0, slots - 1 do
    count[j] = 0
    local raw = b[7 + j]
    if raw then
      local bucket, c = string.match(raw, '^(%d+):(%d+)$')
      bucket = tonumber(bucket)
      if bucket and bucket > current - slots and bucket <= current then
        count[j] = tonumber(c)
        f = f + count[j]
      else
        changed[j] = true
      end
    end
  end
  local function take(bucket, units)
    if not bucket or bucket <= current - slots or bucket > current then return 0 end
    local j = bucket % slots
    local taken = math.min(count[j], units)
    count[j] = count[j] - taken
    changed[j] = true
    f = f - taken
    return taken
  end
  local function add(units)
    local j = current % slots
    count[j] = count[j] + units
    changed[j] = true
    f = f + units
  end
  for k = 1, tonumber(ARGV[pos]) do
    local back = take(tonumber(ARGV[pos + k * 2 - 1]), tonumber(ARGV[pos + k * 2]))
    if r then r = r + back end
    if d then d = d + back end
  end
  pos = pos + 1 + tonumber(ARGV[pos]) * 2
  for k = 1, tonumber(ARGV[pos]) do
    local at = pos + (k - 1) * 6
    local answered, R, I, D, held = ARGV[at + 2], tonumber(ARGV[at + 3]), tonumber(ARGV[at + 4]), tonumber(ARGV[at + 5]), tonumber(ARGV[at + 6])
    take(tonumber(ARGV[at + 1]), 1)
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
  pos = pos + 1 + tonumber(ARGV[pos]) * 6
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
        add(1)
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
    out[#out + 1] = wait
  end
  local lease = tonumber(ARGV[pos + 1])
  pos = pos + 2
  local granted = 0
  if lease > 0 and r then
    lease = math.min(lease, math.max(${LEASE_MIN_UNITS}, math.floor(math.min(r, d or r) / ${LEASE_SHARE})))
  end
  if lease > 0 and u <= now and r and r - lease >= ${LEASE_KEEPS} and (not d or d - lease >= ${LEASE_KEEPS}) then
    granted = lease
    r = r - lease
    if d then d = d - lease end
    add(lease)
  end
  out[#out + 1] = granted
  local set = {'u', u}
  if r then set[#set + 1] = 'r'; set[#set + 1] = r else redis.call('HDEL', key, 'r') end
  if d then set[#set + 1] = 'd'; set[#set + 1] = d else redis.call('HDEL', key, 'd') end
  if i then set[#set + 1] = 'i'; set[#set + 1] = i end
  if m then set[#set + 1] = 'm'; set[#set + 1] = m; set[#set + 1] = 's'; set[#set + 1] = s else redis.call('HDEL', key, 'm', 's') end
  local emptied = {}
  for j = 0, slots - 1 do
    if changed[j] then
      if count[j] > 0 then
        set[#set + 1] = 'f' .. j
        set[#set + 1] = (current - ((current - j) % slots)) .. ':' .. count[j]
      else
        emptied[#emptied + 1] = 'f' .. j
      end
    end
  end
  if #emptied > 0 then redis.call('HDEL', key, unpack(emptied)) end
  redis.call('HSET', key, unpack(set))
  redis.call('PEXPIRE', key, math.max(${DAY_MS}, u - now + 1000))
end
return out
`;

interface BudgetCommands {
  hlgwSettle(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<number[]>;
}

type BudgetRedis = Redis & BudgetCommands;

/** What this replica has for one caller's budget since its last script. */
interface Pending {
  /** Per return: bucket, units. */
  returns: number[];
  /** Per answer: bucket, answered, remaining, window, remaining today, held for. */
  answers: (string | number)[];
  waiters: ((wait: number | undefined) => void)[];
  /** The units of lease to ask for with these reservations. */
  leaseUnits: number;
}

/**
 * Units of a caller's budget this replica holds, counted in flight in `bucket`; `size` is what was
 * granted. Kept with no units left until it would have expired: the next lease is then larger.
 */
interface Lease {
  units: number;
  size: number;
  bucket: number;
  until: number;
}

/**
 * How long an answer's report may wait for the next reservation (which carries it at no extra
 * cost) before it is sent alone, while the caller has plenty left. Until it lands, other replicas count
 * the call as still in flight: they hold back a little more, never less.
 */
const REPORT_WITHIN_MS = 100;
/**
 * Left in the window at or below which every answer is reported at once, and a lease given back:
 * near the end of a budget what HighLevel says decides the next calls. So does a 429 and a spent day.
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

export interface SharedRateBudgetsOptions {
  /** The longest a call can be in flight: calls counted longer ago than this (and a bucket) are forgotten. */
  longestCallMs: number;
  now?: () => number;
}

export class SharedRateBudgets implements BudgetBook {
  private readonly redis: BudgetRedis;
  private readonly now: () => number;
  /** Buckets in the ring: enough that a bucket is forgotten only after the longest call. */
  private readonly slots: number;
  private pending = new Map<string, Pending>();
  private readonly leases = new Map<string, Lease>();
  /** Callers with a lease asked for and not answered yet: one at a time. */
  private readonly leasing = new Set<string>();
  /** Per caller, the buckets of this replica's calls in flight counted in Redis, oldest first. */
  private readonly counted = new Map<string, number[]>();
  private reservationsDue = false;
  private reportsDue: NodeJS.Timeout | undefined;
  private leasesDue: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: SharedStateConnection,
    /** This process's budgets: always told, used while Redis is down. */
    private readonly local: RateBudgets,
    { longestCallMs, now = Date.now }: SharedRateBudgetsOptions,
  ) {
    this.now = now;
    this.slots = Math.ceil(longestCallMs / BUCKET_MS) + 2;
    this.redis = connection.redis as BudgetRedis;
    // EVALSHA, loaded again by ioredis when Redis has lost its scripts (a restart).
    this.redis.defineCommand('hlgwSettle', { lua: SETTLE });
  }

  reserve(key: string): number | undefined | Promise<number | undefined> {
    if (!this.connection.isUp) {
      // What was leased is forgotten: Redis counts it in flight until its bucket is.
      this.leases.clear();
      return this.local.reserve(key);
    }
    const lease = this.leases.get(key);
    let leaseUnits = LEASE_MIN_UNITS;
    if (lease) {
      const current = lease.until > this.now();
      if (current && lease.units > 0) {
        lease.units -= 1;
        this.count(key, lease.bucket);
        return undefined;
      }
      // Spent before it expired: this caller is busy enough for a larger one.
      if (current) leaseUnits = Math.min(LEASE_MAX_UNITS, lease.size * 2);
      this.giveBack(key);
    }
    return new Promise((resolve) => {
      const pending = this.pendingFor(key);
      pending.waiters.push(resolve);
      pending.leaseUnits = Math.max(pending.leaseUnits, leaseUnits);
      this.settleSoon();
    });
  }

  observe(key: string, reported: ReportedBudget | undefined): void {
    this.local.observe(key, reported);
    const bucket = this.uncount(key);
    if (!this.connection.isUp) return;
    // The answer does not wait for its report: it goes at the end of this turn when urgent, else with
    // the next reservation here (any caller's), or alone within REPORT_WITHIN_MS.
    this.pendingFor(key).answers.push(
      bucket ?? '',
      reported ? '1' : '0',
      text(reported?.remaining),
      text(reported?.intervalMs),
      text(reported?.dailyRemaining),
      reported?.rateLimitedForSeconds === undefined ? '' : String(reported.rateLimitedForSeconds * 1000),
    );
    if (urgent(reported)) {
      this.giveBack(key);
      this.settleSoon();
      return;
    }
    this.reportsDue ??= setTimeout(() => {
      this.reportsDue = undefined;
      this.settle();
    }, REPORT_WITHIN_MS).unref();
  }

  /** At the end of this turn of the event loop: one script for everything pending. */
  private settleSoon(): void {
    if (this.reservationsDue) return;
    this.reservationsDue = true;
    setImmediate(() => {
      this.reservationsDue = false;
      this.settle();
    });
  }

  private pendingFor(key: string): Pending {
    let pending = this.pending.get(key);
    if (!pending) {
      pending = { returns: [], answers: [], waiters: [], leaseUnits: 0 };
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** A call of this caller's was counted in flight in Redis, in `bucket`. */
  private count(key: string, bucket: number): void {
    const buckets = this.counted.get(key);
    if (buckets) buckets.push(bucket);
    else this.counted.set(key, [bucket]);
  }

  /** The bucket of a call of this caller's that has ended (the oldest counted), if it was counted. */
  private uncount(key: string): number | undefined {
    const buckets = this.counted.get(key);
    if (!buckets) return undefined;
    const bucket = buckets.shift();
    if (buckets.length === 0) this.counted.delete(key);
    return bucket;
  }

  /** The caller's unspent units go back with the next script. */
  private giveBack(key: string): void {
    const lease = this.leases.get(key);
    if (!lease) return;
    this.leases.delete(key);
    if (lease.units > 0) this.pendingFor(key).returns.push(lease.bucket, lease.units);
  }

  /** Units unspent within LEASE_MS go back, so that an idle replica holds nothing for long. */
  private expireLeasesSoon(): void {
    this.leasesDue ??= setTimeout(() => {
      this.leasesDue = undefined;
      const now = this.now();
      for (const [key, lease] of this.leases) if (lease.until <= now) this.giveBack(key);
      this.settle();
      if (this.leases.size > 0) this.expireLeasesSoon();
    }, LEASE_MS).unref();
  }

  /**
   * Everything pending, for every caller, in one script (one command whatever the number of callers);
   * the reservations fall back to local state if it fails.
   */
  private settle(): void {
    if (this.pending.size === 0) return;
    const now = this.now();
    const bucket = Math.floor(now / BUCKET_MS);
    const keys: string[] = [];
    const args: (string | number)[] = [now, this.slots];
    const settled = this.pending;
    this.pending = new Map();
    if (this.reportsDue) {
      clearTimeout(this.reportsDue);
      this.reportsDue = undefined;
    }
    const leasing: boolean[] = [];
    for (const [key, { returns, answers, waiters, leaseUnits }] of settled) {
      keys.push(budgetKey(key));
      args.push(returns.length / 2, ...returns, answers.length / 6, ...answers, waiters.length);
      const lease = waiters.length > 0 && !this.leasing.has(key);
      if (lease) this.leasing.add(key);
      leasing.push(lease);
      args.push(lease ? leaseUnits : 0);
    }
    void this.connection
      .run((redis) => (redis as BudgetRedis).hlgwSettle(keys.length, ...keys, ...args))
      .then((answer) => {
        let index = 0;
        let n = 0;
        for (const [key, { waiters }] of settled) {
          for (const resolve of waiters) {
            const wait = answer?.[index++];
            if (wait === undefined) {
              resolve(this.local.reserve(key));
            } else if (wait < 0) {
              this.count(key, bucket);
              resolve(undefined);
            } else {
              resolve(wait);
            }
          }
          const granted = answer?.[index++] ?? 0;
          if (leasing[n++]) this.leasing.delete(key);
          if (granted > 0) this.lease(key, { units: granted, size: granted, bucket, until: now + LEASE_MS });
        }
      });
  }

  private lease(key: string, lease: Lease): void {
    if (!this.connection.isUp || this.leases.has(key)) {
      // Redis went down meanwhile (Redis forgets the units with their bucket), or a lease is already
      // held: these go back.
      this.pendingFor(key).returns.push(lease.bucket, lease.units);
      if (this.connection.isUp) this.settleSoon();
      return;
    }
    this.leases.set(key, lease);
    this.expireLeasesSoon();
  }
}

function budgetKey(key: string): string {
  return `budget:${key}`;
}

function text(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
