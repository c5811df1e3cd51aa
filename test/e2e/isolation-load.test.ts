/**
 * Isolation under load: 3,000 mutations and 1,000 searches from 200 different tokens, 100 in flight
 * at once. Every upstream request must carry its own caller's token and every caller must get its own
 * contacts back.
 */
import { startStack, UPDATE_CONTACT, type Stack } from './harness';

const CALLERS = 200;
const MUTATIONS = 3000;
const IN_FLIGHT = 100;

let stack: Stack;
const callers = Array.from({ length: CALLERS }, (_, n) => ({
  token: `load-token-${String(n).padStart(4, '0')}-${Math.random().toString(36).slice(2, 10)}`,
  contactId: `loadContact${String(n).padStart(9, '0')}`,
  locationId: `loadLocation${String(n).padStart(8, '0')}`,
}));

beforeAll(async () => {
  stack = await startStack({ env: { LOG_LEVEL: 'info' } });
  for (const caller of callers) {
    stack.sim.addToken(caller.token, caller.locationId);
    stack.sim.addContact({ id: caller.contactId, locationId: caller.locationId, firstName: 'initial' });
  }
});
afterAll(() => stack.stop());

it(`${MUTATIONS} mutations from ${CALLERS} tokens, ${IN_FLIGHT} concurrently: zero crossings`, async () => {
  stack.sim.reset();
  const jobs = Array.from({ length: MUTATIONS }, (_, n) => ({
    n,
    caller: callers[n % CALLERS] as (typeof callers)[number],
  }));
  const crossings: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { n, caller } = jobs[next++] as (typeof jobs)[number];
      const marker = `m${n}`;
      const response = await stack.graphql(
        UPDATE_CONTACT,
        { id: caller.contactId, input: { lastName: marker } },
        { token: caller.token },
      );
      const result = response.json.data?.updateContact as {
        __typename: string;
        contact?: { id: string; lastName: string; locationId: string };
      };
      if (
        result?.__typename !== 'UpdateContactSuccess' ||
        result.contact?.id !== caller.contactId ||
        result.contact.lastName !== marker ||
        result.contact.locationId !== caller.locationId
      ) {
        crossings.push(`${n}: ${JSON.stringify(result)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

  expect(crossings).toEqual([]);
  const puts = stack.sim.received.filter((request) => request.method === 'PUT');
  expect(puts).toHaveLength(MUTATIONS);
  const owner = new Map(callers.map((caller) => [`/contacts/${caller.contactId}`, `Bearer ${caller.token}`]));
  const wrongToken = puts.filter((request) => owner.get(request.path) !== request.headers.authorization);
  expect(wrongToken).toHaveLength(0);
  // Each caller's marker came back to it, and only its markers reached its contact upstream.
  for (const request of puts) {
    const n = Number((request.body as { lastName: string }).lastName.slice(1));
    expect(`/contacts/${callers[n % CALLERS]?.contactId}`).toBe(request.path);
  }
}, 120_000);

const SEARCHES = 1000;
const SEARCH = `query Search($locationId: ID!) {
  contacts(locationId: $locationId, first: 10) {
    __typename
    ... on ContactConnection { edges { node { id locationId } } }
  }
}`;

it(`${SEARCHES} searches from ${CALLERS} tokens with the same query text, ${IN_FLIGHT} concurrently: zero crossings`, async () => {
  stack.sim.reset();
  const crossings: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < SEARCHES) {
      const n = next++;
      const caller = callers[n % CALLERS] as (typeof callers)[number];
      const response = await stack.graphql(SEARCH, { locationId: caller.locationId }, { token: caller.token });
      const result = response.json.data?.contacts as {
        __typename: string;
        edges?: { node: { id: string; locationId: string } }[];
      };
      const nodes = result?.edges?.map((edge) => edge.node) ?? [];
      if (
        result?.__typename !== 'ContactConnection' ||
        nodes.length !== 1 ||
        nodes[0]?.id !== caller.contactId ||
        nodes[0]?.locationId !== caller.locationId
      ) {
        crossings.push(`${n}: ${JSON.stringify(result)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

  expect(crossings).toEqual([]);
  const searches = stack.sim.received.filter((request) => request.path === '/contacts/search');
  expect(searches).toHaveLength(SEARCHES);
  const tokenOf = new Map(callers.map((caller) => [caller.locationId, `Bearer ${caller.token}`]));
  const wrongToken = searches.filter(
    (request) => tokenOf.get((request.body as { locationId: string }).locationId) !== request.headers.authorization,
  );
  expect(wrongToken).toHaveLength(0);
}, 120_000);
