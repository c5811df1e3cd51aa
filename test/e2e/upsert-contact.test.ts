/**
 * upsertContact end to end, on both execution paths: the body HighLevel receives, `created` for an
 * update and for a create, createNewIfDuplicateAllowed, and every other union member.
 */
import type { Fault } from '../../src/dev/simulator/simulator';
import { EXECUTION_PATHS, startStack, type Stack } from './harness';

const UPSERT = `mutation Upsert($input: UpsertContactInput!) {
  upsertContact(input: $input) {
    __typename
    ... on UpsertContactSuccess { created contact { id locationId firstName email phone city companyName } }
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field message } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on UpstreamError { statusCode }
  }
}`;

const ROSAN = 'ocQHyuzHvysMo5N5VsXc';

describe.each(EXECUTION_PATHS)('upsertContact on %s', (_path, fastPathOff) => {
  let stack: Stack;
  let n = 0;
  beforeAll(async () => {
    stack = await startStack({ fastPathOff });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  /** A unique email, so an upsert that should create never matches another test's contact. */
  const email = () => `upsert-${(n += 1)}-${fastPathOff ? 'apollo' : 'fast'}@example.com`;

  async function upsert(input: Record<string, unknown>, token: string | null = stack.seed.token) {
    const response = await stack.graphql(UPSERT, { input }, token === null ? {} : { token });
    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    return response.json.data?.upsertContact as Record<string, unknown>;
  }

  it("POSTs exactly the fields given to /contacts/upsert with the caller's token; a match is updated (created: false)", async () => {
    const result = await upsert({
      locationId: stack.seed.locationId,
      email: 'Rosan@Deos.com',
      city: 'Lisbon',
      companyName: null,
    });
    expect(result).toEqual({
      __typename: 'UpsertContactSuccess',
      created: false,
      contact: expect.objectContaining({ id: ROSAN, email: 'Rosan@Deos.com', city: 'Lisbon', companyName: null }),
    });
    expect(stack.sim.received).toHaveLength(1);
    const [sent] = stack.sim.received;
    expect(sent).toMatchObject({ method: 'POST', path: '/contacts/upsert' });
    expect(sent?.headers.authorization).toBe(`Bearer ${stack.seed.token}`);
    // The one Version HighLevel documents for upsert, whatever HIGHLEVEL_API_VERSION is (2021-04-15 here).
    expect(sent?.headers.version).toBe('2021-07-28');
    expect(JSON.parse(sent?.rawBody ?? '{}')).toEqual({
      locationId: stack.seed.locationId,
      email: 'Rosan@Deos.com',
      city: 'Lisbon',
      companyName: null,
    });
    expect(stack.sim.getContact(ROSAN)).toMatchObject({ city: 'Lisbon' });
  });

  it('creates the contact when none matches (created: true)', async () => {
    const address = email();
    const result = await upsert({ locationId: stack.seed.locationId, firstName: 'Hedy', email: address });
    expect(result).toMatchObject({
      __typename: 'UpsertContactSuccess',
      created: true,
      contact: { locationId: stack.seed.locationId, firstName: 'Hedy', email: address },
    });
    const id = (result.contact as { id: string }).id;
    expect(id).not.toBe(ROSAN);
    expect(stack.sim.getContact(id)).toMatchObject({ firstName: 'Hedy', email: address });
  });

  it('sends createNewIfDuplicateAllowed, and creates despite a match where the location allows duplicates', async () => {
    const input = { locationId: stack.seed.locationId, phone: '+1 888 888 8888', createNewIfDuplicateAllowed: true };
    expect(await upsert(input)).toMatchObject({ created: false, contact: { id: ROSAN } });
    expect(JSON.parse(stack.sim.received[0]?.rawBody ?? '{}')).toEqual(input);
    stack.sim.allowDuplicates(stack.seed.locationId, true);
    try {
      const result = await upsert(input);
      expect(result).toMatchObject({ created: true });
      expect((result.contact as { id: string }).id).not.toBe(ROSAN);
    } finally {
      stack.sim.allowDuplicates(stack.seed.locationId, false);
    }
  });

  it.each([
    ['a location id that cannot be one', { locationId: '../x' }, ['input', 'locationId']],
    ['a malformed email', { email: 'nope' }, ['input', 'email']],
    ['null where the create body allows none', { gender: null }, ['input', 'gender']],
    [
      'a null createNewIfDuplicateAllowed',
      { createNewIfDuplicateAllowed: null },
      ['input', 'createNewIfDuplicateAllowed'],
    ],
  ])('refuses %s before upstream', async (_name, fields, path) => {
    const result = await upsert({ locationId: stack.seed.locationId, ...fields });
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
    expect((result.issues as { field: string[] }[])[0]?.field).toEqual(path);
    expect(stack.sim.received).toEqual([]);
  });

  it('refuses a request without a token before upstream', async () => {
    expect(await upsert({ locationId: stack.seed.locationId, email: email() }, null)).toMatchObject({
      __typename: 'UnauthorizedError',
      code: 'MISSING_CREDENTIALS',
    });
    expect(stack.sim.received).toEqual([]);
  });

  it("answers another location's upsert as a ForbiddenError", async () => {
    expect(await upsert({ locationId: 'otherLocation0000001', email: email() })).toMatchObject({
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
      '400',
      { kind: 'status', status: 400, body: { statusCode: 400, message: 'Bad Request' } },
      { __typename: 'BadRequestError', code: 'BAD_REQUEST', message: 'Bad Request' },
    ],
    [
      '401',
      { kind: 'status', status: 401, body: { statusCode: 401, message: 'Invalid token' } },
      { __typename: 'UnauthorizedError', code: 'INVALID_TOKEN' },
    ],
    [
      '404 (off the contract for an upsert)',
      { kind: 'status', status: 404, body: { statusCode: 404, message: 'Cannot POST /contacts/upsert' } },
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
    [
      '200 without `new` (an answer off the contract)',
      { kind: 'status', status: 200, body: { contact: { id: ROSAN } } },
      { __typename: 'UpstreamError', code: 'UPSTREAM_BAD_RESPONSE' },
    ],
    ['a stall', { kind: 'stall' }, { __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT', statusCode: null }],
  ] as [string, Fault, Record<string, unknown>][])('%s -> its union member', async (_name, fault, expected) => {
    stack.sim.injectFault(fault);
    const token = `upsert-caller-token-${(n += 1)}`;
    stack.sim.addToken(token, stack.seed.locationId);
    expect(
      await upsert({ locationId: stack.seed.locationId, phone: '+1 555 0100', email: email() }, token),
    ).toMatchObject(expected);
    expect(stack.sim.received).toHaveLength(1);
  });
});
