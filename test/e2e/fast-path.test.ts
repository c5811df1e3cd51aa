/**
 * The fast path (src/execution/fast-path.ts) must answer exactly as Apollo Server's pipeline does.
 * The same requests go to two gateways, one with the fast path and one without, each in front of its
 * own identically seeded simulator; statuses, headers, bodies and the upstream calls must match.
 * Ids and timestamps that differ by nature are normalised first.
 */
import { FastPath } from '../../src/execution/fast-path';
import { CONTACT, startStack, UPDATE_CONTACT, type Stack } from './harness';

interface Case {
  name: string;
  /** Sent as the JSON body, or as the raw body when a string. */
  body: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** A fault both simulators answer the next request with. */
  fault?: Parameters<Stack['sim']['injectFault']>[0];
  /** Whether the fast path should answer it (false: it hands it to Apollo Server). */
  fast: boolean;
}

const TOKEN = 'demo-token-ve9EPM428h8vShlRW1KT';
const ID = 'ocQHyuzHvysMo5N5VsXc';
const OTHER_LOCATION = 'otherLocContact00001';
const MISSING = 'MissingContact000001';
const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on Contact { id firstName tags } }
}`;

const SEARCH = `query Search($l: ID!, $f: [ContactFilterInput!], $after: String) {
  contacts(locationId: $l, filters: $f, first: 4, after: $after) {
    __typename
    ... on ContactConnection { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id tags } } }
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field message } }
  }
}`;
const nested = (depth: number): unknown =>
  depth === 0 ? { field: 'CITY', operator: 'EXISTS' } : { group: 'OR', filters: [nested(depth - 1)] };

const cases: Case[] = [
  {
    name: 'updateContact success',
    body: {
      query: UPDATE_CONTACT,
      variables: {
        id: ID,
        input: {
          firstName: 'Ada',
          email: 'ada@example.com',
          tags: ['a', 'b'],
          timezone: 'Asia/Calcutta',
          customFields: [{ id: 'FavCarTextF1eLd00001', value: { text: 'Roadster' } }],
        },
      },
    },
    fast: true,
  },
  {
    name: 'updateContact refused by the gateway (null where not allowed)',
    body: { query: UPDATE_CONTACT, variables: { id: ID, input: { tags: null, firstName: null } } },
    fast: true,
  },
  {
    name: 'updateContact refused by HighLevel (422)',
    body: { query: UPDATE_CONTACT, variables: { id: ID, input: { email: 'not-an-email' } } },
    fast: true,
  },
  { name: 'contact', body: { query: CONTACT, variables: { id: ID } }, fast: true },
  { name: 'contact not found', body: { query: CONTACT, variables: { id: MISSING } }, fast: true },
  { name: 'contact of another location', body: { query: CONTACT, variables: { id: OTHER_LOCATION } }, fast: true },
  { name: 'no token', body: { query: CONTACT, variables: { id: ID } }, token: '', fast: true },
  { name: 'malformed token', body: { query: CONTACT, variables: { id: ID } }, token: 'a b', fast: true },
  { name: 'upstream 500', body: { query: CONTACT, variables: { id: ID } }, fault: { kind: 'garbage' }, fast: true },
  {
    name: '_entities with a missing one',
    body: {
      query: ENTITIES,
      variables: {
        representations: [
          { __typename: 'Contact', id: ID },
          { __typename: 'Contact', id: MISSING },
        ],
      },
    },
    fast: true,
  },
  {
    name: '_entities failing upstream (a masked field error with a code)',
    body: { query: ENTITIES, variables: { representations: [{ __typename: 'Contact', id: ID }] } },
    fault: { kind: 'status', status: 503 },
    fast: true,
  },
  {
    name: 'operationName picks one of two operations',
    body: { query: `${CONTACT}\nquery Other { __typename }`, operationName: 'Other', variables: null },
    fast: true,
  },
  { name: 'introspection (on in development)', body: { query: '{ __schema { queryType { name } } }' }, fast: true },
  {
    name: 'Accept: application/graphql-response+json',
    body: { query: CONTACT, variables: { id: ID } },
    headers: { accept: 'application/graphql-response+json' },
    fast: true,
  },
  {
    name: 'Apollo Client extensions',
    body: { query: '{ __typename }', extensions: { clientLibrary: { name: 'web', version: '1' } } },
    fast: true,
  },
  // Handed to Apollo Server: the answers must still match, and come from one place.
  { name: 'parse error', body: { query: '{ contact(id: ' }, fast: false },
  { name: 'validation error', body: { query: '{ contact(id: "x") { nope } }' }, fast: false },
  { name: 'depth limit', body: { query: `{ ${'a: __typename '.repeat(16)} }` }, fast: false },
  {
    name: 'variables that do not coerce',
    body: { query: UPDATE_CONTACT, variables: { id: ID, input: { dnd: 'maybe' } } },
    fast: false,
  },
  { name: 'two operations, no operationName', body: { query: `${CONTACT}\nquery Other { __typename }` }, fast: false },
  {
    name: 'unknown operationName',
    body: { query: CONTACT, operationName: 'Nope', variables: { id: ID } },
    fast: false,
  },
  {
    name: 'persisted query not found',
    body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
    fast: false,
  },
  {
    name: 'Accept: text/html only (406, after executing)',
    body: { query: '{ __typename }' },
    headers: { accept: 'text/html' },
    fast: false,
  },
  {
    name: 'federated trace requested',
    body: { query: '{ __typename }' },
    headers: { 'apollo-federation-include-trace': 'ftv1' },
    fast: false,
  },
  {
    name: 'a search with a filter group',
    body: {
      query: SEARCH,
      variables: {
        l: 've9EPM428h8vShlRW1KT',
        f: [{ group: 'OR', filters: [{ field: 'TAGS', operator: 'CONTAINS', values: ['vip'] }] }],
      },
    },
    fast: true,
  },
  {
    name: 'a search refused (groups too deep)',
    body: { query: SEARCH, variables: { l: 've9EPM428h8vShlRW1KT', f: [nested(4)] } },
    fast: true,
  },
  {
    // Deeper than graphql-jit's copy of the schema unrolls (the document is compiled by the cases
    // above): its coercion fails, and Apollo Server answers it against the real schema.
    name: 'a search with groups nested past the compiled levels',
    body: { query: SEARCH, variables: { l: 've9EPM428h8vShlRW1KT', f: [nested(8)] } },
    fast: false,
  },
  {
    name: 'a search with a malformed cursor',
    body: { query: SEARCH, variables: { l: 've9EPM428h8vShlRW1KT', after: 'nope' } },
    fast: true,
  },
  {
    name: 'a search nested past any use',
    body: { query: SEARCH, variables: { l: 've9EPM428h8vShlRW1KT', f: [nested(40)] } },
    fast: false,
  },
  { name: 'body is not an object', body: [{ query: '{ __typename }' }], fast: false },
  { name: 'variables not an object', body: { query: CONTACT, variables: 'x' }, fast: false },
  { name: 'body without a query', body: { variables: {} }, fast: false },
  {
    name: 'too many entities',
    body: { query: ENTITIES, variables: { representations: Array(201).fill({ __typename: 'Contact', id: ID }) } },
    fast: false,
  },
];

interface Answer {
  status: number;
  /** Every header but the date, the request id and the connection's own. */
  headers: [string, string][];
  body: string;
  upstream: string[];
}

const NOT_COMPARED: ReadonlySet<string> = new Set(['date', 'x-request-id', 'connection']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

async function send(stack: Stack, testCase: Case): Promise<Answer> {
  stack.sim.reset();
  if (testCase.fault) stack.sim.injectFault(testCase.fault);
  const token = testCase.token ?? TOKEN;
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === '' ? {} : { authorization: `Bearer ${token}` }),
      ...testCase.headers,
    },
    body: JSON.stringify(testCase.body),
  });
  const text = await response.text();
  // A federated trace holds timings: its presence is compared, not its bytes (nor so the body's length).
  const traced = text.includes('"ftv1":');
  return {
    status: response.status,
    headers: [...response.headers].filter(
      ([name]) => !NOT_COMPARED.has(name) && !(traced && name === 'content-length'),
    ),
    body: text
      .replace(UUID, '<uuid>')
      .replace(TIMESTAMP, '<time>')
      .replace(/"ftv1":"[A-Za-z0-9+/=]+"/, '"ftv1":"<trace>"'),
    upstream: stack.sim.received.map((request) => `${request.method} ${request.path}`),
  };
}

const productionCases: Case[] = [
  { name: 'contact', body: { query: CONTACT, variables: { id: ID } }, fast: true },
  { name: 'introspection (off in production)', body: { query: '{ __schema { queryType { name } } }' }, fast: false },
  { name: '__type (off in production)', body: { query: '{ __type(name: "Contact") { name } }' }, fast: false },
  { name: 'validation error without suggestions', body: { query: '{ contac(id: "x") { id } }' }, fast: false },
];

describe.each([
  ['development', {}, cases],
  ['production', { NODE_ENV: 'production' }, productionCases],
])('the fast path answers as Apollo Server does (%s)', (_mode, env: Record<string, string>, cases: Case[]) => {
  let fast: Stack;
  let apollo: Stack;
  const handled: boolean[] = [];

  beforeAll(async () => {
    const execute = FastPath.prototype.execute;
    jest.spyOn(FastPath.prototype, 'execute').mockImplementation(async function (this: FastPath, ...args) {
      const answer = await execute.apply(this, args);
      handled.push(answer !== undefined);
      return answer;
    });
    fast = await startStack({ env });
    apollo = await startStack({ env, fastPathOff: true });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all([fast.stop(), apollo.stop()]);
  });

  it.each(cases)('$name', async (testCase) => {
    handled.length = 0;
    const viaApollo = await send(apollo, testCase);
    expect(handled).toEqual([]);
    // Twice: graphql-js runs an operation the first time, graphql-jit's compiled query from then on.
    // (Every mutation here is an idempotent PUT, so the second answer is the same as the first.)
    expect(await send(fast, testCase)).toEqual(viaApollo);
    expect(await send(fast, testCase)).toEqual(viaApollo);
    // The fast path saw every well-formed JSON POST, and answered only the ones it should.
    expect(handled.filter(Boolean)).toHaveLength(testCase.fast ? 2 : 0);
  });

  it('logs and counts the same for both paths', async () => {
    // Both paths write an operation's line once its round of I/O is over.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const operationLines = (stack: Stack) =>
      stack.logs
        .map((line) => JSON.parse(line) as { msg: string; operation?: { durationMs?: number } })
        .filter((entry) => entry.msg === 'graphql operation')
        .map(({ operation, ...entry }) => ({ ...entry, operation: { ...operation, durationMs: 0 } }))
        .map((entry) =>
          JSON.stringify(entry)
            .replace(UUID, '<uuid>')
            .replace(/"time":"[^"]+"/, '')
            .replace(/"durationMs":[\d.]+/g, ''),
        );
    const apolloLines = operationLines(apollo);
    expect(operationLines(fast)).toEqual(apolloLines.flatMap((line) => [line, line]));
    expect(operationLines(fast).length).toBeGreaterThanOrEqual(cases.filter((c) => c.fast).length);
  });
});
