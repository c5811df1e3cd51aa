import { LoopSlices } from '../../src/http/loop-slices';

/** Keeps the thread busy for `ms`, as the start of a request does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('LoopSlices', () => {
  it('starts work at once while the turn has time left', async () => {
    const slices = new LoopSlices(5);
    let started = false;
    const done = slices.run(async () => {
      started = true;
      return 1;
    });
    expect(started).toBe(true);
    expect(await done).toBe(1);
  });

  it('starts the rest, in order, in later turns, letting I/O and timers run between slices', async () => {
    const slices = new LoopSlices(5);
    const events: string[] = [];
    const runs = Array.from({ length: 10 }, (_, n) =>
      slices.run(async () => {
        events.push(`start ${n}`);
        busy(2);
        return n;
      }),
    );
    expect(slices.waiting).toBeGreaterThan(0);
    // A timer due at once: it must not wait for all ten.
    const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void events.push('timer')), 0));
    expect(await Promise.all(runs)).toEqual([...Array(10).keys()]);
    await timer;
    const starts = events.filter((event) => event.startsWith('start'));
    expect(starts).toEqual([...Array(10).keys()].map((n) => `start ${n}`));
    expect(events.indexOf('timer')).toBeGreaterThan(0);
    expect(events.indexOf('timer')).toBeLessThan(events.length - 1);
    expect(slices.waiting).toBe(0);
  });

  it('passes on a failure of the work it started', async () => {
    const slices = new LoopSlices(1);
    const failing = slices.run(() => Promise.reject(new Error('no')));
    await expect(failing).rejects.toThrow('no');
  });
});
