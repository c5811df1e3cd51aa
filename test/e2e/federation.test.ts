/**
 * The gateway as an Apollo Federation 2 subgraph, proven in a real federated engine: composed with a
 * test-only `orders` subgraph by @apollo/composition and queried through @apollo/gateway in-process,
 * with the caller's Authorization header propagated to the subgraphs.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { loadTypeDefs, printGatewaySubgraphSchema } from '../../src/schema';
import { startStack, type Stack } from './harness';

const ROUTER_SECRET = 'router-secret-for-tests-0001';

const ORDERS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    orders: [Order!]!
  }
  type Order {
    id: ID!
    contact: Contact
  }
  type Contact @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

interface RouterContext {
  authorization?: string;
}

let stack: Stack;
let ordersServer: ApolloServer;
let router: ApolloServer<RouterContext>;
let routerUrl: string;
/** contact id per order: set by each test before it queries. */
let orderContactIds: string[] = [];

beforeAll(async () => {
  stack = await startStack({ env: { ROUTER_SECRET } });
  ordersServer = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: parse(ORDERS_SDL),
        resolvers: { Query: { orders: () => orderContactIds.map((id, n) => ({ id: `order-${n}`, contact: { id } })) } },
      },
    ]),
    // No router here asks for federated traces; without this, Apollo announces inline tracing on the console.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const orders = await startStandaloneServer(ordersServer, { listen: { port: 0, host: '127.0.0.1' } });

  const composed = composeServices([
    { name: 'contacts', typeDefs: loadTypeDefs(), url: stack.gateway.url },
    { name: 'orders', typeDefs: parse(ORDERS_SDL), url: orders.url },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<RouterContext>({
        url,
        willSendRequest({ request, context }) {
          // Apollo Router's equivalent: headers: all: request: - propagate: named: authorization
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          request.http?.headers.set('router-authorization', ROUTER_SECRET);
        },
      }),
  });
  router = new ApolloServer<RouterContext>({ gateway });
  ({ url: routerUrl } = await startStandaloneServer(router, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  }));
});

afterAll(async () => {
  await router.stop();
  await ordersServer.stop();
  await stack.stop();
});

beforeEach(() => stack.sim.reset());

async function throughRouter(query: string, token: string) {
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: { orders: { id: string; contact: Record<string, unknown> | null }[] };
    errors?: unknown[];
  };
}

const gets = (prefix: string) => stack.sim.received.filter((r) => r.method === 'GET' && r.path.startsWith(prefix));

