/**
 * Shared state against a real redis-server: budgets reserved by two replicas' connections are one
 * budget, persisted queries registered through one are found through the other, and when Redis is
 * killed, paused or restarted every call goes on with local state within the command timeout, with
 * one log line per change of state, and shared state comes back by itself.
 */
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { RedisConfig } from '../../src/config';
import { RateBudgets, reportedBudget } from '../../src/highlevel/rate-budget';
import { createLogger } from '../../src/logging/logger';
import { SharedStateConnection } from '../../src/shared-state/connection';
import { SharedPersistedQueries } from '../../src/shared-state/shared-persisted-queries';
import { SharedRateBudgets } from '../../src/shared-state/shared-rate-budgets';
import { startRedis, type RedisServer } from '../support/redis-server';
import { until } from '../support/until';

const TIMEOUT_MS = 50;
let redis: RedisServer;
let lines: string[];
const opened: SharedStateConnection[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());
beforeEach(() => {
  lines = [];
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((connection) => connection.close()));
});

const logger = () => createLogger('info', { write: (line: string) => void lines.push(line) });
const config = (prefix: string): RedisConfig => ({
  url: new URL(redis.url),
  commandTimeoutMs: TIMEOUT_MS,
  keyPrefix: prefix,
  persistedQueryTtlSeconds: 60,
});

async function connect(prefix: string): Promise<SharedStateConnection> {
  const connection = new SharedStateConnection(config(prefix), logger());
  opened.push(connection);
  await until(() => connection.isUp);
  return connection;
}

const headers = (remaining: number) => ({
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-interval-milliseconds': '10000',
  'x-ratelimit-daily-remaining': '1000',
});

const LONGEST_CALL_MS = 10_000;
const shared = (connection: SharedStateConnection, now = Date.now, local = new RateBudgets(100)) =>
  new SharedRateBudgets(connection, local, { longestCallMs: LONGEST_CALL_MS, now });

/** Two replicas' budgets over one Redis: each with its own connection and local budgets. */
async function replicas(prefix: string) {
  const [a, b] = [await connect(prefix), await connect(prefix)];
  return [shared(a), shared(b)] as const;
}

/**
 * Reports are not awaited (an answer never waits for Redis), and two replicas' connections are not
 * ordered with each other: a test that reads through one what it reported through the other lets the
 * report land first.
 */
const reported = () => new Promise((resolve) => setTimeout(resolve, 20));

const warnLines = () => lines.filter((line) => line.includes('"level":40'));

describe('shared rate budgets', () => {
  it('are one budget for every replica: what HighLevel reported left, and no more, across both', async () => {
    const [a, b] = await replicas('t1:');
    a.observe('caller', reportedBudget(headers(3)));
    const answers = [await a.reserve('caller'), await b.reserve('caller'), await a.reserve('caller')];
    expect(answers).toEqual([undefined, undefined, undefined]);
    // The window's last request went: every replica now holds the caller for the window.
    expect(await b.reserve('caller')).toBe(10);
    expect(await a.reserve('caller')).toBe(10);
    // Another caller is not held.
    expect(await b.reserve('someone-else')).toBeUndefined();
  });

  it("hold a caller for a 429's retry time on every replica", async () => {
    const [a, b] = await replicas('t2:');
    b.observe('caller', reportedBudget({}, 7));
    await reported();
    expect(await a.reserve('caller')).toBe(7);
  });

  it('reserve atomically: 40 reservations at once from two replicas take exactly the 10 left', async () => {
    const [a, b] = await replicas('t3:');
    a.observe('caller', reportedBudget(headers(10)));
    await reported();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => (n % 2 ? a : b).reserve('caller')));
    expect(answers.filter((wait) => wait === undefined)).toHaveLength(10);
  });
});

