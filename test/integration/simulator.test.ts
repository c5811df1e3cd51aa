/**
 * The HighLevel simulator over real HTTP on 127.0.0.1: every documented answer with its exact body,
 * the rate limiter and its headers, every fault kind, what it records, and that it stops promptly.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import type { RestContact } from '../../src/highlevel/types';
import { DEMO_CUSTOM_FIELDS, seedDemoData, type DemoSeed } from '../../src/dev/simulator/seed';
import { HighLevelSimulator, type SimulatorOptions } from '../../src/dev/simulator/simulator';
import { isUrl, parseDateOfBirth, validateUpdateBody } from '../../src/dev/simulator/validate-update';

const RATE_HEADERS = [
  'x-ratelimit-max',
  'x-ratelimit-remaining',
  'x-ratelimit-interval-milliseconds',
  'x-ratelimit-limit-daily',
  'x-ratelimit-daily-remaining',
];

let sim: HighLevelSimulator;
let seed: DemoSeed;
let rosan: string; // seed.contactIds[0]: has Call and SMS dnd settings
let ada: string; // seed.contactIds[2]

beforeAll(async () => {
  sim = new HighLevelSimulator();
  await sim.start();
  seed = seedDemoData(sim);
  [rosan = '', , ada = ''] = seed.contactIds;
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.reset();
  seedDemoData(sim); // puts back contacts an earlier test changed
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

interface CallOptions {
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** undefined: the demo token; null: no Authorization header. */
  token?: string | null;
  headers?: Record<string, string | string[]>;
  on?: HighLevelSimulator;
  signal?: AbortSignal;
}

async function call(path: string, options: CallOptions = {}): Promise<Reply> {
  const token = options.token === undefined ? seed.token : options.token;
  const body =
    options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await request(`${(options.on ?? sim).baseUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'PUT'),
    headers: {
      version: '2021-07-28',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body,
    signal: options.signal,
  });
  const text = await response.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

function contactOf(reply: Reply): RestContact {
  return (reply.json as { contact: RestContact }).contact;
}

/** A second simulator for options the shared one does not have; stopped after `use`. */
async function withSimulator(
  options: SimulatorOptions,
  use: (other: HighLevelSimulator, seed: DemoSeed) => Promise<void>,
): Promise<void> {
  const other = new HighLevelSimulator(options);
  await other.start();
  try {
    await use(other, seedDemoData(other));
  } finally {
    await other.stop();
  }
}

describe('GET /contacts/{contactId}', () => {
  it('answers 200 { contact } as JSON with the rate-limit headers', async () => {
    const reply = await call(`/contacts/${rosan}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json).toEqual({ contact: sim.getContact(rosan) });
    expect(contactOf(reply)).toMatchObject({ id: rosan, locationId: seed.locationId, firstName: 'rosan' });
    expect(RATE_HEADERS.map((name) => reply.headers[name])).toEqual(['100', '99', '10000', '200000', '199999']);
  });
});

