import { RateBudgets, reportedBudget } from '../../src/highlevel/rate-budget';

const headers = (remaining: number, dailyRemaining = 1000) => ({
  'x-ratelimit-max': '100',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-interval-milliseconds': '10000',
  'x-ratelimit-limit-daily': '200000',
  'x-ratelimit-daily-remaining': String(dailyRemaining),
});

describe('RateBudgets', () => {
  let now = 1_700_000_000_000;
  const clock = () => now;

  it('lets a caller it knows nothing about through', () => {
    expect(new RateBudgets(10, clock).reserve('k')).toBeUndefined();
  });

  it('spends the reported burst budget locally, then holds the caller for the window', () => {
    const budgets = new RateBudgets(10, clock);
    budgets.observe('k', reportedBudget(headers(2)));
    expect(budgets.reserve('k')).toBeUndefined();
    expect(budgets.reserve('k')).toBeUndefined();
    expect(budgets.reserve('k')).toBe(10);
    now += 4_000;
    expect(budgets.reserve('k')).toBe(6);
    now += 6_000;
    expect(budgets.reserve('k')).toBeUndefined();
  });

  it('holds a caller HighLevel reports at 0 remaining, or answered 429', () => {
    const budgets = new RateBudgets(10, clock);
    budgets.observe('a', reportedBudget(headers(0)));
    expect(budgets.reserve('a')).toBe(10);
    budgets.observe('b', reportedBudget({}, 3));
    expect(budgets.reserve('b')).toBe(3);
  });

  it('holds a caller whose daily budget is spent until the next UTC midnight', () => {
    const start = Date.parse('2026-11-24T23:00:00Z');
    const budgets = new RateBudgets(10, () => start);
    budgets.observe('k', reportedBudget(headers(50, 0)));
    expect(budgets.reserve('k')).toBe(3600);
  });

  it('remembers at most maxKeys callers, forgetting the least recently seen', () => {
    const budgets = new RateBudgets(3, clock);
    for (const key of ['a', 'b', 'c']) budgets.observe(key, reportedBudget(headers(0)));
    budgets.observe('a', reportedBudget(headers(0))); // a is now the most recent
    budgets.observe('d', reportedBudget(headers(0)));
    expect(budgets.size).toBe(3);
    expect(budgets.reserve('b')).toBeUndefined(); // forgotten
    expect(budgets.reserve('a')).toBe(10);
  });

  it('keys by a hash, never the token', () => {
    const key = RateBudgets.keyFor('pit-secret-token');
    expect(key).not.toContain('secret');
    expect(key).toBe(RateBudgets.keyFor('pit-secret-token'));
    expect(key).not.toBe(RateBudgets.keyFor('pit-secret-token2'));
  });

  it('counts what HighLevel reports left less the calls still in flight, and an overtaken answer gives nothing back', () => {
    const budgets = new RateBudgets(10, clock);
    budgets.observe('k', reportedBudget(headers(4)));
    // Four calls go out at once; the budget is then spent until one is answered.
    for (let i = 0; i < 4; i += 1) expect(budgets.reserve('k')).toBeUndefined();
    expect(budgets.reserve('k')).toBe(10);
    now += 10_000;
    // A new window: HighLevel's answers to two of the four, the later (2 left) before the earlier (3).
    budgets.observe('k', reportedBudget(headers(2)));
    budgets.observe('k', reportedBudget(headers(3)));
    // The earlier answer gives nothing back, and the two still in flight will spend the 2: none goes.
    expect(budgets.reserve('k')).toBe(10);
  });

  it('forgets a call that ended without an answer, so it no longer counts as in flight', () => {
    const budgets = new RateBudgets(10, clock);
    expect(budgets.reserve('k')).toBeUndefined();
    expect(budgets.reserve('k')).toBeUndefined();
    budgets.observe('k', undefined);
    budgets.observe('k', reportedBudget(headers(2)));
    // Both calls ended: all of the 2 reported are left.
    expect(budgets.reserve('k')).toBeUndefined();
    expect(budgets.reserve('k')).toBeUndefined();
    expect(budgets.reserve('k')).toBe(10);
  });
});