describe('shared rate budgets follow the local rules', () => {
  it('count what HighLevel reports left less the calls still in flight on any replica, and forget ended calls', async () => {
    let now = 1_700_000_000_000;
    const [a, b] = [await connect('t8:'), await connect('t8:')];
    const first = shared(a, () => now);
    const second = shared(b, () => now);
    first.observe('k', reportedBudget(headers(4)));
    await reported();
    for (const budgets of [first, second, first, second]) expect(await budgets.reserve('k')).toBeUndefined();
    expect(await second.reserve('k')).toBe(10);
    now += 10_000;
    // A new window: answers to two of the four, the later first, each through another replica.
    second.observe('k', reportedBudget(headers(2)));
    first.observe('k', reportedBudget(headers(3)));
    await reported();
    // The earlier answer (3 left) gives nothing back, and the two in flight will spend the 2 left.
    expect(await first.reserve('k')).toBe(10);
    now += 10_000;
    // The other two ended without an answer: nothing is in flight any more.
    first.observe('k', undefined);
    second.observe('k', undefined);
    // Those reports carry nothing urgent: they reach Redis within 100 ms, or with the next reservation.
    await new Promise((resolve) => setTimeout(resolve, 150));
    second.observe('k', reportedBudget(headers(2)));
    await reported();
    expect(await first.reserve('k')).toBeUndefined();
    expect(await second.reserve('k')).toBeUndefined();
    expect(await first.reserve('k')).toBe(10);
  });
});