describe('a federated supergraph', () => {
  it('composes the printed subgraph SDL (what `npm run schema:print` writes) with a foreign subgraph', () => {
    const composed = composeServices([
      { name: 'contacts', typeDefs: parse(printGatewaySubgraphSchema()), url: 'http://contacts' },
      { name: 'orders', typeDefs: parse(ORDERS_SDL), url: 'http://orders' },
    ]);
    expect(composed.errors).toBeUndefined();
    expect(composed.supergraphSdl).toContain('type Contact');
  });

  it('serves its SDL at _service with the @key on Contact', async () => {
    const response = await stack.graphql(
      '{ _service { sdl } }',
      {},
      { headers: { 'router-authorization': ROUTER_SECRET } },
    );
    const sdl = (response.json.data?._service as { sdl: string }).sdl;
    expect(sdl).toMatch(/type Contact\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
  });

  it("resolves each distinct contact with one upstream GET, all with the caller's token", async () => {
    const [a, b, c] = stack.seed.contactIds as [string, string, string];
    orderContactIds = [a, b, a, c, b, a, 'doesNotExist00000000', a];
    const result = await throughRouter(
      '{ orders { id contact { id firstName email assignedUser { id name } } } }',
      stack.seed.token,
    );

    expect(result.errors).toBeUndefined();
    const contacts = result.data?.orders.map((order) => order.contact);
    expect(contacts?.map((contact) => contact?.id)).toEqual([a, b, a, c, b, a, 'doesNotExist00000000', a]);
    // A missing entity is null for its representation (the router keeps the id it already had).
    expect(contacts?.[6]).toEqual({ id: 'doesNotExist00000000', firstName: null, email: null, assignedUser: null });
    expect(contacts?.[1]).toMatchObject({
      firstName: 'rubika',
      assignedUser: { id: 'y0BeYjuRIlDwsDcOHOJo', name: 'John Deo' },
    });

    const contactPaths = gets('/contacts/')
      .map((r) => r.path)
      .sort();
    expect(contactPaths).toEqual([a, b, c, 'doesNotExist00000000'].map((id) => `/contacts/${id}`).sort());
    expect(gets('/users/').map((r) => r.path)).toEqual(['/users/y0BeYjuRIlDwsDcOHOJo']);
    expect(new Set(stack.sim.received.map((r) => r.headers.authorization))).toEqual(
      new Set([`Bearer ${stack.seed.token}`]),
    );
  });

  it('answers null, not an error, for a representation whose contact does not exist or cannot', async () => {
    const representations = ['doesNotExist00000000', '../users/x', stack.seed.contactIds[0]].map(
      (id) => `{ __typename: "Contact", id: ${JSON.stringify(id)} }`,
    );
    const response = await stack.graphql(
      `{ _entities(representations: [${representations.join(', ')}]) { ... on Contact { id } } }`,
      {},
      { token: stack.seed.token, headers: { 'router-authorization': ROUTER_SECRET } },
    );
    expect(response.json).toEqual({ data: { _entities: [null, null, { id: stack.seed.contactIds[0] }] } });
    expect(
      gets('/contacts/')
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/contacts/doesNotExist00000000', `/contacts/${stack.seed.contactIds[0]}`]);
  });

  it('costs one user call per distinct user: twenty contacts assigned to three users -> three user calls', async () => {
    const userIds = ['userAaaaaaaaaaaaaaa1', 'userBbbbbbbbbbbbbbb2', 'userCcccccccccccccc3'];
    userIds.forEach((id, n) => stack.sim.addUser({ id, name: `User ${n}` }));
    orderContactIds = Array.from({ length: 20 }, (_, n) => {
      const id = `assignedContact${String(n).padStart(5, '0')}`;
      stack.sim.addContact({ id, locationId: stack.seed.locationId, firstName: `C${n}`, assignedTo: userIds[n % 3] });
      return id;
    });
    const result = await throughRouter('{ orders { contact { id assignedUser { name } } } }', stack.seed.token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.orders.map((o) => (o.contact?.assignedUser as { name: string }).name)).toEqual(
      orderContactIds.map((_, n) => `User ${n % 3}`),
    );
    expect(gets('/contacts/')).toHaveLength(20);
    expect(gets('/users/')).toHaveLength(3);
  });

  it("bounds one request's upstream calls in flight (UPSTREAM_CONCURRENCY, default 8)", async () => {
    orderContactIds = Array.from({ length: 40 }, (_, n) => {
      const id = `burstContact${String(n).padStart(8, '0')}`;
      stack.sim.addContact({ id, locationId: stack.seed.locationId });
      return id;
    });
    stack.sim.injectFault({ kind: 'delay', ms: 30 }, 40);
    // `id` alone would come from the orders subgraph: asking for a contacts field makes the router call us.
    const result = await throughRouter('{ orders { contact { id firstName } } }', stack.seed.token);
    expect(result.errors).toBeUndefined();
    expect(gets('/contacts/')).toHaveLength(40);
    expect(stack.sim.load.maxInFlight).toBe(8);
  });

  it('a subgraph refuses requests that do not come from its router when ROUTER_SECRET is set', async () => {
    const direct = await stack.graphql('{ _service { sdl } }', {}, { token: stack.seed.token });
    expect(direct.status).toBe(401);
    expect(direct.json.data).toBeUndefined();
    const wrong = await stack.graphql(
      '{ __typename }',
      {},
      { headers: { 'router-authorization': 'router-secret-for-tests-0002' } },
    );
    expect(wrong.status).toBe(401);
    expect(stack.sim.received).toHaveLength(0);
  });
});

describe('per-request loaders', () => {
  it("never cross callers: concurrent requests with different tokens each get their own location's contacts", async () => {
    const tokens = Array.from({ length: 6 }, (_, n) => `isolation-token-${n}`);
    const idsByToken = new Map<string, string>();
    tokens.forEach((token, n) => {
      const location = `isolationLocation${n}`;
      stack.sim.addToken(token, location);
      const id = `isolationContact000${n}`;
      stack.sim.addContact({ id, locationId: location, firstName: `Owner${n}` });
      idsByToken.set(token, id);
    });
    const query = (id: string) =>
      `{ _entities(representations: [{ __typename: "Contact", id: "${id}" }]) { ... on Contact { id firstName } } }`;
    // Every caller asks for its own contact AND its neighbour's: a shared cache would answer the neighbour's.
    const rounds = await Promise.all(
      Array.from({ length: 60 }, (_, n) => {
        const token = tokens[n % tokens.length] as string;
        const neighbour = tokens[(n + 1) % tokens.length] as string;
        const own = idsByToken.get(token) as string;
        const other = idsByToken.get(neighbour) as string;
        return Promise.all([
          stack.graphql(query(own), {}, { token, headers: { 'router-authorization': ROUTER_SECRET } }),
          stack.graphql(query(other), {}, { token, headers: { 'router-authorization': ROUTER_SECRET } }),
        ]).then(([mine, theirs]) => ({ n, own, mine, theirs }));
      }),
    );
    for (const { n, own, mine, theirs } of rounds) {
      expect(mine.json.data?._entities).toEqual([{ id: own, firstName: `Owner${n % tokens.length}` }]);
      expect(theirs.json.data?._entities).toEqual([null]);
      expect(JSON.stringify(theirs.json)).not.toContain('Owner');
    }
    for (const request of stack.sim.received) {
      const token = request.headers.authorization?.replace('Bearer ', '') ?? '';
      expect(tokens).toContain(token);
    }
  });
});
