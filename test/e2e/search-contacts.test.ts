/**
 * The `contacts` search end to end, on both execution paths: a paging walk through every seeded
 * contact, the bodies HighLevel receives, refusals with no upstream call, every union member, retries
 * as a read, assigned users through the user loader, and the log line and metrics.
 */
import { request } from 'undici';
import type { Fault } from '../../src/dev/simulator/simulator';
import { encodeCursor } from '../../src/mapping/search-cursor';
import { EXECUTION_PATHS, startStack, type Stack } from './harness';

const SEARCH = `query Search(
  $locationId: ID!, $query: String, $filters: [ContactFilterInput!], $sort: [ContactSortInput!],
  $first: Int, $after: String
) {
  contacts(locationId: $locationId, query: $query, filters: $filters, sort: $sort, first: $first, after: $after) {
    __typename
    ... on ContactConnection {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id firstName dnd tags dateAdded } }
      nodes { id }
    }
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field message } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on UpstreamError { statusCode }
  }
}`;

interface Connection {
  __typename: 'ContactConnection';
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; firstName: string | null; dnd: boolean | null; tags: string[] } }[];
  nodes: { id: string }[];
}

describe.each(EXECUTION_PATHS)('contacts on %s', (_path, fastPathOff) => {
  let stack: Stack;
  let n = 0;
  beforeAll(async () => {
    stack = await startStack({ fastPathOff });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  async function search(variables: Record<string, unknown>, token: string | null = stack.seed.token) {
    const response = await stack.graphql(
      SEARCH,
      { locationId: stack.seed.locationId, ...variables },
      token === null ? {} : { token },
    );
    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    return response.json.data?.contacts as Record<string, unknown>;
  }

  const sentBodies = () => stack.sim.received.map((r) => JSON.parse(r.rawBody) as Record<string, unknown>);

  /** The location's contacts in HighLevel's order, asked of the simulator directly. */
  async function upstreamOrder(): Promise<string[]> {
    const response = await request(`${stack.sim.baseUrl}/contacts/search`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.seed.token}`,
        version: '2021-07-28',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ locationId: stack.seed.locationId, pageLimit: 500 }),
    });
    const page = (await response.body.json()) as { contacts: { id: string }[] };
    stack.sim.reset();
    return page.contacts.map((contact) => contact.id);
  }

  it('pages through every contact of the location with first: 25, each exactly once and in order', async () => {
    const expected = await upstreamOrder();
    expect(expected).toHaveLength(stack.seed.locationContactCount);

    const seen: string[] = [];
    const pages: Connection[] = [];
    let after: string | null = null;
    do {
      const page = (await search({ first: 25, after })) as unknown as Connection;
      expect(page.__typename).toBe('ContactConnection');
      pages.push(page);
      seen.push(...page.edges.map((edge) => edge.node.id));
      expect(page.nodes).toEqual(page.edges.map((edge) => ({ id: edge.node.id })));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 10);

    expect(seen).toEqual(expected);
    expect(pages.map((page) => page.edges.length)).toEqual([25, 25, 25, 25, 20]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, true, true, false]);
    expect(pages.every((page) => page.totalCount === stack.seed.locationContactCount)).toBe(true);

    // One POST per page, with the caller's token, and the searchAfter of the page before.
    expect(stack.sim.received.map((r) => [r.method, r.path, r.headers.authorization, r.headers.version])).toEqual(
      pages.map(() => ['POST', '/contacts/search', `Bearer ${stack.seed.token}`, '2021-04-15']),
    );
    const bodies = sentBodies();
    expect(bodies[0]).toEqual({ locationId: stack.seed.locationId, pageLimit: 25 });
    for (let i = 1; i < bodies.length; i += 1) {
      expect(Object.keys(bodies[i] ?? {}).sort()).toEqual(['locationId', 'pageLimit', 'searchAfter']);
      expect(encodeCursor(bodies[i]?.searchAfter as (string | number)[])).toBe(pages[i - 1]?.pageInfo.endCursor);
    }
  });

  it('resumes after any edge, not only the last', async () => {
    const first = (await search({ first: 10 })) as unknown as Connection;
    const fromThird = (await search({ first: 3, after: first.edges[2]?.cursor })) as unknown as Connection;
    expect(fromThird.edges.map((edge) => edge.node.id)).toEqual(first.edges.slice(3, 6).map((edge) => edge.node.id));
  });

  it('sends a filter group, a query and a sort as HighLevel documents them, and answers what they select', async () => {
    const page = (await search({
      first: 100,
      query: 'a',
      filters: [
        { field: 'TAGS', operator: 'CONTAINS', values: ['vip'] },
        {
          group: 'OR',
          filters: [
            { field: 'DND', operator: 'EQ', boolean: true },
            { field: 'FIRST_NAME', operator: 'EQ', text: 'Grace' },
          ],
        },
      ],
      sort: [
        { field: 'FIRST_NAME', direction: 'ASC' },
        { field: 'DATE_ADDED', direction: 'DESC' },
      ],
    })) as unknown as Connection;
    expect(sentBodies()).toEqual([
      {
        locationId: stack.seed.locationId,
        pageLimit: 100,
        query: 'a',
        filters: [
          { field: 'tags', operator: 'contains', value: ['vip'] },
          {
            group: 'OR',
            filters: [
              { field: 'dnd', operator: 'eq', value: true },
              { field: 'firstNameLowerCase', operator: 'eq', value: 'grace' },
            ],
          },
        ],
        sort: [
          { field: 'firstNameLowerCase', direction: 'asc' },
          { field: 'dateAdded', direction: 'desc' },
        ],
      },
    ]);
    expect(page.edges.length).toBeGreaterThan(0);
    for (const { node } of page.edges) {
      expect(node.tags).toContain('vip');
      expect(node.dnd === true || node.firstName === 'Grace').toBe(true);
    }
    const names = page.edges.map((edge) => (edge.node.firstName ?? '').toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(page.totalCount).toBe(page.edges.length);
  });

  it('sends a date range as ISO timestamps in UTC', async () => {
    await search({
      first: 5,
      filters: [{ field: 'DATE_ADDED', operator: 'RANGE', dateRange: { gte: '2024-03-01T01:00:00+01:00' } }],
    });
    expect(sentBodies()[0]?.filters).toEqual([
      { field: 'dateAdded', operator: 'range', value: { gte: '2024-03-01T00:00:00.000Z' } },
    ]);
  });

  const malformedCursors = [
    'not a cursor!',
    Buffer.from('{"searchAfter":[1,"a"]}').toString('base64url'),
    Buffer.from('[1,[{"script":"x"},"a"]]').toString('base64url'),
    `${encodeCursor([1717700097221, 'abc'])}==`,
    'A'.repeat(5000),
  ];

  it.each([
    ['first: 0', { first: 0 }, ['first']],
    ['first: 501', { first: 501 }, ['first']],
    ...malformedCursors.map((after, i) => [`malformed cursor ${i + 1}`, { after }, ['after']] as const),
    ['query over 75 characters', { query: 'q'.repeat(76) }, ['query']],
    ['a location id that cannot be one', { locationId: '../x' }, ['locationId']],
    [
      'a value where the operator takes none',
      { filters: [{ field: 'EMAIL', operator: 'EXISTS', text: 'x' }] },
      ['filters', '0', 'text'],
    ],
    [
      'groups nested too deep',
      {
        filters: [
          {
            group: 'AND',
            filters: [
              {
                group: 'AND',
                filters: [
                  { group: 'AND', filters: [{ group: 'OR', filters: [{ field: 'CITY', operator: 'EXISTS' }] }] },
                ],
              },
            ],
          },
        ],
      },
      ['filters', '0', 'filters', '0', 'filters', '0', 'filters', '0'],
    ],
  ] as [string, Record<string, unknown>, string[]][])(
    'refuses %s before any upstream call',
    async (_name, variables, path) => {
      const result = await search(variables);
      expect(result).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_INPUT' });
      expect((result.issues as { field: string[] }[]).map((issue) => issue.field)).toEqual([path]);
      expect(stack.sim.received).toEqual([]);
    },
  );

  it('answers filters nested past any use (a thousand groups) with a 400, never a stack overflow', async () => {
    let filter: Record<string, unknown> = { field: 'CITY', operator: 'EXISTS' };
    for (let i = 0; i < 1000; i += 1) filter = { group: 'AND', filters: [filter] };
    const response = await stack.graphql(
      SEARCH,
      { locationId: stack.seed.locationId, filters: [filter] },
      { token: stack.seed.token },
    );
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      { message: 'Variable "$filters" nests deeper than 32 levels.', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(stack.sim.received).toEqual([]);
  });

  it('refuses a request without a token before upstream', async () => {
    expect(await search({}, null)).toMatchObject({ __typename: 'UnauthorizedError', code: 'MISSING_CREDENTIALS' });
    expect(stack.sim.received).toEqual([]);
  });

  it("answers another location's search as a ForbiddenError", async () => {
    expect(await search({ locationId: 'otherLocation0000001' })).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
  });

  it.each([
    [
      '422 (an account that caps pageLimit at 100)',
      { kind: 'status', status: 422, body: { statusCode: 422, message: ['pageLimit must not be greater than 100'] } },
      {
        __typename: 'ValidationError',
        code: 'UNPROCESSABLE',
        issues: [{ message: 'pageLimit must not be greater than 100' }],
      },
      1,
    ],
    [
      '400',
      { kind: 'status', status: 400, body: { statusCode: 400, message: 'Bad Request' } },
      { __typename: 'BadRequestError', code: 'BAD_REQUEST', message: 'Bad Request' },
      1,
    ],
    [
      '401',
      { kind: 'status', status: 401, body: { statusCode: 401, message: 'Invalid token' } },
      { __typename: 'UnauthorizedError', code: 'INVALID_TOKEN' },
      1,
    ],
    [
      '404 (off the contract for a search)',
      { kind: 'status', status: 404, body: { statusCode: 404, message: 'Cannot POST /contacts/search' } },
      { __typename: 'BadRequestError', code: 'BAD_REQUEST' },
      1,
    ],
    [
      '429 with a Retry-After past the deadline',
      { kind: 'status', status: 429, headers: { 'retry-after': '3' } },
      { __typename: 'RateLimitedError', retryAfterSeconds: 3 },
      1,
    ],
    [
      '200 without contacts (an answer off the contract)',
      { kind: 'status', status: 200, body: { total: 3 } },
      { __typename: 'UpstreamError', code: 'UPSTREAM_BAD_RESPONSE' },
      1,
    ],
    ['a stall', { kind: 'stall' }, { __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT', statusCode: null }, 1],
  ] as [string, Fault, Record<string, unknown>, number][])(
    '%s -> its union member',
    async (_name, fault, expected, calls) => {
      stack.sim.injectFault(fault);
      const token = `search-caller-token-${(n += 1)}`;
      stack.sim.addToken(token, stack.seed.locationId);
      expect(await search({ first: 5 }, token)).toMatchObject(expected);
      expect(stack.sim.received).toHaveLength(calls);
    },
  );

  it('is retried like a read: a 500 or a reset is tried again, with the same body', async () => {
    stack.sim.injectFault({ kind: 'status', status: 500 });
    stack.sim.injectFault({ kind: 'reset' });
    const page = (await search({ first: 5 })) as unknown as Connection;
    expect(page.__typename).toBe('ContactConnection');
    expect(page.edges).toHaveLength(5);
    expect(stack.sim.received).toHaveLength(3);
    expect(new Set(stack.sim.received.map((r) => r.rawBody)).size).toBe(1);
  });

  it('gives up as an UpstreamError when every attempt fails', async () => {
    stack.sim.injectFault({ kind: 'status', status: 503 }, 3);
    expect(await search({ first: 5 })).toMatchObject({
      __typename: 'UpstreamError',
      code: 'UPSTREAM_UNAVAILABLE',
      statusCode: 503,
    });
    expect(stack.sim.received).toHaveLength(3);
  });

  it('resolves assignedUser through the user loader: one GET per distinct user for a whole page', async () => {
    const response = await stack.graphql(
      `query ($locationId: ID!) { contacts(locationId: $locationId, first: 500) {
        ... on ContactConnection { nodes { id assignedUser { id name } } }
      } }`,
      { locationId: stack.seed.locationId },
      { token: stack.seed.token },
    );
    expect(response.json.errors).toBeUndefined();
    const nodes = (response.json.data?.contacts as { nodes: { assignedUser: { id: string } | null }[] }).nodes;
    const users = new Set(nodes.flatMap((node) => (node.assignedUser ? [node.assignedUser.id] : [])));
    expect(users.size).toBe(2);
    expect(nodes.filter((node) => node.assignedUser).length).toBeGreaterThan(40);
    const userCalls = stack.sim.received.filter((r) => r.path.startsWith('/users/'));
    expect(userCalls.map((r) => r.path).sort()).toEqual([...users].map((id) => `/users/${id}`).sort());
    expect(userCalls.every((r) => r.headers.authorization === `Bearer ${stack.seed.token}`)).toBe(true);
  });

  it('logs one operation line and counts the result, without the token or the query text', async () => {
    await stack.graphql(
      'query SearchLeads($l: ID!) { contacts(locationId: $l, query: "hopper", first: 2) { __typename } }',
      { l: stack.seed.locationId },
      { token: stack.seed.token, headers: { 'x-request-id': `search-log-${fastPathOff ? 'apollo' : 'fast'}` } },
    );
    // The line is written once the answer is on its way: the metrics scrape comes after it.
    const metrics = await (await fetch(stack.gateway.url.replace('/graphql', '/metrics'))).text();
    const line = stack.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find(
        (entry) =>
          entry.requestId === `search-log-${fastPathOff ? 'apollo' : 'fast'}` && entry.msg === 'graphql operation',
      );
    expect(line).toMatchObject({
      operation: { name: 'SearchLeads', type: 'query', results: ['ContactConnection'], errors: false },
      upstream: [{ endpoint: 'POST /contacts/search', status: 200, outcome: 'ok', attempt: 1 }],
    });
    expect(metrics).toMatch(
      /graphql_operations_total\{operation_name="SearchLeads",operation_type="query",result="ContactConnection"\} 1/,
    );
    expect(metrics).toMatch(
      /highlevel_request_duration_seconds_count\{endpoint="POST \/contacts\/search",status="200",outcome="ok"\} \d/,
    );
    expect(stack.logs.join('\n')).not.toContain(stack.seed.token);
    expect(stack.logs.join('\n')).not.toContain('hopper');
  });
});
