import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
let transport: HighLevelTransport;

beforeAll(async () => {
  sim = new HighLevelSimulator();
  const url = await sim.start();
  seed = seedDemoData(sim);
  transport = new HighLevelTransport({ baseUrl: new URL(url), apiVersion: '2021-04-15', timeoutMs: 500 }, logger);
});
afterAll(async () => {
  await transport.close();
  await sim.stop();
});
beforeEach(() => sim.reset());

const contactsFor = (token: string, over: HighLevelTransport = transport) =>
  new ContactsApi(new HighLevelClient(over, { kind: 'bearer', token }, createLimit(8)), logger);

describe('ContactsApi over the transport', () => {
  it("GETs and PUTs with the caller's token, the Version header and the body as given", async () => {
    const contacts = contactsFor(seed.token);
    const read = await contacts.get(seed.contactIds[0] as string);
    expect(read).toMatchObject({ ok: true, value: { id: seed.contactIds[0] } });
    const updated = await contacts.update(seed.contactIds[0] as string, { city: 'Tuscaloosa', email: null });
    expect(updated).toMatchObject({ ok: true, value: { city: 'Tuscaloosa' } });
    expect(sim.received.map((r) => [r.method, r.path, r.headers.authorization, r.headers.version])).toEqual([
      ['GET', `/contacts/${seed.contactIds[0]}`, `Bearer ${seed.token}`, '2021-04-15'],
      ['PUT', `/contacts/${seed.contactIds[0]}`, `Bearer ${seed.token}`, '2021-04-15'],
    ]);
    expect(sim.received[1]?.rawBody).toBe('{"city":"Tuscaloosa","email":null}');
  });

  it("DELETEs with the caller's token and no body, and reads HighLevel's { succeded: true }", async () => {
    sim.addContact({ id: 'clientDelete00000001', locationId: seed.locationId });
    expect(await contactsFor(seed.token).delete('clientDelete00000001')).toEqual({
      ok: true,
      value: { succeded: true },
    });
    expect(sim.received.map((r) => [r.method, r.path, r.headers.authorization, r.rawBody])).toEqual([
      ['DELETE', '/contacts/clientDelete00000001', `Bearer ${seed.token}`, ''],
    ]);
    expect(await contactsFor(seed.token).delete('clientDelete00000001')).toMatchObject({
      ok: false,
      failure: { kind: 'not-found' },
    });
  });

  it('never calls upstream without credentials', async () => {
    const missing = new ContactsApi(new HighLevelClient(transport, { kind: 'missing' }, createLimit(8)), logger);
    expect(await missing.get('abc')).toMatchObject({
      ok: false,
      failure: { kind: 'unauthenticated', reason: 'missing-credentials' },
    });
    const malformed = new ContactsApi(new HighLevelClient(transport, { kind: 'malformed' }, createLimit(8)), logger);
    expect(await malformed.update('abc', { city: 'x' })).toMatchObject({
      ok: false,
      failure: { reason: 'malformed-credentials' },
    });
    expect(sim.received).toHaveLength(0);
  });

  it('encodes the id as a single path segment', async () => {
    await contactsFor(seed.token).get('a/../b?c');
    expect(sim.received[0]?.path).toBe('/contacts/a%2F..%2Fb%3Fc');
  });

  it('keeps a base URL path prefix', async () => {
    const prefixed = new HighLevelTransport(
      { baseUrl: new URL(`${sim.baseUrl}/api/v2/`), apiVersion: '2021-07-28', timeoutMs: 500 },
      logger,
    );
    try {
      await contactsFor(seed.token, prefixed).get('abc');
      expect(sim.received[0]?.path).toBe('/api/v2/contacts/abc');
      expect(sim.received[0]?.headers.version).toBe('2021-07-28');
    } finally {
      await prefixed.close();
    }
  });

  it('answers a stalled upstream as a timeout within the deadline (500 ms)', async () => {
    sim.injectFault({ kind: 'stall' });
    const started = performance.now();
    const result = await contactsFor(seed.token).get(seed.contactIds[0] as string);
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, failure: { kind: 'unavailable', reason: 'timeout', statusCode: null } });
    expect(elapsed).toBeGreaterThanOrEqual(480);
    expect(elapsed).toBeLessThan(500 + 150);
  });

  it('times out a body that stops halfway, keeping the status', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"contact":{"id":');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const slow = new HighLevelTransport(
      {
        baseUrl: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        apiVersion: '2021-04-15',
        timeoutMs: 300,
      },
      logger,
    );
    try {
      expect(await contactsFor('t', slow).get('abc')).toEqual({
        ok: false,
        failure: { kind: 'unavailable', reason: 'timeout', statusCode: 200 },
      });
    } finally {
      await slow.close();
      server.closeAllConnections();
      server.close();
    }
  });

  it('does not follow redirects', async () => {
    sim.injectFault({ kind: 'status', status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    expect(await contactsFor(seed.token).get('abc')).toEqual({
      ok: false,
      failure: { kind: 'unavailable', reason: 'bad-response', statusCode: 302 },
    });
    expect(sim.received).toHaveLength(1);
  });

  it('refuses a response body over the size cap', async () => {
    sim.injectFault({
      kind: 'status',
      status: 200,
      body: { contact: { id: 'x', notes: 'x'.repeat(3 * 1024 * 1024) } },
    });
    expect(await contactsFor(seed.token).get('abc')).toEqual({
      ok: false,
      failure: { kind: 'unavailable', reason: 'bad-response', statusCode: 200 },
    });
  });

  it('logs calls by endpoint template and never the token or the upstream address', async () => {
    logs.length = 0;
    sim.injectFault({ kind: 'reset' });
    await contactsFor(seed.token).get(seed.contactIds[0] as string);
    await contactsFor(seed.token).get(seed.contactIds[0] as string);
    expect(logs.join('\n')).toContain('GET /contacts/{contactId}');
    for (const line of logs) {
      expect(line).not.toContain(seed.token);
      expect(line).not.toContain(new URL(sim.baseUrl).host);
      expect(line).not.toContain(seed.contactIds[0]);
    }
  });

  it('classifies a response with more header bytes than allowed as a bad response, not unreachable', async () => {
    const headers = Object.fromEntries(Array.from({ length: 10_000 }, (_, n) => [`x-h${n}`, 'v']));
    sim.injectFault({ kind: 'status', status: 200, body: { contact: { id: 'x' } }, headers });
    expect(await contactsFor(seed.token).update('abc', { city: 'x' })).toEqual({
      ok: false,
      failure: { kind: 'unavailable', reason: 'bad-response', statusCode: null },
    });
  });

  it.each([
    ['a 200 that is not JSON', { kind: 'garbage' } as const],
    ['an empty 200', { kind: 'status', status: 200, body: '' } as const],
    ['a redirect', { kind: 'status', status: 302, headers: { location: 'http://127.0.0.1:1/x' } } as const],
    ['a 500', { kind: 'status', status: 500 } as const],
  ])('logs %s as a failed call at warn', async (_name, fault) => {
    logs.length = 0;
    sim.injectFault(fault, 3);
    await contactsFor(seed.token).update('abc', { city: 'x' });
    const failedCalls = logs
      .map((line) => JSON.parse(line) as { level: number; msg: string; upstream?: { failure?: string } })
      .filter((entry) => entry.msg === 'upstream call failed');
    expect(failedCalls).toHaveLength(1);
    expect(failedCalls[0]).toMatchObject({ level: 40 });
    expect(failedCalls[0]?.upstream?.failure).toMatch(/^(?:bad-response|server-error)$/);
  });
});
