/**
 * deleteContact end to end, on both execution paths: what HighLevel receives, and every union member.
 */
import type { Fault } from '../../src/dev/simulator/simulator';
import { CONTACT, EXECUTION_PATHS, startStack, type Stack } from './harness';

const DELETE = `mutation Delete($id: ID!) {
  deleteContact(id: $id) {
    __typename
    ... on DeleteContactSuccess { deletedContactId }
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on UpstreamError { statusCode }
  }
}`;

const OUTCOMES: [string, Fault | undefined, Record<string, unknown>][] = [
  ['an unknown id (HighLevel answers 400)', undefined, { __typename: 'NotFoundError', code: 'NOT_FOUND' }],
  [
    '401',
    { kind: 'status', status: 401, body: { statusCode: 401, message: 'Invalid token' } },
    { __typename: 'UnauthorizedError', code: 'INVALID_TOKEN' },
  ],
  [
    'another 400',
    { kind: 'status', status: 400, body: { statusCode: 400, message: 'Bad Request' } },
    { __typename: 'BadRequestError', code: 'BAD_REQUEST' },
  ],
  [
    '429',
    { kind: 'status', status: 429, headers: { 'retry-after': '7' } },
    { __typename: 'RateLimitedError', retryAfterSeconds: 7 },
  ],
  [
    '500 (a write: not retried)',
    { kind: 'status', status: 500 },
    { __typename: 'UpstreamError', code: 'UPSTREAM_UNAVAILABLE', statusCode: 500 },
  ],
  [
    'a 200 that is not the documented body',
    { kind: 'status', status: 200, body: { deleted: 'maybe' } },
    { __typename: 'UpstreamError', code: 'UPSTREAM_BAD_RESPONSE' },
  ],
  ['a stall', { kind: 'stall' }, { __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT', statusCode: null }],
];

describe.each(EXECUTION_PATHS)('deleteContact on %s', (_path, fastPathOff) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ fastPathOff });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  let n = 0;
  /** A contact of the caller's location, made for one test. */
  function freshContact(): string {
    n += 1;
    const id = `deleteMe${String(n).padStart(12, '0')}`;
    stack.sim.addContact({ id, locationId: stack.seed.locationId, firstName: 'Temporary' });
    return id;
  }

  /** A caller of its own: after a 429 the gateway holds its caller back for a while. */
  function freshToken(): string {
    n += 1;
    const token = `delete-caller-token-${n}`;
    stack.sim.addToken(token, stack.seed.locationId);
    return token;
  }

  /** `token: null` sends no Authorization header. */
  async function remove(id: string, token: string | null) {
    const response = await stack.graphql(DELETE, { id }, token === null ? {} : { token });
    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    return response.json.data?.deleteContact as Record<string, unknown>;
  }

  it("sends DELETE /contacts/{id} with the caller's token and no body, and the contact is gone", async () => {
    const id = freshContact();
    expect(await remove(id, stack.seed.token)).toEqual({ __typename: 'DeleteContactSuccess', deletedContactId: id });
    expect(stack.sim.received).toHaveLength(1);
    const [sent] = stack.sim.received;
    expect(sent).toMatchObject({ method: 'DELETE', path: `/contacts/${id}`, rawBody: '' });
    expect(sent?.headers.authorization).toBe(`Bearer ${stack.seed.token}`);
    expect(sent?.headers.version).toBe('2021-04-15');
    expect(stack.sim.getContact(id)).toBeUndefined();
    // Read again: HighLevel's answer for an unknown id, a NotFoundError.
    const read = await stack.graphql(CONTACT, { id }, { token: stack.seed.token });
    expect(read.json.data?.contact).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('refuses an id that cannot be a contact id before upstream', async () => {
    expect(await remove('../x', stack.seed.token)).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_INPUT',
    });
    expect(stack.sim.received).toEqual([]);
  });

  it('refuses a request without a token before upstream', async () => {
    const id = freshContact();
    expect(await remove(id, null)).toMatchObject({ __typename: 'UnauthorizedError', code: 'MISSING_CREDENTIALS' });
    expect(stack.sim.received).toEqual([]);
    expect(stack.sim.getContact(id)).toBeDefined();
  });

  it.each(OUTCOMES)('%s -> its union member', async (_name, fault, expected) => {
    if (fault) stack.sim.injectFault(fault);
    expect(await remove(fault ? freshContact() : 'doesNotExist00000000', freshToken())).toMatchObject(expected);
    expect(stack.sim.received).toHaveLength(1);
  });

  it("another location's contact is a ForbiddenError, and stays", async () => {
    expect(await remove(stack.seed.otherLocationContactId, stack.seed.token)).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    expect(stack.sim.getContact(stack.seed.otherLocationContactId)).toBeDefined();
  });
});
