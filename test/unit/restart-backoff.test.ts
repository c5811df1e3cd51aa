import { RestartBackoff } from '../../src/cluster/restart-backoff';

describe("the primary's restart backoff", () => {
  it('doubles the wait for each exit at start-up, from 100 ms up to 10 s', () => {
    const backoff = new RestartBackoff();
    const waits = Array.from({ length: 10 }, () => backoff.next(500));
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000]);
  });

  it('restarts a worker that ran 30 s at once, and starts the count over', () => {
    const backoff = new RestartBackoff();
    backoff.next(500);
    backoff.next(500);
    expect(backoff.next(30_000)).toBe(0);
    expect(backoff.next(500)).toBe(100);
    expect(backoff.next(29_999)).toBe(200);
  });
});
