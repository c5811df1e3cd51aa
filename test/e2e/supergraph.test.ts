/**
 * examples/supergraph as a team runs it: `npm run supergraph:compose` composes the contacts subgraph
 * with the example's `orders` subgraph offline, and Hive Gateway (The Guild's router, its own process,
 * with the example's gateway.config.ts) serves the supergraph in front of the real gateway and the
 * simulator. Asserted on what callers got and on what the simulator received.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OTHER_LOCATION_ID } from '../../src/dev/simulator/seed';
import { startOrdersSubgraph, type OrdersSubgraph } from '../../examples/supergraph/orders-subgraph';
import { freePort } from '../support/ports';
import { until } from '../support/until';
import { startStack, type Stack } from './harness';

const ROOT = join(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/supergraph');
const ROUTER_SECRET = 'router-secret-for-the-example-01';
const SECOND_TOKEN = 'second-caller-token-00000001';
const SECOND_CONTACT = 'otherLocContact00002';

let stack: Stack;
let orders: OrdersSubgraph;
let hive: ChildProcess;
let hiveLog = '';
let routerUrl: string;
let work: string;
/** The contact ids the orders subgraph hands out, per test. */
let orderContactIds: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'supergraph-'));
  stack = await startStack({ env: { ROUTER_SECRET } });
  // A second caller, of another location, with two contacts of its own.
  stack.sim.addToken(SECOND_TOKEN, OTHER_LOCATION_ID);
  stack.sim.addContact({
    id: SECOND_CONTACT,
    locationId: OTHER_LOCATION_ID,
    firstName: 'Other',
    lastName: 'Caller',
    name: 'Other Caller',
    email: 'other@caller.example',
  });
  orders = await startOrdersSubgraph(() => orderContactIds);

  const supergraph = join(work, 'supergraph.graphql');
  const { stdout } = await promisify(execFile)(
    'npm',
    [
      'run',
      '--silent',
      'supergraph:compose',
      '--',
      '--out',
      supergraph,
      '--url',
      `contacts=${stack.gateway.url}`,
      '--url',
      `orders=${orders.url}`,
    ],
    { cwd: ROOT, timeout: 60_000 },
  );
  expect(stdout).toContain(`composed ${supergraph}`);
  expect(readFileSync(supergraph, 'utf8')).toContain('join__Graph');

  const port = await freePort();
  hive = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js'),
      'supergraph',
      supergraph,
      '--config-path',
      join(EXAMPLE, 'gateway.config.ts'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: EXAMPLE,
      env: { PATH: process.env.PATH, CONTACTS_ROUTER_SECRET: ROUTER_SECRET, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  hive.stdout?.on('data', (chunk: Buffer) => (hiveLog += chunk.toString()));
  hive.stderr?.on('data', (chunk: Buffer) => (hiveLog += chunk.toString()));
  routerUrl = `http://127.0.0.1:${port}/graphql`;
  await until(
    () =>
      fetch(`http://127.0.0.1:${port}/readiness`).then(
        (response) => response.ok,
        () => false,
      ),
    30_000,
  ).catch((error: unknown) => {
    throw new Error(`Hive Gateway did not start: ${String(error)}\n${hiveLog}`);
  });
}, 90_000);

