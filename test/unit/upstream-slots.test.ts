import { UpstreamSlots, type Admission } from '../../src/highlevel/upstream-slots';

let now = 0;
const clock = () => now;

beforeEach(() => {
  now = 0;
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

/** Advances both the slots' clock and the timers (the sweep). */
function advance(ms: number): void {
  now += ms;
  jest.advanceTimersByTime(ms);
}

describe('UpstreamSlots', () => {
  it('sends up to its capacity at once, and the rest in order of arrival as slots free', async () => {
    const slots = new UpstreamSlots(2, clock);
    expect(slots.acquire(false, 10_000)).toBe('sent');
    expect(slots.acquire(true, 10_000)).toBe('sent');
    const order: string[] = [];
    const third = Promise.resolve(slots.acquire(false, 10_000)).then((a) => order.push(`third ${a}`));
    const fourth = Promise.resolve(slots.acquire(true, 10_000)).then((a) => order.push(`fourth ${a}`));
    expect(slots.queued).toBe(2);
    slots.release(5);
    slots.release(5);
    await Promise.all([third, fourth]);
    expect(order).toEqual(['third sent', 'fourth sent']);
    expect(slots.queued).toBe(0);
  });

  it('sends no write that cannot plausibly finish: less left than the usual duration and a margin', () => {
    const slots = new UpstreamSlots(10, clock);
    expect(slots.acquire(true, 10_000)).toBe('sent');
    slots.release(1000); // HighLevel takes about a second
    expect(slots.acquire(true, now + 1200)).toBe('overloaded');
    expect(slots.acquire(true, now + 1300)).toBe('sent');
    // A read is sent with any time left: cut off, it has changed nothing.
    expect(slots.acquire(false, now + 50)).toBe('sent');
    expect(slots.acquire(false, now)).toBe('overloaded');
  });

  it('answers waiting calls early, in order, when the calls in flight stall', async () => {
    const slots = new UpstreamSlots(1, clock);
    expect(slots.acquire(false, 2000)).toBe('sent'); // never answered
    const answers: { at: number; admission: Admission }[] = [];
    const waiting = [2000, 2100, 2200].map((deadline) =>
      Promise.resolve(slots.acquire(false, deadline)).then((admission) => answers.push({ at: now, admission })),
    );
    for (let step = 0; step < 60; step += 1) {
      advance(25);
      await Promise.resolve();
    }
    await Promise.all(waiting);
    // Each gave up once the stall had lasted as long as the time it had left: about half its deadline.
    expect(answers.map((answer) => answer.admission)).toEqual(['overloaded', 'overloaded', 'overloaded']);
    expect(answers.map((answer) => answer.at)).toEqual([1000, 1050, 1100]);
  });

  it('keeps waiting calls while the calls in flight are answered in their usual time', async () => {
    const slots = new UpstreamSlots(1, clock);
    expect(slots.acquire(true, 10_000)).toBe('sent');
    slots.release(100);
    expect(slots.acquire(true, 10_000)).toBe('sent');
    const next = Promise.resolve(slots.acquire(true, 10_000));
    advance(100);
    slots.release(100);
    expect(await next).toBe('sent');
  });

  it('gives up a waiting write once what is left of its deadline is below the usual duration', async () => {
    const slots = new UpstreamSlots(1, clock);
    expect(slots.acquire(true, 10_000)).toBe('sent');
    slots.release(1000);
    expect(slots.acquire(true, 10_000)).toBe('sent'); // in flight, never answered
    const write = Promise.resolve(slots.acquire(true, 2000)).then((admission) => ({ at: now, admission }));
    for (let step = 0; step < 40; step += 1) {
      advance(25);
      await Promise.resolve();
    }
    // 1250 ms left at 750 ms: less than 1.25 x 1000 + 10.
    expect(await write).toEqual({ at: 750, admission: 'overloaded' });
  });
});
