import { healthAnswer, HealthState, type HealthReading } from '../../src/health/health-state';

const fresh: HealthReading = { sinceBeatMs: 20, shuttingDown: false, group: undefined };

describe('healthAnswer', () => {
  it('is alive and ready while the main event loop turns', () => {
    expect(healthAnswer('/healthz', fresh, 1000)).toEqual({ status: 200, state: 'alive' });
    expect(healthAnswer('/readyz', fresh, 1000)).toEqual({ status: 200, state: 'ready' });
  });

  it('answers 503 on both once the loop has not turned for longer than the stall limit', () => {
    const stalled = { ...fresh, sinceBeatMs: 1001 };
    expect(healthAnswer('/healthz', stalled, 1000)).toEqual({ status: 503, state: 'event loop stalled' });
    expect(healthAnswer('/readyz', stalled, 1000)).toEqual({ status: 503, state: 'event loop stalled' });
    expect(healthAnswer('/healthz', { ...fresh, sinceBeatMs: 1000 }, 1000)?.status).toBe(200);
  });

  it('is not ready from shutdown on, yet still alive', () => {
    const stopping = { ...fresh, shuttingDown: true };
    expect(healthAnswer('/readyz', stopping, 1000)).toEqual({ status: 503, state: 'shutting down' });
    expect(healthAnswer('/healthz', stopping, 1000)).toEqual({ status: 200, state: 'alive' });
  });

  it('is not ready while a group has no worker serving, and ready with one', () => {
    expect(healthAnswer('/readyz', { ...fresh, group: { running: 0, configured: 2 } }, 1000)).toEqual({
      status: 503,
      state: 'no worker running',
    });
    expect(healthAnswer('/readyz', { ...fresh, group: { running: 1, configured: 2 } }, 1000)?.status).toBe(200);
  });

  it('serves nothing else', () => {
    for (const path of ['/', '/metrics', '/graphql', '/healthz/', '/readyz/x'])
      expect(healthAnswer(path, fresh, 1000)).toBeUndefined();
  });
});

describe('HealthState', () => {
  it('is read back through another view of the same memory, as the probe thread reads it', async () => {
    const written = new HealthState();
    const read = new HealthState(written.buffer);
    written.beat();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const before = read.read();
    expect(before.sinceBeatMs).toBeGreaterThanOrEqual(25);
    expect(before).toMatchObject({ shuttingDown: false, group: undefined });

    written.beat();
    written.shutDown();
    written.setGroup(1, 3);
    const after = read.read();
    expect(after.sinceBeatMs).toBeLessThan(before.sinceBeatMs);
    expect(after).toMatchObject({ shuttingDown: true, group: { running: 1, configured: 3 } });
  });
});
