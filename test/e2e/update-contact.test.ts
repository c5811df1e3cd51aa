import { DEMO_TOKEN } from '../../src/dev/simulator/seed';
import { EXECUTION_PATHS, CONTACT, startStack, UPDATE_CONTACT, type Stack } from './harness';

describe.each(EXECUTION_PATHS)('on %s', (_path, fastPathOff) => {
  let stack: Stack;
  let token: string;
  let contactId: string;

  beforeAll(async () => {
    stack = await startStack({ fastPathOff });
    token = stack.seed.token;
    contactId = stack.seed.contactIds[0] as string;
    stack.sim.addCustomField(stack.seed.locationId, {
      id: 'cfTextFieldId0000001',
      key: 'contact.favourite_car',
      dataType: 'TEXT',
    });
    stack.sim.addCustomField(stack.seed.locationId, {
      id: 'cfOptionsFieldId0001',
      key: 'contact.interests',
      dataType: 'MULTIPLE_OPTIONS',
    });
    stack.sim.addCustomField(stack.seed.locationId, {
      id: 'cfNumberFieldId00001',
      key: 'contact.budget',
      dataType: 'MONETORY',
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  type Result = Record<string, unknown> & { __typename: string };
  async function update(
    id: string,
    input: Record<string, unknown>,
    auth: { token?: string; headers?: Record<string, string> } = { token },
  ) {
    const response = await stack.graphql(UPDATE_CONTACT, { id, input }, auth);
    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    return { response, result: response.json.data?.updateContact as Result };
  }
  const contactCalls = () => stack.sim.received.filter((request) => request.path.startsWith('/contacts'));

  describe('updateContact forwards exactly what the contract says', () => {
    it("PUTs the body to /contacts/{id} with the caller's token and the Version header, and answers the contact", async () => {
      const { result } = await update(contactId, {
        firstName: 'Rosan',
        lastName: 'Deo',
        email: 'Rosan@Deos.com',
        phone: '+1 888-888-8888',
        city: 'Dolomite',
        postalCode: '35061',
        website: 'https://www.tesla.com',
        timezone: 'America/Chihuahua',
        dnd: false,
        country: 'US',
        tags: ['vip', 'newsletter'],
        dateOfBirth: '1990-09-25',
        dndSettings: {
          call: { status: 'ACTIVE', message: 'asked by phone', code: 'C1' },
          sms: { status: 'PERMANENT' },
        },
        inboundDndSettings: { all: { status: 'INACTIVE' } },
        customFields: [
          { key: 'contact.favourite_car', value: { text: 'Model S' } },
          { id: 'cfOptionsFieldId0001', value: { texts: ['cars', 'crm'] } },
          { id: 'cfNumberFieldId00001', value: { number: 1200.5 } },
        ],
      });

      expect(contactCalls()).toHaveLength(1);
      const [call] = contactCalls();
      expect(call?.method).toBe('PUT');
      expect(call?.path).toBe(`/contacts/${contactId}`);
      expect(call?.headers.authorization).toBe(`Bearer ${token}`);
      expect(call?.headers.version).toBe('2021-04-15');
      expect(call?.headers['content-type']).toBe('application/json');
      expect(call?.body).toEqual({
        firstName: 'Rosan',
        lastName: 'Deo',
        email: 'Rosan@Deos.com',
        phone: '+1 888-888-8888',
        city: 'Dolomite',
        postalCode: '35061',
        website: 'https://www.tesla.com',
        timezone: 'America/Chihuahua',
        dnd: false,
        country: 'US',
        tags: ['vip', 'newsletter'],
        dateOfBirth: '1990-09-25',
        dndSettings: {
          Call: { status: 'active', message: 'asked by phone', code: 'C1' },
          SMS: { status: 'permanent' },
        },
        inboundDndSettings: { all: { status: 'inactive' } },
        customFields: [
          { key: 'contact.favourite_car', field_value: 'Model S' },
          { id: 'cfOptionsFieldId0001', field_value: ['cars', 'crm'] },
          { id: 'cfNumberFieldId00001', field_value: 1200.5 },
        ],
      });

      expect(result.__typename).toBe('UpdateContactSuccess');
      const contact = result.contact as Record<string, unknown>;
      expect(contact).toMatchObject({
        id: contactId,
        firstName: 'Rosan',
        lastName: 'Deo',
        email: 'Rosan@Deos.com',
        emailLowerCase: 'rosan@deos.com',
        country: 'US',
        tags: ['vip', 'newsletter'],
        dateOfBirth: '1990-09-25',
        dndSettings: {
          call: { status: 'ACTIVE', message: 'asked by phone', code: 'C1' },
          sms: { status: 'PERMANENT' },
        },
        inboundDndSettings: { all: { status: 'INACTIVE', message: null } },
      });
      expect(contact.dateUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(contact.customFields).toEqual(
        expect.arrayContaining([
          { id: 'cfTextFieldId0000001', value: { __typename: 'CustomFieldText', text: 'Model S' } },
          { id: 'cfOptionsFieldId0001', value: { __typename: 'CustomFieldTextList', texts: ['cars', 'crm'] } },
          { id: 'cfNumberFieldId00001', value: { __typename: 'CustomFieldNumber', number: 1200.5 } },
        ]),
      );
    });

    it('sends an explicit null as null and leaves omitted fields out', async () => {
      const { result } = await update(contactId, { email: null, website: null, firstName: 'Only' });
      expect(result.__typename).toBe('UpdateContactSuccess');
      const body = contactCalls()[0]?.body as Record<string, unknown>;
      expect(body).toEqual({ email: null, website: null, firstName: 'Only' });
      expect(Object.keys(body).sort()).toEqual(['email', 'firstName', 'website']);
      expect((result.contact as Record<string, unknown>).email).toBeNull();
      expect(stack.sim.getContact(contactId)?.email ?? null).toBeNull();
    });

    it('honours HIGHLEVEL_API_VERSION', async () => {
      const other = await startStack({ fastPathOff, env: { HIGHLEVEL_API_VERSION: '2021-07-28' } });
      try {
        await other.graphql(
          UPDATE_CONTACT,
          { id: other.seed.contactIds[0], input: { city: 'X' } },
          { token: other.seed.token },
        );
        expect(other.sim.received[0]?.headers.version).toBe('2021-07-28');
      } finally {
        await other.stop();
      }
    });
  });

  describe('refused before upstream: no call is made', () => {
    it.each([
      ['a malformed email', { email: 'not-an-email' }, ['input', 'email']],
      ['a website that is not http(s)', { website: 'javascript:alert(1)' }, ['input', 'website']],
      ['an unknown time zone', { timezone: 'Europe/Atlantis' }, ['input', 'timezone']],
      ['null for a field HighLevel cannot clear', { postalCode: null }, ['input', 'postalCode']],
      [
        'a custom field with two values',
        { customFields: [{ id: 'x', value: { text: 'a', number: 1 } }] },
        ['input', 'customFields', '0', 'value'],
      ],
    ])('%s -> ValidationError INVALID_INPUT', async (_name, input, field) => {
      const { result } = await update(contactId, input);
      expect(result).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
      expect(result.issues).toEqual([{ field, message: expect.any(String) }]);
      expect(contactCalls()).toHaveLength(0);
    });

    it.each(['../users/x', '..', 'a%2Fb', 'a?b=1', 'a#b', 'a\r\nb', 'x'.repeat(65), 'ünï'])(
      'contact id %j -> ValidationError',
      async (id) => {
        const { result } = await update(id, { city: 'X' });
        expect(result).toMatchObject({
          __typename: 'ValidationError',
          code: 'INVALID_INPUT',
          issues: [{ field: ['id'] }],
        });
        expect(contactCalls()).toHaveLength(0);
      },
    );

    it('a country outside the enum is refused by GraphQL validation', async () => {
      const response = await stack.graphql(
        UPDATE_CONTACT,
        { id: contactId, input: { country: 'Atlantis' } },
        { token },
      );
      expect(response.status).toBe(400);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(contactCalls()).toHaveLength(0);
    });

    it('no Authorization header -> UnauthorizedError MISSING_CREDENTIALS', async () => {
      const { result } = await update(contactId, { city: 'X' }, {});
      expect(result).toMatchObject({ __typename: 'UnauthorizedError', code: 'MISSING_CREDENTIALS' });
      expect(contactCalls()).toHaveLength(0);
    });

    it.each(['Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${DEMO_TOKEN} extra`, `Bearer demo\t${DEMO_TOKEN}`])(
      'Authorization %j -> UnauthorizedError MALFORMED_CREDENTIALS, never echoed',
      async (authorization) => {
        const { response, result } = await update(contactId, { city: 'X' }, { headers: { authorization } });
        expect(result).toMatchObject({ __typename: 'UnauthorizedError', code: 'MALFORMED_CREDENTIALS' });
        expect(response.text).not.toContain(DEMO_TOKEN);
        expect(contactCalls()).toHaveLength(0);
      },
    );
  });

  describe('every upstream outcome arrives as its union member', () => {
    it("422 -> ValidationError UNPROCESSABLE with HighLevel's messages", async () => {
      const { result } = await update(contactId, {
        customFields: [{ key: 'contact.no_such_field', value: { text: 'x' } }],
      });
      expect(result).toMatchObject({ __typename: 'ValidationError', code: 'UNPROCESSABLE' });
      const issues = result.issues as { field: string[] | null; message: string }[];
      expect(issues.length).toBeGreaterThan(0);
      expect(issues[0]?.field?.slice(0, 2)).toEqual(['input', 'customFields']);
      expect(contactCalls()).toHaveLength(1);
    });

    it('400 -> BadRequestError', async () => {
      stack.sim.injectFault({ kind: 'status', status: 400, body: { statusCode: 400, message: 'Bad Request' } });
      const { result } = await update(contactId, { city: 'X' });
      expect(result).toEqual({ __typename: 'BadRequestError', code: 'BAD_REQUEST', message: 'Bad Request' });
    });

    it('401 -> UnauthorizedError INVALID_TOKEN', async () => {
      const { result } = await update(contactId, { city: 'X' }, { token: 'revoked-token-0000' });
      expect(result).toMatchObject({
        __typename: 'UnauthorizedError',
        code: 'INVALID_TOKEN',
        message: 'Invalid token: access token is invalid',
      });
      expect(contactCalls()[0]?.headers.authorization).toBe('Bearer revoked-token-0000');
    });

    it('403 -> ForbiddenError (a contact of another location)', async () => {
      const { result } = await update(stack.seed.otherLocationContactId, { city: 'X' });
      expect(result).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    });

    it('an unknown id (HighLevel answers 400) -> NotFoundError', async () => {
      const { result } = await update('doesNotExist00000000', { city: 'X' });
      expect(result).toEqual({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        message: 'Contact with id doesNotExist00000000 not found',
      });
    });

    it('404 -> NotFoundError', async () => {
      stack.sim.injectFault({ kind: 'status', status: 404, body: { statusCode: 404, message: 'Contact not found' } });
      const { result } = await update(contactId, { city: 'X' });
      expect(result).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Contact not found' });
    });

    it('400 "Contact with id ... not found" (how HighLevel answers an unknown id) -> NotFoundError', async () => {
      const message = 'Contact with id doesNotExist00000000 not found';
      stack.sim.injectFault({ kind: 'status', status: 400, body: { statusCode: 400, message } });
      const { result } = await update('doesNotExist00000000', { city: 'X' });
      expect(result).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message });
      // Where no union carries it (an entity reference), an unknown contact is null, not an error.
      stack.sim.injectFault({ kind: 'status', status: 400, body: { statusCode: 400, message } }, 3);
      const entities = await stack.graphql(
        '{ _entities(representations: [{ __typename: "Contact", id: "doesNotExist00000000" }]) { ... on Contact { id } } }',
        {},
        { token },
      );
      expect(entities.json).toEqual({ data: { _entities: [null] } });
    });

    it('429 -> RateLimitedError with retryAfterSeconds from Retry-After', async () => {
      // Its own token: the gateway now remembers this caller is limited for 12 s (see rate-budget tests).
      stack.sim.addToken('rate-limited-caller-0001', stack.seed.locationId);
      stack.sim.injectFault({
        kind: 'status',
        status: 429,
        body: { statusCode: 429, message: 'Too many requests' },
        headers: { 'Retry-After': '12' },
      });
      const { result } = await update(contactId, { city: 'X' }, { token: 'rate-limited-caller-0001' });
      expect(result).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED', retryAfterSeconds: 12 });
    });

    it("429 from the simulator's own limiter -> retryAfterSeconds from the window", async () => {
      const limited = await startStack({
        fastPathOff,
        simulator: { rateLimit: { max: 1, intervalMs: 10_000, daily: 1000 } },
      });
      try {
        const variables = { id: limited.seed.contactIds[0], input: { city: 'X' } };
        await limited.graphql(UPDATE_CONTACT, variables, { token: limited.seed.token });
        const second = await limited.graphql(UPDATE_CONTACT, variables, { token: limited.seed.token });
        expect(second.json.data?.updateContact).toMatchObject({
          __typename: 'RateLimitedError',
          retryAfterSeconds: 10,
        });
      } finally {
        await limited.stop();
      }
    });

    it.each([
      [
        '5xx',
        { kind: 'status', status: 503, body: { message: 'upstream stack at /srv/app.js:10' } },
        'UPSTREAM_UNAVAILABLE',
        503,
      ],
      ['a body that is not JSON', { kind: 'garbage' }, 'UPSTREAM_BAD_RESPONSE', 200],
      ['a reset connection', { kind: 'reset' }, 'UPSTREAM_UNREACHABLE', null],
    ] as const)('%s -> UpstreamError', async (_name, fault, code, statusCode) => {
      stack.sim.injectFault(fault);
      const { response, result } = await update(contactId, { city: 'X' });
      expect(result).toMatchObject({ __typename: 'UpstreamError', code, statusCode });
      expect(response.text).not.toContain('/srv/app.js');
      expect(response.text).not.toContain(stack.sim.baseUrl);
    });

    it('a stalled upstream -> UpstreamError UPSTREAM_TIMEOUT within the deadline (1000 ms) + 100 ms', async () => {
      stack.sim.injectFault({ kind: 'stall' });
      const started = Date.now();
      const { result } = await update(contactId, { city: 'X' });
      const elapsed = Date.now() - started;
      expect(result).toMatchObject({ __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT', statusCode: null });
      expect(elapsed).toBeGreaterThanOrEqual(950);
      expect(elapsed).toBeLessThan(1000 + 100);
    });

    it('an upstream that refuses connections -> UpstreamError UPSTREAM_UNREACHABLE', async () => {
      const dead = await startStack({ fastPathOff });
      const id = dead.seed.contactIds[0];
      await dead.sim.stop();
      try {
        const response = await dead.graphql(UPDATE_CONTACT, { id, input: { city: 'X' } }, { token: dead.seed.token });
        expect(response.json.data?.updateContact).toMatchObject({
          __typename: 'UpstreamError',
          code: 'UPSTREAM_UNREACHABLE',
        });
      } finally {
        await dead.gateway.stop();
      }
    });
  });

  describe('Query.contact', () => {
    it("reads the contact with the caller's token", async () => {
      const response = await stack.graphql(CONTACT, { id: contactId }, { token });
      expect(response.json.data?.contact).toMatchObject({ __typename: 'Contact', id: contactId });
      expect(contactCalls()).toEqual([expect.objectContaining({ method: 'GET', path: `/contacts/${contactId}` })]);
      expect(contactCalls()[0]?.headers.authorization).toBe(`Bearer ${token}`);
    });

    it('answers errors as data', async () => {
      const missing = await stack.graphql(CONTACT, { id: 'doesNotExist00000000' }, { token });
      expect(missing.json.data?.contact).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
      const bad = await stack.graphql(CONTACT, { id: '../x' }, { token });
      expect(bad.json.data?.contact).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
      const anonymous = await stack.graphql(CONTACT, { id: contactId });
      expect(anonymous.json.data?.contact).toMatchObject({
        __typename: 'UnauthorizedError',
        code: 'MISSING_CREDENTIALS',
      });
      expect(contactCalls()).toHaveLength(1);
    });
  });

  describe('secrets', () => {
    it('never puts the token or the upstream address in a response or a log line', async () => {
      stack.sim.injectFault({ kind: 'status', status: 500, body: 'Internal error' });
      await update(contactId, { city: 'X' });
      stack.sim.injectFault({ kind: 'reset' });
      await update(contactId, { city: 'X' });
      await update(contactId, { city: 'Y' });
      const host = new URL(stack.sim.baseUrl).host;
      for (const line of stack.logs) {
        expect(line).not.toContain(token);
        expect(line).not.toContain(host);
      }
    });
  });
});
