import { graphql } from 'graphql';
import { createContext } from '../../src/request/context';
import { HighLevelTransport } from '../../src/highlevel/http';
import { createLogger } from '../../src/logging/logger';
import { buildGatewaySchema } from '../../src/schema';
import { startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.sim.reset());

const TAGS = /* GraphQL */ `
  mutation Tags($id: ID!, $add: [String!]!, $remove: [String!]!) {
    added: addContactTags(id: $id, tags: $add) {
      __typename
      ... on AddContactTagsSuccess {
        contactId
        tags
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
    }
    removed: removeContactTags(id: $id, tags: $remove) {
      __typename
      ... on RemoveContactTagsSuccess {
        contactId
        tags
        contact {
          id
          tags
        }
      }
      ... on DisplayableError {
        code
        message
      }
    }
  }
`;

describe('tag mutations', () => {
  it('add and remove tags through the graph, with the documented upstream calls', async () => {
    const id = stack.seed.contactIds[1] as string; // tags: ['vip']
    const response = await stack.graphql(
      TAGS,
      { id, add: ['newsletter', 'vip'], remove: ['vip'] },
      { token: stack.seed.token },
    );
    expect(response.json.errors).toBeUndefined();
    expect(response.json.data).toEqual({
      added: { __typename: 'AddContactTagsSuccess', contactId: id, tags: ['vip', 'newsletter'] },
      removed: {
        __typename: 'RemoveContactTagsSuccess',
        contactId: id,
        tags: ['newsletter'],
        contact: { id, tags: ['newsletter'] },
      },
    });
    expect(stack.sim.received.map((r) => [r.method, r.path, r.body, r.headers.authorization])).toEqual([
      ['POST', `/contacts/${id}/tags`, { tags: ['newsletter', 'vip'] }, `Bearer ${stack.seed.token}`],
      ['DELETE', `/contacts/${id}/tags`, { tags: ['vip'] }, `Bearer ${stack.seed.token}`],
      ['GET', `/contacts/${id}`, undefined, `Bearer ${stack.seed.token}`],
    ]);
  });

  it('refuses a bad id or bad tags before calling upstream, and answers upstream failures as union members', async () => {
    const bad = await stack.graphql(TAGS, { id: '../x', add: [], remove: ['ok'] }, { token: stack.seed.token });
    expect(bad.json.data?.added).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_INPUT',
      issues: [{ field: ['id'] }, { field: ['tags'] }],
    });
    expect(bad.json.data?.removed).toMatchObject({ __typename: 'ValidationError' });
    const anonymous = await stack.graphql(TAGS, { id: 'doesNotExist00000000', add: ['a'], remove: ['b'] });
    expect(anonymous.json.data?.added).toMatchObject({ __typename: 'UnauthorizedError', code: 'MISSING_CREDENTIALS' });
    expect(stack.sim.received).toHaveLength(0);
    const missing = await stack.graphql(
      TAGS,
      { id: 'doesNotExist00000000', add: ['a'], remove: ['b'] },
      { token: stack.seed.token },
    );
    expect(missing.json.data?.added).toMatchObject({ __typename: 'NotFoundError' });
    expect(missing.json.data?.removed).toMatchObject({ __typename: 'NotFoundError' });
  });
});

describe('the contact loader within one request', () => {
  it('is primed by updateContact: a later read in the same request costs no GET and sees the update', async () => {
    const id = stack.seed.contactIds[0] as string;
    const transport = new HighLevelTransport(
      { baseUrl: new URL(stack.sim.baseUrl), apiVersion: '2021-04-15', timeoutMs: 1000 },
      createLogger('silent'),
    );
    try {
      const context = createContext(
        { transport, logger: createLogger('silent'), upstreamConcurrency: 8, upstreamTimeoutMs: 1000 },
        { requestId: 'r1', authorization: `Bearer ${stack.seed.token}`, receivedAt: performance.now() },
      );
      const result = await graphql({
        schema: buildGatewaySchema(),
        source: 'mutation($id: ID!) { updateContact(id: $id, input: { city: "Primed" }) { __typename } }',
        variableValues: { id },
        contextValue: context,
      });
      expect(result).toEqual({ data: { updateContact: { __typename: 'UpdateContactSuccess' } } });
      const read = await context.loaders.contacts.load(id);
      expect(read).toMatchObject({ ok: true, value: { id, city: 'Primed' } });
      expect(stack.sim.received.map((r) => r.method)).toEqual(['PUT']);
    } finally {
      await transport.close();
    }
  });

  it('fetches a contact id at most once per request', async () => {
    const id = stack.seed.contactIds[0] as string;
    const response = await stack.graphql(
      `query($id: ID!) { first: contact(id: $id) { ... on Contact { id } } second: contact(id: $id) { ... on Contact { city } } }`,
      { id },
      { token: stack.seed.token },
    );
    expect(response.json.errors).toBeUndefined();
    expect(stack.sim.received.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /contacts/${id}`]);
  });
});