afterAll(async () => {
  if (hive && hive.exitCode === null) {
    const exited = once(hive, 'exit');
    hive.kill('SIGTERM');
    await exited;
  }
  await orders?.stop();
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => stack.sim.reset());

interface RouterAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function throughRouter(query: string, token: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as RouterAnswer;
}

const ORDERS = '{ orders { id contact { id firstName email assignedUser { id name } } } }';
type Order = { id: string; contact: { id: string; firstName: string | null; assignedUser: unknown } | null };

const contactGets = () => stack.sim.received.filter((r) => r.method === 'GET' && r.path.startsWith('/contacts/'));
const userGets = () => stack.sim.received.filter((r) => r.method === 'GET' && r.path.startsWith('/users/'));

it('resolves contacts nested in orders with one upstream GET per distinct contact and user', async () => {
  const [a, b, c] = stack.seed.contactIds as [string, string, string];
  orderContactIds = [a, b, a, c, b, a, 'doesNotExist00000000', a];
  const result = await throughRouter(ORDERS, stack.seed.token);
  const contacts = (result.data?.orders as Order[]).map((order) => order.contact);
  expect(contacts.map((contact) => contact?.id)).toEqual(orderContactIds);
  expect(contacts[1]).toMatchObject({
    firstName: 'rubika',
    assignedUser: { id: 'y0BeYjuRIlDwsDcOHOJo', name: 'John Deo' },
  });
  expect(contacts[6]).toMatchObject({ id: 'doesNotExist00000000', firstName: null, email: null });
  expect(
    contactGets()
      .map((r) => r.path)
      .sort(),
  ).toEqual([a, b, c, 'doesNotExist00000000'].map((id) => `/contacts/${id}`).sort());
  const distinctUsers = new Set(userGets().map((r) => r.path));
  expect(userGets()).toHaveLength(distinctUsers.size);
  for (const request of stack.sim.received) expect(request.headers.authorization).toBe(`Bearer ${stack.seed.token}`);
});

it('answers updateContact error members through the router, each as data', async () => {
  const update = `mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) {
    __typename ... on DisplayableError { code message } ... on ValidationError { issues { field } } } }`;
  const [a] = stack.seed.contactIds as [string];
  const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
    [{ id: a, input: { city: 'Lyon' } }, stack.seed.token, { __typename: 'UpdateContactSuccess' }],
    [
      { id: a, input: { email: 'not-an-email' } },
      stack.seed.token,
      { __typename: 'ValidationError', code: 'INVALID_INPUT' },
    ],
    [
      { id: stack.seed.otherLocationContactId, input: { city: 'Lyon' } },
      stack.seed.token,
      { __typename: 'ForbiddenError' },
    ],
    [{ id: 'doesNotExist00000000', input: { city: 'Lyon' } }, stack.seed.token, { __typename: 'NotFoundError' }],
    [
      { id: a, input: { city: 'Lyon' } },
      'not-a-known-token',
      { __typename: 'UnauthorizedError', code: 'INVALID_TOKEN' },
    ],
  ];
  for (const [variables, token, expected] of cases) {
    const result = await throughRouter(update, token, variables);
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateContact).toMatchObject(expected);
  }
  // The refused input never reached HighLevel: one PUT per case that got past the gateway's checks.
  expect(stack.sim.received.filter((r) => r.method === 'PUT')).toHaveLength(4);
});

it("keeps two callers apart under concurrency with identical query text: no answer holds the other caller's data", async () => {
  const [a, b] = stack.seed.contactIds as [string, string];
  orderContactIds = [a, SECOND_CONTACT, b, stack.seed.otherLocationContactId];
  const mine = new Set([a, b]);
  const theirs = new Set([SECOND_CONTACT, stack.seed.otherLocationContactId]);
  const callers = Array.from({ length: 60 }, (_, n) => (n % 2 === 0 ? stack.seed.token : SECOND_TOKEN));
  const answers = await Promise.all(callers.map((token) => throughRouter(ORDERS, token)));
  answers.forEach((answer, n) => {
    const own = callers[n] === stack.seed.token ? mine : theirs;
    const contacts = (answer.data?.orders as Order[]).map((order) => order.contact);
    for (const contact of contacts) {
      // Another location's contact is forbidden to this caller: its id, and nothing else.
      if (own.has(contact?.id ?? '')) expect(contact?.firstName).not.toBeNull();
      else expect(contact?.firstName ?? null).toBeNull();
    }
  });
  // Every upstream call carried one of the two tokens, and each contact was asked for with each.
  const byToken = new Map<string, Set<string>>();
  for (const request of contactGets()) {
    const token = request.headers.authorization ?? '';
    expect([`Bearer ${stack.seed.token}`, `Bearer ${SECOND_TOKEN}`]).toContain(token);
    byToken.set(token, (byToken.get(token) ?? new Set()).add(request.path));
  }
  expect(byToken.size).toBe(2);
}, 60_000);

it('refuses a request that skips the router: the contacts gateway wants the router secret', async () => {
  const direct = await stack.graphql('{ __typename }', {}, { token: stack.seed.token });
  expect(direct.status).toBe(401);
});

describe('behind the router (what docs/federation.md tells router operators)', () => {
  it('a contact the caller may not read is its id and nulls, with one error per field selected on it', async () => {
    orderContactIds = [stack.seed.otherLocationContactId];
    const answer = await throughRouter(ORDERS, stack.seed.token);
    expect((answer.data?.orders as Order[])[0]?.contact).toEqual({
      id: stack.seed.otherLocationContactId,
      firstName: null,
      email: null,
      assignedUser: null,
    });
    expect(answer.errors?.map((error) => [error.path?.at(-1), error.extensions?.code])).toEqual([
      ['firstName', 'FORBIDDEN'],
      ['email', 'FORBIDDEN'],
      ['assignedUser', 'FORBIDDEN'],
    ]);
  });

  it("serves the subgraph's SDL only to a caller with the router secret, not through the router", async () => {
    const sdl = '{ _service { sdl } }';
    expect((await stack.graphql(sdl, {})).status).toBe(401);
    const withSecret = await stack.graphql(sdl, {}, { headers: { 'router-authorization': ROUTER_SECRET } });
    expect(JSON.stringify(withSecret.json.data)).toContain('type Contact');
    expect((await throughRouter(sdl, stack.seed.token)).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});
