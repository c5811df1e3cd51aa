import { Deadline, sleepWithin } from '../../src/highlevel/deadline';
import type { Dispatcher } from 'undici';
import { exchange } from '../../src/highlevel/exchange';

afterEach(() => jest.restoreAllMocks());

describe('sleepWithin', () => {
  it('waits on until the time has passed on Date.now() when its timer fires early', async () => {
    // The clock as the rate budgets read it: 10,000 at the start, 5 ms short when the timer fires.
    const now = jest.spyOn(Date, 'now').mockReturnValueOnce(10_000).mockReturnValueOnce(10_015).mockReturnValue(10_020);
    const deadline = new Deadline(5000);
    const started = performance.now();
    await expect(sleepWithin(20, deadline)).resolves.toBe(true);
    deadline.clear();
    // One more timer for the 5 ms left, and only then done.
    expect(now).toHaveBeenCalledTimes(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(23);
  });

  it('answers false when the deadline passes first', async () => {
    const deadline = new Deadline(20);
    await expect(sleepWithin(10_000, deadline)).resolves.toBe(false);
  });

  it('answers false at once when the deadline has already passed', async () => {
    const deadline = new Deadline(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(deadline.expired).toBe(true);
    await expect(sleepWithin(10, deadline)).resolves.toBe(false);
  });
});

describe('exchange', () => {
  it('answers a timeout, and sends nothing, when the deadline has already passed', async () => {
    const deadline = new Deadline(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const dispatch = jest.fn();
    const answer = await exchange(
      { dispatch } as unknown as Dispatcher,
      { method: 'GET', path: '/contacts/x' },
      1024,
      deadline,
    );
    expect(answer).toEqual({ ok: false, reason: 'timeout', status: null, code: 'UND_ERR_ABORTED' });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