describe('shared rate budgets lease units while plenty is left', () => {
  const stored = (connection: SharedStateConnection): Promise<Record<string, string>> =>
    connection.redis.hgetall('budget:k');
  const inFlight = (hash: Record<string, string>) =>
    Object.entries(hash)
      .filter(([field]) => /^f\d+$/.test(field))
      .reduce((sum, [, value]) => sum + Number(value.split(':')[1]), 0);

  it('spend a lease without Redis, and two replicas together send exactly what HighLevel reported left', async () => {
    const [a, b] = await replicas('t9:');
    a.observe('k', reportedBudget(headers(100)));
    await reported();
    let sent = 0;
    let withoutRedis = 0;
    for (let n = 0; n < 300; n += 1) {
      const answer = (n % 2 ? a : b).reserve('k');
      if (!(answer instanceof Promise)) withoutRedis += 1;
      if ((await answer) === undefined) sent += 1;
    }
    expect(sent).toBe(100);
    // Leases served most of the first 100 - 32: every replica's calls came out of one budget.
    expect(withoutRedis).toBeGreaterThan(40);
  });

  it('count leased units in flight, and give unspent ones back after a while', async () => {
    const [a] = await replicas('t10:');
    const connection = await connect('t10:');
    a.observe('k', reportedBudget(headers(100)));
    await reported();
    expect(await a.reserve('k')).toBeUndefined();
    // One call and 8 units out: 91 left for everyone.
    let hash = await stored(connection);
    expect([hash.r, inFlight(hash)]).toEqual(['91', 9]);
    expect(a.reserve('k')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 450));
    hash = await stored(connection);
    // The 7 unspent came back; the two calls are still in flight.
    expect([hash.r, inFlight(hash)]).toEqual(['98', 2]);
    a.observe('k', reportedBudget(headers(97)));
    a.observe('k', reportedBudget(headers(96)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    hash = await stored(connection);
    expect([hash.r, inFlight(hash)]).toEqual(['96', 0]);
  });

  it("grow a busy caller's lease, doubled each time one is spent in time up to 64, and never past a twelfth of what is left", async () => {
    // The sizes of the leases taken by calls made back to back: after each call through Redis, the
    // calls served from the lease without it.
    const leaseSizes = async (budgets: Awaited<ReturnType<typeof replicas>>[number], calls: number) => {
      const sizes: number[] = [];
      for (let n = 0; n < calls; n += 1) {
        const answer = budgets.reserve('k');
        if (answer instanceof Promise) sizes.push(0);
        else sizes.push((sizes.pop() ?? 0) + 1);
        expect(await answer).toBeUndefined();
      }
      return sizes;
    };
    const [busy] = await replicas('t13:');
    busy.observe('k', reportedBudget(headers(1000)));
    await reported();
    // The last lease is not spent yet.
    expect((await leaseSizes(busy, 1 + 8 + 1 + 16 + 1 + 32 + 1 + 64 + 1 + 64 + 1)).slice(0, -1)).toEqual([
      8, 16, 32, 64, 64,
    ]);

    const [small] = await replicas('t14:');
    small.observe('k', reportedBudget(headers(150)));
    await reported();
    // 150 left: 8 (the least), then a twelfth of what is left each time (of 140, then of 128).
    expect((await leaseSizes(small, 1 + 8 + 1 + 11 + 1 + 10 + 1)).slice(0, -1)).toEqual([8, 11, 10]);
  });

  it('give a lease back at once when an answer says the budget is nearly spent', async () => {
    const [a, b] = await replicas('t11:');
    a.observe('k', reportedBudget(headers(100)));
    await reported();
    expect(await a.reserve('k')).toBeUndefined();
    // Another client of the same app spent most of the window: HighLevel says 12 are left.
    a.observe('k', reportedBudget(headers(12)));
    expect(a.reserve('k')).toBeInstanceOf(Promise);
    await reported();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).reserve('k')));
    // 12 left, less the one reservation above still in flight.
    expect(answers.filter((wait) => wait === undefined)).toHaveLength(11);
  });

  it('forget calls and units a replica took and never reported, once no call can still be in flight', async () => {
    let now = 1_700_000_000_000;
    const [connection, lost] = [await connect('t12:'), await connect('t12:')];
    const crashed = shared(lost, () => now);
    crashed.observe('k', reportedBudget(headers(100)));
    await reported();
    // Ten calls out (the first and the tenth through Redis, each with a lease of 8), then the replica is
    // gone without a word.
    for (let n = 0; n < 10; n += 1) await crashed.reserve('k');
    await lost.close();
    const survivor = shared(await connect('t12:'), () => now);
    now += 1000;
    survivor.observe('k', reportedBudget(headers(90)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The ten calls were answered to nobody, and the second lease's 8 units never came back.
    expect((await stored(connection)).r).toBe('72');
    now += LONGEST_CALL_MS + 10_000;
    survivor.observe('k', reportedBudget(headers(80)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const hash = await stored(connection);
    expect([hash.r, inFlight(hash)]).toEqual(['80', 0]);
  });
});

describe('shared persisted queries', () => {
  it('registered through one replica are found through another, with a TTL', async () => {
    const [a, b] = [await connect('t4:'), await connect('t4:')];
    const first = new SharedPersistedQueries(a, new InMemoryLRUCache<string>(), 60);
    const second = new SharedPersistedQueries(b, new InMemoryLRUCache<string>(), 60);
    await first.set('hash1', '{ __typename }');
    expect(await second.get('hash1')).toBe('{ __typename }');
    expect(await second.get('unknown')).toBeUndefined();
    expect(await a.redis.ttl('apq:hash1')).toBeGreaterThan(50);
  });
});

describe('when Redis fails', () => {
  it('killed: calls go on with local state at once, one warn line, and shared state comes back after a restart', async () => {
    const connection = await connect('t5:');
    const local = new RateBudgets(100);
    const budgets = shared(connection, Date.now, local);
    budgets.observe('caller', reportedBudget(headers(0)));
    expect(await budgets.reserve('caller')).toBe(10);

    await redis.kill();
    await until(() => !connection.isUp);
    for (let i = 0; i < 20; i += 1) {
      const started = performance.now();
      // The local budgets were told too: the caller is still held.
      expect(await budgets.reserve('caller')).toBe(10);
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
    }
    expect(await budgets.reserve('another')).toBeUndefined();
    expect(warnLines()).toHaveLength(1);
    expect(warnLines()[0]).toContain('shared state (Redis) unavailable');

    await redis.restart();
    await until(() => connection.isUp, 5000);
    expect(lines.filter((line) => line.includes('shared state (Redis) in use'))).toHaveLength(2);
    // A fresh Redis knows nothing: the caller goes (HighLevel will say again how much is left).
    expect(await budgets.reserve('caller')).toBeUndefined();
    expect(warnLines()).toHaveLength(1);
  }, 20_000);

  it('paused: no call waits longer than the command timeout, and after the first none waits at all', async () => {
    const connection = await connect('t6:');
    const budgets = shared(connection);
    redis.pause();
    try {
      const waits: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        const started = performance.now();
        expect(await budgets.reserve('caller')).toBeUndefined();
        waits.push(performance.now() - started);
      }
      expect(Math.max(...waits)).toBeLessThan(TIMEOUT_MS + 30);
      expect(Math.max(...waits.slice(1))).toBeLessThan(5);
      expect(connection.isUp).toBe(false);
      expect(warnLines()).toHaveLength(1);
    } finally {
      redis.resume();
    }
    await until(() => connection.isUp, 5000);
    expect(warnLines()).toHaveLength(1);
  }, 20_000);

  it('unreachable from the start: the gateway starts on local state with one warn line', async () => {
    const connection = new SharedStateConnection({ ...config('t7:'), url: new URL('redis://127.0.0.1:1') }, logger());
    opened.push(connection);
    const queries = new SharedPersistedQueries(connection, new InMemoryLRUCache<string>(), 60);
    await queries.set('h', 'q');
    expect(await queries.get('h')).toBe('q');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connection.isUp).toBe(false);
    expect(warnLines()).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('password');
  });
});
