/**
 * createContact end to end, on both execution paths: the body HighLevel receives (keys present and
 * absent, null kept), the duplicate outcome with its existing contact, and every other union member.
 */
import type { Fault } from '../../src/dev/simulator/simulator';
import { EXECUTION_PATHS, startStack, type Stack } from './harness';

const CREATE = `mutation Create($input: CreateContactInput!) {
  createContact(input: $input) {
    __typename
    ... on CreateContactSuccess { contact { id locationId firstName lastName email tags companyName dateAdded } }
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field message } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on UpstreamError { statusCode }
  }
}`;

const CREATE_AND_OPEN_DUPLICATE = `mutation CreateOrOpen($input: CreateContactInput!) {
  createContact(input: $input) {
    __typename
    ... on DuplicateContactError { code message existingContactId matchingField existingContact { id email } }
  }
}`;

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let level = 1; level < levels; level += 1) value = { a: value };
  return value;
}

describe.each(EXECUTION_PATHS)('createContact on %s', (_path, fastPathOff) => {
  let stack: Stack;
  let n = 0;
  beforeAll(async () => {
    stack = await startStack({ fastPathOff });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  /** A unique email, so a create never duplicates another test's contact. */
  const email = () => `new-${(n += 1)}-${fastPathOff ? 'apollo' : 'fast'}@example.com`;

  async function create(input: Record<string, unknown>, token: string | null = stack.seed.token, query = CREATE) {
    const response = await stack.graphql(query, { input }, token === null ? {} : { token });
    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    return response.json.data?.createContact as Record<string, unknown>;
  }

  it("POSTs exactly the fields given to /contacts/ with the caller's token, and answers the new contact", async () => {
    const address = email();
    const result = await create({
      locationId: stack.seed.locationId,
      firstName: 'Grace',
      lastName: null,
      email: address,
      companyName: 'Navy',
      tags: ['new'],
    });
    expect(result).toMatchObject({
      __typename: 'CreateContactSuccess',
      contact: {
        locationId: stack.seed.locationId,
        firstName: 'Grace',
        email: address,
        companyName: 'Navy',
        tags: ['new'],
      },
    });
    const [sent] = stack.sim.received;
    expect(stack.sim.received).toHaveLength(1);
    expect(sent).toMatchObject({ method: 'POST', path: '/contacts/' });
    expect(sent?.headers.authorization).toBe(`Bearer ${stack.seed.token}`);
    expect(sent?.headers.version).toBe('2021-04-15');
    // Null kept, absent fields absent.
    expect(JSON.parse(sent?.rawBody ?? '{}')).toEqual({
      locationId: stack.seed.locationId,
      firstName: 'Grace',
      lastName: null,
      email: address,
      tags: ['new'],
      companyName: 'Navy',
    });
    const id = (result.contact as { id: string }).id;
    expect(stack.sim.getContact(id)).toMatchObject({ firstName: 'Grace', email: address });
  });

  it('answers a duplicate as DuplicateContactError, and reads the existing contact only when it is selected', async () => {
    const input = { locationId: stack.seed.locationId, firstName: 'Again', email: 'ROSAN@deos.com' };
    expect(await create(input)).toEqual({
      __typename: 'DuplicateContactError',
      code: 'DUPLICATE_CONTACT',
      message: 'This location does not allow duplicated contacts.',
    });
    expect(stack.sim.received.map((request) => request.method)).toEqual(['POST']);
    stack.sim.reset();
    expect(await create(input, stack.seed.token, CREATE_AND_OPEN_DUPLICATE)).toEqual({
      __typename: 'DuplicateContactError',
      code: 'DUPLICATE_CONTACT',
      message: 'This location does not allow duplicated contacts.',
      existingContactId: 'ocQHyuzHvysMo5N5VsXc',
      matchingField: 'email',
      existingContact: { id: 'ocQHyuzHvysMo5N5VsXc', email: 'rosan@deos.com' },
    });
    expect(stack.sim.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /contacts/',
      'GET /contacts/ocQHyuzHvysMo5N5VsXc',
    ]);
  });

  it('creates the duplicate where the location allows duplicates', async () => {
    stack.sim.allowDuplicates(stack.seed.locationId, true);
    try {
      const result = await create({ locationId: stack.seed.locationId, email: 'rosan@deos.com' });
      expect(result.__typename).toBe('CreateContactSuccess');
    } finally {
      stack.sim.allowDuplicates(stack.seed.locationId, false);
    }
  });

  it.each([
    ['a location id that cannot be one', { locationId: '../x' }, ['input', 'locationId']],
    ['a malformed email', { email: 'nope' }, ['input', 'email']],
    ['null where the create body allows none', { source: null }, ['input', 'source']],
    [
      'a custom field object nested 40 levels deep',
      { customFields: [{ id: 'F1LeUpL0aDf1eLd00001', value: { object: nested(40) } }] },
      ['input', 'customFields', '0', 'value', 'object'],
    ],
  ])('refuses %s before upstream', async (_name, fields, path) => {
    const input = { locationId: stack.seed.locationId, ...fields };
    const result = await create(input);
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
    expect((result.issues as { field: string[] }[])[0]?.field).toEqual(path);
    expect(stack.sim.received).toEqual([]);
  });

  it('refuses a request without a token before upstream', async () => {
    expect(await create({ locationId: stack.seed.locationId, email: email() }, null)).toMatchObject({
      __typename: 'UnauthorizedError',
      code: 'MISSING_CREDENTIALS',
    });
    expect(stack.sim.received).toEqual([]);
  });

  it("answers another location's create as a ForbiddenError", async () => {
    expect(await create({ locationId: 'otherLocation0000001', email: email() })).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
  });

  it.each([
    [
      '422',
      { kind: 'status', status: 422, body: { statusCode: 422, message: ['phone must be a valid phone number'] } },
      {
        __typename: 'ValidationError',
        code: 'UNPROCESSABLE',
        issues: [{ field: ['input', 'phone'], message: 'phone must be a valid phone number' }],
      },
    ],
    [
      '401',
      { kind: 'status', status: 401, body: { statusCode: 401, message: 'Invalid token' } },
      { __typename: 'UnauthorizedError', code: 'INVALID_TOKEN' },
    ],
    [
      '404 (off the contract for a create)',
      { kind: 'status', status: 404, body: { statusCode: 404, message: 'Cannot POST /contacts/' } },
      { __typename: 'BadRequestError', code: 'BAD_REQUEST' },
    ],
    [
      '429',
      { kind: 'status', status: 429, headers: { 'retry-after': '3' } },
      { __typename: 'RateLimitedError', retryAfterSeconds: 3 },
    ],
    [
      '500 (a write: not retried)',
      { kind: 'status', status: 500 },
      { __typename: 'UpstreamError', code: 'UPSTREAM_UNAVAILABLE', statusCode: 500 },
    ],
    ['a stall', { kind: 'stall' }, { __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT', statusCode: null }],
  ] as [string, Fault, Record<string, unknown>][])('%s -> its union member', async (_name, fault, expected) => {
    stack.sim.injectFault(fault);
    const token = `create-caller-token-${(n += 1)}`;
    stack.sim.addToken(token, stack.seed.locationId);
    expect(
      await create({ locationId: stack.seed.locationId, phone: '+1 555 0100', email: email() }, token),
    ).toMatchObject(expected);
    expect(stack.sim.received).toHaveLength(1);
  });
});
