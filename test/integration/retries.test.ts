import { createServer } from 'node:net';
import { createLimit } from '../../src/request/concurrency';
import { HighLevelClient } from '../../src/highlevel/client';
import { ContactsApi } from '../../src/highlevel/contacts';
import { HighLevelTransport } from '../../src/highlevel/http';
import { createLogger } from '../../src/logging/logger';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';

const logs: string[] = [];
const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
let sim: HighLevelSimulator;
let seed: ReturnType<typeof seedDemoData>;
const transports: HighLevelTransport[] = [];

beforeAll(async () => {
  sim = new HighLevelSimulator();
  await sim.start();
  seed = seedDemoData(sim);
});
afterAll(async () => {
  await Promise.all(transports.map((t) => t.close()));
  await sim.stop();
});
beforeEach(() => {
  sim.reset();
  logs.length = 0;
});

function contacts(timeoutMs: number, baseUrl = sim.baseUrl) {
  const transport = new HighLevelTransport({ baseUrl: new URL(baseUrl), apiVersion: '2021-04-15', timeoutMs }, logger);
  transports.push(transport);
  return new ContactsApi(new HighLevelClient(transport, { kind: 'bearer', token: seed.token }, createLimit(8)), logger);
}
const id = () => seed.contactIds[0] as string;
const attempts = () =>
  logs.map((line) => JSON.parse(line) as { upstream?: { attempt: number } }).filter((e) => e.upstream).length;

describe('GET retries', () => {
  it('retries a 5xx and a reset connection, and succeeds', async () => {
    sim.injectFault({ kind: 'status', status: 503, body: '' });
    sim.injectFault({ kind: 'reset' });
    expect(await contacts(3000).get(id())).toMatchObject({ ok: true });
    expect(sim.received).toHaveLength(3);
  });

  it('stops after three attempts and answers the last failure', async () => {
    sim.injectFault({ kind: 'status', status: 502, body: '' }, 5);
    expect(await contacts(3000).get(id())).toEqual({
      ok: false,
      failure: { kind: 'unavailable', reason: 'server-error', statusCode: 502 },
    });
    expect(sim.received).toHaveLength(3);
  });

  it('waits for Retry-After before retrying a 429', async () => {
    sim.injectFault({ kind: 'status', status: 429, body: '', headers: { 'Retry-After': '1' } });
    const started = performance.now();
    expect(await contacts(3000).get(id())).toMatchObject({ ok: true });
    // Node starts a timer from the event loop's cached clock, so it can fire a millisecond "early"
    // by performance.now(); a retry that ignored Retry-After would come back in a few milliseconds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(sim.received).toHaveLength(2);
  });

  it('does not retry a 429 whose Retry-After ends past the deadline', async () => {
    sim.injectFault({ kind: 'status', status: 429, body: '', headers: { 'Retry-After': '5' } });
    expect(await contacts(1000).get(id())).toEqual({
      ok: false,
      failure: { kind: 'rate-limited', retryAfterSeconds: 5 },
    });
    expect(sim.received).toHaveLength(1);
  });

  it("keeps every retry inside the one deadline: a retry that stalls ends at the call's deadline", async () => {
    sim.injectFault({ kind: 'status', status: 503, body: '' });
    sim.injectFault({ kind: 'stall' });
    const started = performance.now();
    const result = await contacts(400).get(id());
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, failure: { kind: 'unavailable', reason: 'timeout', statusCode: null } });
    expect(sim.received).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(400 + 100);
  });
});

describe('writes are retried only when they never reached upstream', () => {
  it('a PUT answered 5xx is not retried', async () => {
    sim.injectFault({ kind: 'status', status: 503, body: '' });
    expect(await contacts(3000).update(id(), { city: 'X' })).toMatchObject({ ok: false, failure: { statusCode: 503 } });
    expect(sim.received).toHaveLength(1);
  });

  it('a PUT whose connection broke after sending is not retried', async () => {
    sim.injectFault({ kind: 'reset' });
    expect(await contacts(3000).update(id(), { city: 'X' })).toMatchObject({
      ok: false,
      failure: { reason: 'unreachable' },
    });
    expect(sim.received).toHaveLength(1);
  });

  it('a PUT whose connection was refused is retried (it cannot have been applied)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await contacts(3000, `http://127.0.0.1:${port}`).update(id(), { city: 'X' })).toMatchObject({
      ok: false,
      failure: { reason: 'unreachable' },
    });
    expect(attempts()).toBe(3);
    expect(logs.every((line) => line.includes('ECONNREFUSED'))).toBe(true);
  });
});