describe('PUT /contacts/{contactId}', () => {
  it('applies what is sent, clears nulls, keeps what is omitted, and keeps derived fields true', async () => {
    const before = sim.getContact(rosan);
    const started = Date.now();
    const reply = await call(`/contacts/${rosan}`, {
      body: {
        firstName: 'Rosa',
        email: 'Rosa@Deos.COM',
        city: null,
        website: null,
        dateOfBirth: '09/25/1990',
        tags: ['vip'],
        dndSettings: { SMS: { status: 'active', message: 'asked to stop' } },
        inboundDndSettings: { all: { status: 'active' } },
        customFields: [
          { key: 'favourite_car', field_value: 'Model S' },
          { key: 'contact.team_size', field_value: '12' },
          { id: '6dvNaf7VhkQ9snc5vnjJ', field_value: ['cars', 'crm'] },
          { id: 'F1LeUpL0aDf1eLd00001', field_value: { doc1: { url: 'https://example.com/a.pdf' } } },
        ],
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((reply.json as { succeded: unknown }).succeded).toBe(true);
    const contact = contactOf(reply);
    expect(contact).toEqual(sim.getContact(rosan));
    expect(contact).toMatchObject({
      firstName: 'Rosa',
      lastName: before?.lastName,
      name: 'Rosa Deo',
      firstNameLowerCase: 'rosa',
      lastNameLowerCase: 'deo',
      fullNameLowerCase: 'rosa deo',
      email: 'Rosa@Deos.COM',
      emailLowerCase: 'rosa@deos.com',
      phone: before?.phone,
      postalCode: before?.postalCode,
      country: before?.country,
      dateOfBirth: '1990-09-25T00:00:00.000Z',
      tags: ['vip'],
      dndSettings: { Call: { status: 'inactive' }, SMS: { status: 'active', message: 'asked to stop' } },
      inboundDndSettings: { all: { status: 'active' } },
      dateAdded: before?.dateAdded,
    });
    expect(contact).not.toHaveProperty('city');
    expect(contact).not.toHaveProperty('website');
    expect(contact.customFields).toEqual([
      { id: 'FavCarTextF1eLd00001', value: 'Model S' },
      { id: 'TeamS1zeNumF1eLd0001', value: 12 },
      { id: '6dvNaf7VhkQ9snc5vnjJ', value: ['cars', 'crm'] },
      { id: 'F1LeUpL0aDf1eLd00001', value: { doc1: { url: 'https://example.com/a.pdf' } } },
    ]);
    expect(Date.parse(contact.dateUpdated ?? '')).toBeGreaterThanOrEqual(started - 5);
    expect(contact.dateUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('recomputes name unless it is sent, and replaces a custom field value by id', async () => {
    const named = contactOf(
      await call(`/contacts/${ada}`, { body: { firstName: 'Augusta', name: 'Augusta Ada King' } }),
    );
    expect(named).toMatchObject({ name: 'Augusta Ada King', fullNameLowerCase: 'augusta lovelace' });
    const cleared = contactOf(
      await call(`/contacts/${ada}`, { body: { firstName: null, email: null, dateOfBirth: null } }),
    );
    expect(cleared).toMatchObject({ name: 'Lovelace', lastNameLowerCase: 'lovelace', fullNameLowerCase: 'lovelace' });
    for (const key of ['firstName', 'firstNameLowerCase', 'email', 'emailLowerCase', 'dateOfBirth'])
      expect(cleared).not.toHaveProperty(key);

    const rubika = seed.contactIds[1] ?? '';
    const updated = contactOf(
      await call(`/contacts/${rubika}`, {
        body: { customFields: [{ key: 'contact.lifetime_value', field_value: 99.5 }] },
      }),
    );
    expect(updated.customFields).toEqual([
      { id: 'MgobCB14YMVKuE4Ka8p1', value: ['cricket', 'chess'] },
      { id: 'Nu4mErIcF1eLd0000001', value: 99.5 },
    ]);
  });

  it('accepts an empty object and changes nothing but dateUpdated', async () => {
    const before = sim.getContact(ada);
    const reply = await call(`/contacts/${ada}`, { body: {} });
    expect(reply.status).toBe(200);
    expect({ ...contactOf(reply), dateUpdated: undefined }).toEqual({ ...before, dateUpdated: undefined });
  });

  it('getContact hands out copies', () => {
    const copy = sim.getContact(rosan);
    if (copy) copy.firstName = 'changed';
    expect(sim.getContact(rosan)?.firstName).toBe('rosan');
  });
});

describe('refusals', () => {
  const unauthorized = { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' };

  it.each([
    ['no Authorization header', { token: null }],
    ['an unknown token', { token: 'not-a-token' }],
    ['a Basic scheme', { token: null, headers: { authorization: 'Basic ZGVtbzpkZW1v' } }],
    ['Bearer without a token', { token: null, headers: { authorization: 'Bearer ' } }],
    [
      'two Authorization headers',
      { token: null, headers: { authorization: ['Bearer demo-token-ve9EPM428h8vShlRW1KT', 'Bearer x'] } },
    ],
  ] as [string, CallOptions][])(
    '401 for %s, before the Version check and without rate-limit headers',
    async (_name, options) => {
      const reply = await call(`/contacts/${rosan}`, { ...options, headers: { version: 'nope', ...options.headers } });
      expect(reply.status).toBe(401);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(reply.json).toEqual(unauthorized);
      expect(reply.headers['x-ratelimit-remaining']).toBeUndefined();
    },
  );

  it.each([
    ['missing', ''],
    ['unsupported', '2019-01-01'],
  ])('400 for a %s Version header, with the (uncounted) rate-limit headers', async (_name, version) => {
    const reply = await call(`/contacts/${rosan}`, { headers: version ? { version } : { version: [] } });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ statusCode: 400, message: 'Version header is missing or not supported' });
    expect(reply.headers['x-ratelimit-remaining']).toBe('100');
    expect(await call(`/contacts/${rosan}`, { headers: { version: '2021-04-15' } })).toMatchObject({ status: 200 });
  });

  it.each([
    ['malformed JSON', '{"firstName":', {}],
    ['a JSON array', '[{"firstName":"x"}]', {}],
    ['an empty body', '', {}],
    ['a body that is not sent as JSON', '{"firstName":"x"}', { 'content-type': 'text/plain' }],
  ])('400 Bad Request for %s', async (_name, body, headers) => {
    const reply = await call(`/contacts/${rosan}`, {
      method: 'PUT',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ statusCode: 400, message: 'Bad Request' });
    expect(sim.getContact(rosan)?.firstName).toBe('rosan');
  });

  it('403 for a contact in another location, on GET and PUT', async () => {
    const forbidden = {
      statusCode: 403,
      message: 'The token does not have access to this location.',
      error: 'Forbidden',
    };
    for (const options of [{}, { body: { city: 'X' } }]) {
      const reply = await call(`/contacts/${seed.otherLocationContactId}`, options);
      expect(reply.status).toBe(403);
      expect(reply.json).toEqual(forbidden);
      expect(reply.headers['x-ratelimit-remaining']).toMatch(/^\d+$/);
    }
    expect(sim.getContact(seed.otherLocationContactId)?.city).toBeUndefined();
  });

  it('400 "Contact with id ... not found" for an unknown contact, as HighLevel answers it, on GET, PUT and DELETE', async () => {
    for (const options of [{}, { body: { city: 'X' } }, { method: 'DELETE' as const }]) {
      const reply = await call('/contacts/doesNotExist00000000', options);
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual({
        statusCode: 400,
        message: 'Contact with id doesNotExist00000000 not found',
        error: 'Bad Request',
      });
    }
  });

  it('POST /contacts/ creates a contact (201), refuses an invalid CreateContactDto (422) and a duplicate (400 with meta)', async () => {
    const created = await call('/contacts/', {
      method: 'POST',
      body: { locationId: seed.locationId, firstName: 'Linus', email: 'linus@example.com', companyName: 'Kernel' },
    });
    expect(created.status).toBe(201);
    const contact = (created.json as { contact: { id: string } }).contact;
    expect(contact).toMatchObject({
      locationId: seed.locationId,
      firstName: 'Linus',
      name: 'Linus',
      companyName: 'Kernel',
    });
    expect(sim.getContact(contact.id)).toMatchObject({ email: 'linus@example.com' });

    const invalid = await call('/contacts/', { method: 'POST', body: { firstName: 'x', source: null, unknown: 1 } });
    expect(invalid).toMatchObject({
      status: 422,
      json: {
        message: ['property unknown should not exist', 'locationId should not be empty', 'source must be a string'],
      },
    });

    const duplicate = await call('/contacts/', {
      method: 'POST',
      body: { locationId: seed.locationId, phone: '+1 (883) 232-7657', email: 'someone@else.com' },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json).toMatchObject({
      message: 'This location does not allow duplicated contacts.',
      meta: { contactId: 'seD4PfOuKoVMLkEZqohJ', contactName: 'rubika deo', matchingField: 'phone' },
    });
    const elsewhere = await call('/contacts/', { method: 'POST', body: { locationId: 'otherLocation0000001' } });
    expect(elsewhere.status).toBe(403);
  });

  it('POST /contacts/upsert updates the contact email, then phone, matches (new: false) and creates otherwise (new: true)', async () => {
    const byEmail = await call('/contacts/upsert', {
      method: 'POST',
      body: { locationId: seed.locationId, email: 'RUBIKA@deos.com', phone: '+18888888888', city: 'Pune' },
    });
    // Email comes first: rubika is updated, and rosan (whose phone was sent) is not touched.
    expect(byEmail.status).toBe(200);
    expect(byEmail.json).toMatchObject({
      new: false,
      contact: { id: 'seD4PfOuKoVMLkEZqohJ', city: 'Pune', phone: '+18888888888' },
      traceId: expect.any(String),
    });
    expect(sim.getContact(rosan)).toMatchObject({ phone: '+18888888888' });
    expect(sim.getContact(rosan)?.city).not.toBe('Pune');

    const byPhone = await call('/contacts/upsert', {
      method: 'POST',
      body: { locationId: seed.locationId, phone: '+1 (888) 888-8888', companyName: 'Deos' },
    });
    expect(byPhone.json).toMatchObject({ new: false, contact: { id: rosan, companyName: 'Deos' } });

    const created = await call('/contacts/upsert', {
      method: 'POST',
      body: { locationId: seed.locationId, email: 'grace@example.com', firstName: 'Grace' },
    });
    expect(created).toMatchObject({ status: 200, json: { new: true, contact: { firstName: 'Grace' } } });
    const id = (created.json as { contact: { id: string } }).contact.id;
    expect(sim.getContact(id)).toMatchObject({ email: 'grace@example.com', locationId: seed.locationId });
  });

  it('POST /contacts/upsert creates despite a match only where duplicates are allowed and the body asks', async () => {
    const body = { locationId: seed.locationId, email: 'rosan@deos.com', createNewIfDuplicateAllowed: true };
    expect((await call('/contacts/upsert', { method: 'POST', body })).json).toMatchObject({
      new: false,
      contact: { id: rosan },
    });
    sim.allowDuplicates(seed.locationId, true);
    let forcedId: string | undefined;
    try {
      const forced = await call('/contacts/upsert', { method: 'POST', body });
      expect(forced.json).toMatchObject({ new: true, contact: { email: 'rosan@deos.com' } });
      forcedId = (forced.json as { contact: { id: string } }).contact.id;
      expect(forcedId).not.toBe(rosan);
      const matched = await call('/contacts/upsert', {
        method: 'POST',
        body: { ...body, createNewIfDuplicateAllowed: false },
      });
      expect(matched.json).toMatchObject({ new: false });
    } finally {
      sim.allowDuplicates(seed.locationId, false);
      if (forcedId) await call(`/contacts/${forcedId}`, { method: 'DELETE' }); // a second rosan would match first
    }
  });

  it('POST /contacts/upsert refuses an invalid UpsertContactDto (422) and another location (403)', async () => {
    const invalid = await call('/contacts/upsert', {
      method: 'POST',
      body: { locationId: seed.locationId, createNewIfDuplicateAllowed: 'yes', gender: null },
    });
    expect(invalid).toMatchObject({
      status: 422,
      json: { message: ['gender must be a string', 'createNewIfDuplicateAllowed must be a boolean value'] },
    });
    const elsewhere = await call('/contacts/upsert', {
      method: 'POST',
      body: { locationId: 'otherLocation0000001', email: 'rosan@deos.com' },
    });
    expect(elsewhere.status).toBe(403);
  });

  it("DELETE answers { succeded: true } and the contact is gone; another location's is 403", async () => {
    sim.addContact({ id: 'toBeDeleted000000001', locationId: seed.locationId, firstName: 'Gone' });
    const deleted = await call('/contacts/toBeDeleted000000001', { method: 'DELETE' });
    expect(deleted).toMatchObject({ status: 200, json: { succeded: true } });
    expect((await call('/contacts/toBeDeleted000000001')).status).toBe(400);
    expect((await call(`/contacts/${seed.otherLocationContactId}`, { method: 'DELETE' })).status).toBe(403);
    expect(sim.getContact(seed.otherLocationContactId)).toBeDefined();
  });

  it.each([
    ['GET', '/contacts/a/b'],
    ['GET', '/contacts/'],
    ['GET', '/nope?x=1'],
    ['PATCH', `/contacts/ocQHyuzHvysMo5N5VsXc`],
  ] as const)('404 like NestJS for %s %s, after the rate limiter', async (method, path) => {
    const reply = await call(path, { method });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ statusCode: 404, message: `Cannot ${method} ${path}`, error: 'Not Found' });
    expect(reply.headers['x-ratelimit-remaining']).toBe('99');
  });

  it('413 for a body over 1 MiB, declared or streamed, without reading it all', async () => {
    const declared = await call(`/contacts/${rosan}`, {
      method: 'PUT',
      body: `{"city":"${'x'.repeat(2 * 1024 * 1024)}"}`,
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ statusCode: 413, message: 'request entity too large', error: 'Payload Too Large' });
    async function* chunks() {
      for (let i = 0; i < 64; i += 1) yield Buffer.alloc(64 * 1024, 'x');
    }
    const streamed = await request(`${sim.baseUrl}/contacts/${rosan}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: Readable.from(chunks()),
    });
    expect(streamed.statusCode).toBe(413);
    await streamed.body.text();
    expect(sim.received.map((r) => [r.method, r.rawBody])).toEqual([
      ['PUT', ''],
      ['PUT', ''],
    ]);
  });
});

describe('POST /contacts/search', () => {
  // A simulator of its own: other tests add contacts to the demo location.
  let searched: HighLevelSimulator;
  beforeAll(async () => {
    searched = new HighLevelSimulator();
    await searched.start();
    seedDemoData(searched);
  });
  afterAll(() => searched.stop());

  type Page = { contacts: (RestContact & { searchAfter: (string | number)[] })[]; total: number };
  const search = async (body: object, token?: string) => {
    const reply = await call('/contacts/search', { method: 'POST', body, token, on: searched });
    return { ...reply, page: reply.json as Page };
  };
  const ids = (page: Page) => page.contacts.map((contact) => contact.id);

  it('answers a page of the location, latest added first, each contact with its searchAfter, and the total', async () => {
    const { status, page } = await search({ locationId: seed.locationId, pageLimit: 5 });
    expect(status).toBe(200);
    expect(page.total).toBe(seed.locationContactCount);
    expect(page.contacts).toHaveLength(5);
    const added = page.contacts.map((contact) => Date.parse(contact.dateAdded ?? ''));
    expect(added).toEqual([...added].sort((a, b) => b - a));
    for (const contact of page.contacts) {
      expect(contact.locationId).toBe(seed.locationId);
      expect(contact.searchAfter).toEqual([Date.parse(contact.dateAdded ?? ''), contact.id]);
    }
  });

  it('pages by searchAfter through every contact exactly once; a page shorter than pageLimit is the last', async () => {
    const seen: string[] = [];
    let searchAfter: (string | number)[] | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const { page } = await search({
        locationId: seed.locationId,
        pageLimit: 25,
        ...(searchAfter ? { searchAfter } : {}),
      });
      seen.push(...ids(page));
      if (page.contacts.length < 25) break;
      searchAfter = page.contacts.at(-1)?.searchAfter;
    }
    expect(seen).toHaveLength(seed.locationContactCount);
    expect(new Set(seen).size).toBe(seed.locationContactCount);
    expect(seen).not.toContain(seed.otherLocationContactId);
  });

  it('pages by page number, up to 10,000 records', async () => {
    const first = await search({ locationId: seed.locationId, pageLimit: 10 });
    const second = await search({ locationId: seed.locationId, pageLimit: 10, page: 2 });
    const both = await search({ locationId: seed.locationId, pageLimit: 20 });
    expect([...ids(first.page), ...ids(second.page)]).toEqual(ids(both.page));
    expect((await search({ locationId: seed.locationId, pageLimit: 500, page: 21 })).status).toBe(422);
  });

  it('applies the contract sample: a condition AND an OR group, sorted by first name descending', async () => {
    const { page } = await search({
      locationId: seed.locationId,
      pageLimit: 100,
      filters: [
        { field: 'dnd', operator: 'eq', value: true },
        {
          group: 'OR',
          filters: [
            { field: 'firstNameLowerCase', operator: 'eq', value: 'grace' },
            { field: 'lastNameLowerCase', operator: 'eq', value: 'deo' },
          ],
        },
      ],
      sort: [{ field: 'firstNameLowerCase', direction: 'desc' }],
    });
    expect(page.contacts.length).toBeGreaterThan(1);
    for (const contact of page.contacts) {
      expect(contact.dnd).toBe(true);
      expect(contact.firstNameLowerCase === 'grace' || contact.lastNameLowerCase === 'deo').toBe(true);
    }
    const names = page.contacts.map((contact) => contact.firstNameLowerCase ?? '');
    expect(names).toEqual([...names].sort().reverse());
    expect(page.contacts[0]?.searchAfter).toEqual([names[0], page.contacts[0]?.id]);
    expect(page.total).toBe(page.contacts.length);
  });

  it.each([
    [
      'email eq, without case',
      { field: 'email', operator: 'eq', value: 'ROSAN@deos.com' },
      (c: RestContact) => c.email === 'rosan@deos.com',
    ],
    [
      'city contains',
      { field: 'city', operator: 'contains', value: 'chest' },
      (c: RestContact) => c.city === 'Manchester',
    ],
    [
      'city not_contains',
      { field: 'city', operator: 'not_contains', value: 'chest' },
      (c: RestContact) => c.city !== 'Manchester',
    ],
    [
      'tags contains any of a list',
      { field: 'tags', operator: 'contains', value: ['vip', 'trial'] },
      (c: RestContact) => (c.tags ?? []).some((t) => t === 'vip' || t === 'trial'),
    ],
    [
      'tags not_contains',
      { field: 'tags', operator: 'not_contains', value: ['vip'] },
      (c: RestContact) => !(c.tags ?? []).includes('vip'),
    ],
    ['companyName exists', { field: 'companyName', operator: 'exists' }, (c: RestContact) => Boolean(c.companyName)],
    ['companyName not_exists', { field: 'companyName', operator: 'not_exists' }, (c: RestContact) => !c.companyName],
    [
      'assignedTo not_eq',
      { field: 'assignedTo', operator: 'not_eq', value: 'y0BeYjuRIlDwsDcOHOJo' },
      (c: RestContact) => c.assignedTo !== 'y0BeYjuRIlDwsDcOHOJo',
    ],
    [
      'dateAdded range',
      { field: 'dateAdded', operator: 'range', value: { gte: '2024-03-01T00:00:00.000Z', lt: '2024-04-01T00:00:00Z' } },
      (c: RestContact) => (c.dateAdded ?? '') >= '2024-03-01' && (c.dateAdded ?? '') < '2024-04-01',
    ],
    [
      'a custom field range',
      { field: 'customFields.TeamS1zeNumF1eLd0001', operator: 'range', value: { gt: 20 } },
      (c: RestContact) => Number(c.customFields?.find((f) => f.id === 'TeamS1zeNumF1eLd0001')?.value) > 20,
    ],
  ] as const)('filters by %s', async (_name, filter, expected) => {
    const { status, page } = await search({ locationId: seed.locationId, pageLimit: 500, filters: [filter] });
    expect(status).toBe(200);
    const all = (await search({ locationId: seed.locationId, pageLimit: 500 })).page.contacts;
    const want = all.filter((contact) => expected(contact)).map((contact) => contact.id);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(all.length);
    expect(ids(page)).toEqual(want);
    expect(page.total).toBe(want.length);
  });

  it('searches names, emails, phones and companies with query, without case', async () => {
    expect(ids((await search({ locationId: seed.locationId, pageLimit: 10, query: 'LOVELACE' })).page)).toEqual([ada]);
    expect(ids((await search({ locationId: seed.locationId, pageLimit: 10, query: '(888) 888' })).page)).toEqual([
      rosan,
    ]);
    const company = (await search({ locationId: seed.locationId, pageLimit: 500, query: 'bletchley' })).page;
    expect(company.contacts.length).toBeGreaterThan(0);
    expect(company.contacts.every((contact) => contact.companyName === 'Bletchley Labs')).toBe(true);
  });

  it('shows writes to later searches, and deletes', async () => {
    const created = await call('/contacts/', {
      method: 'POST',
      body: { locationId: seed.locationId, firstName: 'Zebedee' },
      on: searched,
    });
    const id = contactOf(created).id;
    expect(ids((await search({ locationId: seed.locationId, pageLimit: 1 })).page)).toEqual([id]);
    await call(`/contacts/${id}`, { method: 'DELETE', on: searched });
    expect(ids((await search({ locationId: seed.locationId, pageLimit: 1 })).page)).not.toEqual([id]);
  });

  it.each([
    [{ pageLimit: 20 }, ['locationId should not be empty', 'locationId must be a string']],
    [{ locationId: 've9EPM428h8vShlRW1KT' }, ['pageLimit must be an integer number']],
    [{ locationId: 've9EPM428h8vShlRW1KT', pageLimit: 501 }, ['pageLimit must not be greater than 500']],
    [{ locationId: 've9EPM428h8vShlRW1KT', pageLimit: 0 }, ['pageLimit must not be less than 1']],
    [
      { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 5, page: 2, searchAfter: [1, 'a'] },
      ['page and searchAfter cannot be used together'],
    ],
    [
      { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 5, searchAfter: [1] },
      ['searchAfter must hold one value for each sort field and the id'],
    ],
    [
      { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 5, query: 'q'.repeat(76) },
      ['query must be shorter than or equal to 75 characters'],
    ],
    [{ locationId: 've9EPM428h8vShlRW1KT', pageLimit: 5, cursor: 'x' }, ['property cursor should not exist']],
    [
      {
        locationId: 've9EPM428h8vShlRW1KT',
        pageLimit: 5,
        filters: [{ field: 'email', operator: 'exists', value: 'x' }],
      },
      ['filters.0.value must not be set for exists'],
    ],
    [
      {
        locationId: 've9EPM428h8vShlRW1KT',
        pageLimit: 5,
        filters: [{ field: 'email', operator: 'contains', value: 'a@b' }],
      },
      ['filters.0.value must not contain special characters'],
    ],
    [
      {
        locationId: 've9EPM428h8vShlRW1KT',
        pageLimit: 5,
        filters: [{ field: 'city', operator: 'eq', value: 'x'.repeat(76) }],
      },
      ['filters.0.value must be shorter than or equal to 75 characters'],
    ],
    [
      { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 5, filters: [{ field: 'nickname', operator: 'exists' }] },
      ['filters.0.field must be a searchable contact field'],
    ],
    [
      { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 5, filters: [{ group: 'XOR', filters: [] }] },
      ['filters.0.group must be one of the following values: AND, OR', 'filters.0.filters must be a non-empty array'],
    ],
    [
      { locationId: 've9EPM428h8vShlRW1KT', pageLimit: 5, sort: [{ field: 'tags', direction: 'up' }] },
      [
        'sort.0.field must be a sortable contact field',
        'sort.0.direction must be one of the following values: asc, desc',
      ],
    ],
  ])('422 for %j', async (body, message) => {
    expect(await search(body)).toMatchObject({ status: 422, json: { statusCode: 422, message } });
  });

  it("403 for another location than the token's, 401 without a token", async () => {
    expect((await search({ locationId: 'otherLocation0000001', pageLimit: 5 })).status).toBe(403);
    expect((await search({ locationId: seed.locationId, pageLimit: 5 }, 'nope')).status).toBe(401);
  });
});

describe('422 Unprocessable Entity', () => {
  it.each([
    [{ postalCode: null }, ['postalCode must be a string']],
    [{ dnd: null }, ['dnd must be a boolean value']],
    [{ tags: null }, ['tags must be an array']],
    [{ country: null }, ['country must be a valid ISO 3166-1 alpha-2 code']],
    [{ nickname: 'x' }, ['property nickname should not exist']],
    [{ firstName: 42 }, ['firstName must be a string']],
    [{ email: 'nope' }, ['email must be an email']],
    [{ website: 'not a url' }, ['website must be a URL address']],
    [{ country: 'XX' }, ['country must be a valid ISO 3166-1 alpha-2 code']],
    [{ dateOfBirth: '1990-02-30' }, ['dateOfBirth must be a valid date']],
    [{ tags: ['a', 1] }, ['each value in tags must be a string']],
    [
      { dndSettings: { Call: { status: 'sometimes' } } },
      ['dndSettings.Call.status must be one of the following values: active, inactive, permanent'],
    ],
    [{ dndSettings: { Fax: { status: 'active' } } }, ['dndSettings.property Fax should not exist']],
    [
      { inboundDndSettings: { all: { status: 'permanent' } } },
      ['inboundDndSettings.all.status must be one of the following values: active, inactive'],
    ],
    [{ customFields: [{ field_value: 'x' }] }, ['customFields.0 must have an id or a key']],
    [
      { customFields: [{ id: '6dvNaf7VhkQ9snc5vnjJ', field_value: true }] },
      ['customFields.0.field_value must be a string, a number, an array of strings or an object'],
    ],
    [
      { customFields: [{ id: 'noSuchField000000001', field_value: 'x' }] },
      ['customFields.0.id must be a known custom field'],
    ],
    [
      { customFields: [{ key: 'contact.nope', field_value: 'x' }] },
      ['customFields.0.key must be a known custom field'],
    ],
    [{ customFields: [{ key: 'favourite_car', field_value: ['a'] }] }, ['customFields.0.field_value must be a string']],
    [
      { customFields: [{ id: 'Nu4mErIcF1eLd0000001', field_value: 'lots' }] },
      ['customFields.0.field_value must be a number'],
    ],
    [
      { customFields: [{ id: 'MgobCB14YMVKuE4Ka8p1', field_value: 'chess' }] },
      ['customFields.0.field_value must be an array of strings'],
    ],
    [
      { customFields: [{ id: 'F1LeUpL0aDf1eLd00001', field_value: 'a.pdf' }] },
      ['customFields.0.field_value must be an object'],
    ],
  ])('%j -> %j', async (body, messages) => {
    const reply = await call(`/contacts/${rosan}`, { body });
    expect(reply.status).toBe(422);
    expect(reply.json).toEqual({ statusCode: 422, message: messages, error: 'Unprocessable Entity' });
    expect(reply.headers['x-ratelimit-remaining']).toBe('99');
  });

  it('lists every problem, unknown properties first, and changes nothing', async () => {
    const reply = await call(`/contacts/${rosan}`, {
      body: {
        city: 'Changed',
        zip: '1',
        email: 5,
        dnd: 'yes',
        customFields: [{ id: 'x', key: 'y', extra: 1, field_value: 'v' }],
      },
    });
    expect(reply.json).toEqual({
      statusCode: 422,
      message: [
        'property zip should not exist',
        'email must be a string',
        'dnd must be a boolean value',
        'customFields.0.property extra should not exist',
      ],
      error: 'Unprocessable Entity',
    });
    const unknownField = await call(`/contacts/${rosan}`, {
      body: { city: 'Changed', customFields: [{ id: 'nope', field_value: 'v' }] },
    });
    expect(unknownField.status).toBe(422);
    expect(sim.getContact(rosan)?.city).toBe('Dolomite');
  });
});

describe('validateUpdateBody (pure)', () => {
  it('accepts the documented date formats and null, and nothing else', () => {
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
    for (const date of ['1990-09/25', '25.09.1990', '1990-9-25', '2023-02-29', '1990-09-25T00:00:00Z'])
      expect(parseDateOfBirth(date)).toBeUndefined();
    expect(validateUpdateBody({ dateOfBirth: null, firstName: null, website: null, email: null })).toEqual([]);
  });

  it('accepts the documented example body', () => {
    expect(
      validateUpdateBody({
        firstName: 'rosan',
        lastName: 'Deo',
        name: 'rosan Deo',
        email: 'rosan@deos.com',
        phone: '+1 888-888-8888',
        address1: '3535 1st St N',
        city: 'Dolomite',
        state: 'AL',
        postalCode: '35061',
        website: 'https://www.tesla.com',
        timezone: 'America/Chihuahua',
        dnd: true,
        dndSettings: { Call: { status: 'active', message: 'm', code: 'c' }, WhatsApp: { status: 'permanent' } },
        inboundDndSettings: { all: { status: 'active', message: 'm' } },
        tags: ['nisi sint commodo amet', 'consequat'],
        customFields: [{ id: '6dvNaf7VhkQ9snc5vnjJ', key: 'my_custom_field', field_value: 'My Text' }],
        source: 'public api',
        country: 'US',
        assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
        dateOfBirth: '1990-09-25',
      }),
    ).toEqual([]);
  });

  it('checks nested settings and custom field items', () => {
    expect(
      validateUpdateBody({
        dndSettings: null,
        inboundDndSettings: { all: 'on', other: {} },
        customFields: [null, { key: 'k' }],
      }),
    ).toEqual([
      'dndSettings must be an object',
      'inboundDndSettings.property other should not exist',
      'inboundDndSettings.all must be an object',
      'customFields.0 must be an object',
      'customFields.1.field_value should not be null or undefined',
    ]);
    expect(validateUpdateBody({ dndSettings: { SMS: { message: 1, code: 'x', note: 'n' } } })).toEqual([
      'dndSettings.SMS.property note should not exist',
      'dndSettings.SMS.status must be one of the following values: active, inactive, permanent',
      'dndSettings.SMS.message must be a string',
    ]);
  });

  it('URLs as validator.js isURL takes them by default', () => {
    for (const url of [
      'https://www.tesla.com',
      'http://example.com/a?b=c',
      'www.tesla.com',
      'ftp://files.example.org',
      'http://127.0.0.1:8080',
    ])
      expect(isUrl(url)).toBe(true);
    for (const url of [
      'tesla',
      'javascript:alert(1)',
      'http://localhost',
      'https://exa mple.com',
      'https://under_score.com',
    ])
      expect(isUrl(url)).toBe(false);
  });
});

describe('rate limits', () => {
  it('429 once the burst budget is spent, with Remaining 0 and Retry-After when asked for; per token', async () => {
    await withSimulator(
      { rateLimit: { max: 2, intervalMs: 5000, daily: 100 }, sendRetryAfter: true },
      async (other, otherSeed) => {
        const path = `/contacts/${otherSeed.contactIds[0]}`;
        const replies = [
          await call(path, { on: other }),
          await call(path, { on: other }),
          await call(path, { on: other, body: { city: 'X' } }),
        ];
        expect(replies.map((r) => r.status)).toEqual([200, 200, 429]);
        expect(replies.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['1', '0', '0']);
        const limited = replies[2] as Reply;
        expect(limited.json).toEqual({ statusCode: 429, message: 'Too many requests', error: 'Too Many Requests' });
        expect(RATE_HEADERS.map((name) => limited.headers[name])).toEqual(['2', '0', '5000', '100', '98']);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(4);
        expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(5);
        expect(other.getContact(otherSeed.contactIds[0] ?? '')?.city).toBe('Dolomite');

        other.addToken('second-token-0001', otherSeed.locationId);
        expect((await call(path, { on: other, token: 'second-token-0001' })).status).toBe(200);
        other.reset();
        expect((await call(path, { on: other })).status).toBe(200);
      },
    );
  });

  it('no Retry-After by default; the window renews after intervalMs', async () => {
    await withSimulator({ rateLimit: { max: 1, intervalMs: 300, daily: 100 } }, async (other, otherSeed) => {
      const path = `/contacts/${otherSeed.contactIds[0]}`;
      expect((await call(path, { on: other })).status).toBe(200);
      const limited = await call(path, { on: other });
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await call(path, { on: other })).status).toBe(200);
    });
  });

  it('429 once the daily budget is spent, until the next UTC day', async () => {
    await withSimulator(
      { rateLimit: { max: 10, intervalMs: 1000, daily: 2 }, sendRetryAfter: true },
      async (other, otherSeed) => {
        const path = `/contacts/${otherSeed.contactIds[0]}`;
        await call(path, { on: other });
        await call(path, { on: other });
        const limited = await call(path, { on: other });
        expect(limited.status).toBe(429);
        expect(limited.headers['x-ratelimit-daily-remaining']).toBe('0');
        const untilMidnight = Math.ceil((Math.ceil(Date.now() / 86_400_000) * 86_400_000 - Date.now()) / 1000);
        expect(Math.abs(Number(limited.headers['retry-after']) - untilMidnight)).toBeLessThanOrEqual(2);
      },
    );
  });
});

describe('faults', () => {
  const path = () => `/contacts/${rosan}`;

  it('status: the given status, body and headers, before authentication', async () => {
    sim.injectFault({ kind: 'status', status: 503, body: { message: 'down' }, headers: { 'x-upstream': 'lb' } });
    const reply = await call(path(), { token: null });
    expect(reply).toMatchObject({ status: 503, json: { message: 'down' } });
    expect(reply.headers['x-upstream']).toBe('lb');
    sim.injectFault({ kind: 'status', status: 502, body: '<html>bad gateway</html>' });
    expect(await call(path())).toMatchObject({ status: 502, text: '<html>bad gateway</html>' });
    expect((await call(path())).status).toBe(200);
  });

  it('garbage: 200 with a body that is not JSON', async () => {
    sim.injectFault({ kind: 'garbage' });
    const reply = await call(path());
    expect(reply.status).toBe(200);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.json).toBeUndefined();
  });

  it('reset: the connection drops without an answer', async () => {
    sim.injectFault({ kind: 'reset' });
    await expect(call(path())).rejects.toThrow();
    expect((await call(path())).status).toBe(200);
  });

  it('stall: never answered (the client gives up)', async () => {
    sim.injectFault({ kind: 'stall' });
    const started = Date.now();
    await expect(call(path(), { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await call(path())).status).toBe(200);
  });

  it('delay: answers normally after ms', async () => {
    sim.injectFault({ kind: 'delay', ms: 200 });
    const started = Date.now();
    const reply = await call(path());
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(reply.status).toBe(200);
    expect(contactOf(reply).id).toBe(rosan);
  });

  it('applies to the next `times` requests to /contacts* only', async () => {
    sim.injectFault({ kind: 'status', status: 500, body: '' }, 2);
    expect((await call('/users/y0BeYjuRIlDwsDcOHOJo')).status).toBe(200);
    expect((await call('/contacts-like')).status).toBe(404);
    expect((await call(path())).status).toBe(500);
    expect((await call(`/contacts/${rosan}/tags`, { method: 'POST', body: { tags: ['a'] } })).status).toBe(500);
    expect((await call(path())).status).toBe(200);
  });

  it('a fault that cannot be written (bad status or header) is a 500, and the server carries on', async () => {
    sim.injectFault({ kind: 'status', status: 1000 });
    sim.injectFault({ kind: 'status', status: 503, headers: { 'x-bad': 'a\nb' } });
    for (let i = 0; i < 2; i += 1) {
      const reply = await call(path());
      expect(reply).toMatchObject({ status: 500, json: { statusCode: 500, message: 'Internal Server Error' } });
    }
    expect((await call(path())).status).toBe(200);
  });
});

describe('received', () => {
  it('records every request as it arrived: raw path, lower-cased headers, parsed body', async () => {
    await call(`/contacts/${rosan}?x=1&y=%20`, { body: { city: 'X' }, headers: { 'X-Trace': ['a', 'b'] } });
    await call('/contacts/a%2F..%2Fb', { token: 'wrong' });
    await call(`/contacts/${rosan}`, { method: 'PUT', body: 'not json' });
    expect(sim.received).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: `/contacts/${rosan}?x=1&y=%20`,
        body: { city: 'X' },
        rawBody: '{"city":"X"}',
      }),
      expect.objectContaining({ method: 'GET', path: '/contacts/a%2F..%2Fb', body: undefined, rawBody: '' }),
      expect.objectContaining({ method: 'PUT', body: 'not json', rawBody: 'not json' }),
    ]);
    const [first] = sim.received;
    expect(first?.headers).toMatchObject({
      authorization: `Bearer ${seed.token}`,
      version: '2021-07-28',
      'content-type': 'application/json',
      'x-trace': 'a, b',
    });
    sim.clearReceived();
    expect(sim.received).toEqual([]);
  });

  it('keeps only about the latest keepReceived, never more than twice that, and not its own /_simulator calls', async () => {
    const bounded = new HighLevelSimulator({ keepReceived: 3 });
    const url = await bounded.start();
    seedDemoData(bounded);
    try {
      for (let n = 0; n < 20; n += 1) {
        const reply = await request(`${url}/contacts/${rosan}?n=${n}`, {
          headers: { authorization: `Bearer ${seed.token}`, version: '2021-07-28' },
        });
        await reply.body.text();
        expect(bounded.received.length).toBeLessThanOrEqual(6);
      }
      await (await request(`${url}/_simulator/received`)).body.text();
      expect(bounded.received.at(-1)?.path).toBe(`/contacts/${rosan}?n=19`);
    } finally {
      await bounded.stop();
    }
  });
});

describe('other endpoints', () => {
  it('POST and DELETE /contacts/{id}/tags add and remove tags; GET /users/{id}', async () => {
    const tags = `/contacts/${rosan}/tags`;
    expect(await call(tags, { method: 'POST', body: { tags: ['new', 'consequat'] } })).toMatchObject({
      status: 201,
      json: { tags: ['nisi sint commodo amet', 'consequat', 'new'] },
    });
    expect(await call(tags, { method: 'DELETE', body: { tags: ['consequat'] } })).toMatchObject({
      status: 200,
      json: { tags: ['nisi sint commodo amet', 'new'] },
    });
    expect(await call(tags, { method: 'POST', body: { tags: 'x' } })).toMatchObject({
      status: 422,
      json: { message: ['tags must be an array'] },
    });
    expect(await call('/users/y0BeYjuRIlDwsDcOHOJo')).toMatchObject({
      status: 200,
      json: { id: 'y0BeYjuRIlDwsDcOHOJo', name: 'John Deo' },
    });
    expect(await call('/users/nobody')).toMatchObject({
      status: 404,
      json: { statusCode: 404, message: 'User not found', error: 'Not Found' },
    });
  });
});

describe('lifecycle', () => {
  it('delays every answer by latencyMs', async () => {
    await withSimulator({ latencyMs: 150 }, async (other, otherSeed) => {
      for (const token of [otherSeed.token, 'wrong']) {
        const started = Date.now();
        await call(`/contacts/${otherSeed.contactIds[0]}`, { on: other, token });
        expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      }
    });
  });

  it('stop() resolves promptly with stalled, delayed and keep-alive connections open', async () => {
    const other = new HighLevelSimulator({ latencyMs: 5000 });
    const url = await other.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const otherSeed = seedDemoData(other);
    other.injectFault({ kind: 'stall' });
    const stalled = call(`/contacts/${otherSeed.contactIds[0]}`, { on: other }).catch(() => 'closed');
    const delayed = call(`/contacts/${otherSeed.contactIds[1]}`, { on: other }).catch(() => 'closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(other.load.inFlight).toBe(2);
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(300);
    expect(await Promise.all([stalled, delayed])).toEqual(['closed', 'closed']);
    expect(() => other.baseUrl).toThrow('not started');
    expect(() => new HighLevelSimulator().baseUrl).toThrow('not started');
    await other.stop(); // a second stop is harmless
  });

  it('addContact refuses a contact without a locationId', () => {
    expect(() => sim.addContact({ id: 'noLocation0000000001' })).toThrow('locationId');
  });

  it('the demo seed uses HighLevel-shaped ids', () => {
    const ids = [
      seed.locationId,
      ...seed.contactIds,
      seed.otherLocationContactId,
      ...DEMO_CUSTOM_FIELDS.map((field) => field.id),
    ];
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(new Set(DEMO_CUSTOM_FIELDS.map((field) => field.dataType)).size).toBe(9);
  });
});

describe('CLI (src/dev/simulator/main.ts)', () => {
  const cli = (args: string[]) =>
    spawn(
      process.execPath,
      ['-r', join(__dirname, '../support/register-ts.js'), join(__dirname, '../../src/dev/simulator/main.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );

  it('serves the seeded data, prints what to call it with, and exits 0 on SIGTERM', async () => {
    const child = cli(['--port', '0', '--latency-ms', '0']);
    let out = '';
    child.stdout.setEncoding('utf8');
    const printed = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('Ctrl-C')) resolve();
      });
    });
    try {
      await printed;
      const url = /HighLevel simulator at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
      const token = /token\s+(\S+)/.exec(out)?.[1] ?? '';
      expect(out).toContain('ocQHyuzHvysMo5N5VsXc');
      const reply = await request(`${url}/contacts/ocQHyuzHvysMo5N5VsXc`, {
        headers: { authorization: `Bearer ${token}`, version: '2021-04-15' },
      });
      expect(reply.statusCode).toBe(200);
      await reply.body.text();
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it.each([
    [['--host', '0.0.0.0']],
    [['--host', '192.168.1.10']],
    [['--port', 'http']],
    [['--verbose']],
    [['--rate-limit', '0/10000/100']],
    [['--rate-limit', '5/10000']],
  ])('refuses %j with exit code 2', async (args) => {
    const child = cli(args);
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (err += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err).toContain('usage:');
  });
});
