/**
 * examples/apollo-client against a real gateway: Apollo Client 4 with the signed-in user's token on
 * every operation, each member of UpdateContactResult handled, and a cache that knows the schema's
 * unions and interfaces (generated possibleTypes), asserted on what the simulator received too.
 */
import { createContactsApolloClient, readContact, updateContact } from '../../examples/apollo-client/src/client';
import { ContactCityFragment, ContactDocument } from '../../examples/apollo-client/src/operations';
import { startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.sim.reset());

const client = (getToken: () => string) => createContactsApolloClient({ uri: stack.gateway.url, getToken });

it('updates a contact with the token of the moment, and the cache holds the contact it returned', async () => {
  let token = stack.seed.token;
  const apollo = client(() => token);
  const id = stack.seed.contactIds[0] as string;
  expect(await updateContact(apollo, { id, input: { city: 'Lyon' } })).toEqual({
    kind: 'updated',
    contactId: id,
    city: 'Lyon',
  });
  // Normalized by id: a fragment reads it back from the cache without a request.
  expect(apollo.cache.readFragment({ id: `Contact:${id}`, fragment: ContactCityFragment })).toEqual({
    __typename: 'Contact',
    id,
    city: 'Lyon',
  });
  token = 'signed-in-again-but-revoked';
  expect(await updateContact(apollo, { id, input: { city: 'Nice' } })).toEqual({
    kind: 'sign-in-again',
    code: 'INVALID_TOKEN',
  });
  expect(stack.sim.received.filter((r) => r.method === 'PUT').map((r) => r.headers.authorization)).toEqual([
    `Bearer ${stack.seed.token}`,
    'Bearer signed-in-again-but-revoked',
  ]);
});

it('turns every member of UpdateContactResult into its outcome', async () => {
  const apollo = client(() => stack.seed.token);
  const id = stack.seed.contactIds[1] as string;
  expect(await updateContact(apollo, { id, input: { email: 'not-an-email' } })).toMatchObject({
    kind: 'fix-input',
    issues: [{ field: ['input', 'email'] }],
  });
  expect(await updateContact(apollo, { id: stack.seed.otherLocationContactId, input: { city: 'X' } })).toEqual({
    kind: 'not-allowed',
  });
  expect(await updateContact(apollo, { id: 'doesNotExist00000000', input: { city: 'X' } })).toEqual({ kind: 'gone' });
  stack.sim.injectFault({ kind: 'status', status: 429, body: { statusCode: 429, message: 'Too many requests' } });
  expect(await updateContact(apollo, { id, input: { city: 'X' } })).toMatchObject({ kind: 'retry-later' });
  stack.sim.injectFault({ kind: 'status', status: 503, body: 'unavailable' });
  expect(await updateContact(apollo, { id, input: { city: 'X' } })).toEqual({
    kind: 'upstream-failed',
    code: 'UPSTREAM_UNAVAILABLE',
    statusCode: 503,
  });
  stack.sim.injectFault({ kind: 'status', status: 400, body: { statusCode: 400, message: 'Bad Request' } });
  expect(await updateContact(apollo, { id, input: { city: 'X' } })).toMatchObject({ kind: 'rejected' });
  // The refused email never left the gateway.
  expect(stack.sim.received.filter((r) => r.method === 'PUT')).toHaveLength(5);
});

it('reads a contact and its user, and caches an error member by the interface it implements', async () => {
  const apollo = client(() => stack.seed.token);
  const id = stack.seed.contactIds[1] as string;
  const read = await readContact(apollo, id);
  expect(read).toMatchObject({ kind: 'contact', contact: { id, assignedUser: { name: 'John Deo' } } });

  expect(await readContact(apollo, stack.seed.otherLocationContactId)).toMatchObject({
    kind: 'not-shown',
    code: 'FORBIDDEN',
  });
  // `... on DisplayableError` matched in the cache: only possibleTypes tell it ForbiddenError is one.
  const cached = apollo.readQuery({ query: ContactDocument, variables: { id: stack.seed.otherLocationContactId } });
  expect(cached?.contact).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
});
