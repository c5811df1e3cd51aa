import { request } from 'undici';
import { seedDemoData } from '../../src/simulator/seed';
import { HighLevelSimulator } from '../../src/simulator/simulator';
import { parseDateOfBirth, validateUpdateBody } from '../../src/simulator/validate-update';

let sim: HighLevelSimulator;
let seed: ReturnType<typeof seedDemoData>;
beforeAll(async () => {
  sim = new HighLevelSimulator();
  await sim.start();
  seed = seedDemoData(sim);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

async function call(
  method: 'GET' | 'PUT',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
) {
  const token = options.token === undefined ? seed.token : options.token;
  const response = await request(`${sim.baseUrl}${path}`, {
    method,
    headers: {
      version: '2021-04-15',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json: json as Record<string, unknown> };
}

describe('HighLevel simulator', () => {
  it('GET answers the contact with the rate-limit headers', async () => {
    const res = await call('GET', `/contacts/${seed.contactIds[0]}`);
    expect(res.status).toBe(200);
    expect(res.json.contact).toMatchObject({ id: seed.contactIds[0], locationId: seed.locationId });
    for (const header of [
      'x-ratelimit-max',
      'x-ratelimit-remaining',
      'x-ratelimit-interval-milliseconds',
      'x-ratelimit-limit-daily',
      'x-ratelimit-daily-remaining',
    ]) {
      expect(res.headers[header]).toMatch(/^\d+$/);
    }
  });

  it('PUT applies present fields, clears nulls, keeps the rest, and keeps derived fields true', async () => {
    const id = seed.contactIds[2] as string;
    const res = await call('PUT', `/contacts/${id}`, {
      body: { firstName: 'Augusta', email: 'ADA@Example.com', city: null },
    });
    expect(res.status).toBe(200);
    expect(res.json.succeded).toBe(true);
    expect(res.json.contact).toMatchObject({
      firstName: 'Augusta',
      lastName: 'Lovelace',
      name: 'Augusta Lovelace',
      email: 'ADA@Example.com',
      emailLowerCase: 'ada@example.com',
      fullNameLowerCase: 'augusta lovelace',
    });
    const stored = sim.getContact(id);
    expect(stored?.city).toBeUndefined();
    const cleared = await call('PUT', `/contacts/${id}`, { body: { email: null, dateOfBirth: '12/10/1815' } });
    expect(cleared.json.contact).not.toHaveProperty('email');
    expect(cleared.json.contact).not.toHaveProperty('emailLowerCase');
    expect(cleared.json.contact).toMatchObject({ dateOfBirth: '1815-12-10T00:00:00.000Z' });
  });

  it('401 without a header, with an unknown token or a non-Bearer scheme', async () => {
    for (const options of [
      { token: null },
      { token: 'unknown' },
      { token: null, headers: { authorization: `Basic ${seed.token}` } },
    ]) {
      const res = await call('GET', `/contacts/${seed.contactIds[0]}`, options);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({
        statusCode: 401,
        message: 'Invalid token: access token is invalid',
        error: 'Unauthorized',
      });
    }
  });

  it('400 for a missing or unsupported Version, and for a body that is not JSON', async () => {
    expect((await call('GET', `/contacts/${seed.contactIds[0]}`, { headers: { version: '2019-01-01' } })).status).toBe(
      400,
    );
    const bad = await call('PUT', `/contacts/${seed.contactIds[0]}`, { body: '{"firstName":' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ statusCode: 400, message: 'Bad Request' });
  });

  it("403 for another location's contact, 404 for an unknown contact or route", async () => {
    expect((await call('GET', `/contacts/${seed.otherLocationContactId}`)).status).toBe(403);
    expect((await call('GET', '/contacts/nope')).json).toEqual({
      statusCode: 404,
      message: 'Contact not found',
      error: 'Not Found',
    });
    expect((await call('GET', '/contacts/a/b')).status).toBe(404);
  });

  it.each([
    [{ postalCode: null }, 'postalCode must be a string'],
    [{ nickname: 'x' }, 'property nickname should not exist'],
    [{ email: 'nope' }, 'email must be an email'],
    [{ country: 'XX' }, 'country must be a valid ISO 3166-1 alpha-2 code'],
    [
      { dndSettings: { Call: { status: 'sometimes' } } },
      'dndSettings.Call.status must be one of the following values: active, inactive, permanent',
    ],
    [{ tags: ['a', 1] }, 'each value in tags must be a string'],
    [{ customFields: [{ key: 'contact.nope', field_value: 'x' }] }, 'customFields.0.key must be a known custom field'],
    [
      { customFields: [{ id: 'Nu4mErIcF1eLd0000001', field_value: 'lots' }] },
      'customFields.0.field_value must be a number',
    ],
  ])('422 for %j', async (body, message) => {
    const res = await call('PUT', `/contacts/${seed.contactIds[0]}`, { body });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ statusCode: 422, message: [message], error: 'Unprocessable Entity' });
  });

  it('429 once the burst budget is spent, with Retry-After only when asked for', async () => {
    const limited = new HighLevelSimulator({
      rateLimit: { max: 2, intervalMs: 5000, daily: 100 },
      sendRetryAfter: true,
    });
    const url = await limited.start();
    const limitedSeed = seedDemoData(limited);
    try {
      const get = () =>
        request(`${url}/contacts/${limitedSeed.contactIds[0]}`, {
          headers: { authorization: `Bearer ${limitedSeed.token}`, version: '2021-04-15' },
        });
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 3; i += 1) {
        last = await get();
        statuses.push(last.statusCode);
        await last.body.text();
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(last?.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(last?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(last?.headers['retry-after'])).toBeLessThanOrEqual(5);
    } finally {
      await limited.stop();
    }
  });

  it('injects faults: status, garbage, reset, stall, delay', async () => {
    const path = `/contacts/${seed.contactIds[0]}`;
    sim.injectFault({ kind: 'status', status: 503, body: { message: 'down' } });
    expect((await call('GET', path)).status).toBe(503);
    sim.injectFault({ kind: 'garbage' });
    const garbage = await call('GET', path);
    expect(garbage.status).toBe(200);
    expect(garbage.json).toBeUndefined();
    sim.injectFault({ kind: 'reset' });
    await expect(call('GET', path)).rejects.toThrow();
    sim.injectFault({ kind: 'stall' });
    await expect(request(`${sim.baseUrl}${path}`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    sim.injectFault({ kind: 'delay', ms: 150 });
    const started = Date.now();
    expect((await call('GET', path)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('records every request as received', async () => {
    await call('PUT', `/contacts/${seed.contactIds[0]}?x=1`, { body: { city: 'X' } });
    expect(sim.received).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: `/contacts/${seed.contactIds[0]}?x=1`,
        body: { city: 'X' },
        rawBody: '{"city":"X"}',
      }),
    ]);
    expect(sim.received[0]?.headers.authorization).toBe(`Bearer ${seed.token}`);
  });

  it('stops promptly with a stalled request open', async () => {
    const other = new HighLevelSimulator();
    const url = await other.start();
    other.injectFault({ kind: 'stall' });
    const pending = request(`${url}/contacts/x`).catch(() => 'closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await pending).toBe('closed');
  });
});

describe('simulator body validation', () => {
  it('accepts the documented date formats and null', () => {
    for (const date of [
      '1990/09/25',
      '09/25/1990',
      '1990-09-25',
      '09-25-1990',
      '1990.09.25',
      '09.25.1990',
      '1990_09_25',
      '09_25_1990',
    ]) {
      expect(parseDateOfBirth(date)).toBe('1990-09-25');
    }
    expect(validateUpdateBody({ dateOfBirth: null, firstName: null })).toEqual([]);
    expect(validateUpdateBody({ dateOfBirth: '1990-02-30' })).toEqual(['dateOfBirth must be a valid date']);
  });
});
