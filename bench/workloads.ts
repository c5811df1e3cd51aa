/**
 * What the benchmark sends: each scenario's request to HighLevel directly and its GraphQL equivalent
 * through the gateway, how an answer is checked, and how many upstream calls one gateway answer makes.
 */
export const DEMO_TOKEN = 'demo-token-ve9EPM428h8vShlRW1KT';
export const DEMO_CONTACT = 'ocQHyuzHvysMo5N5VsXc';
export const DEMO_LOCATION = 've9EPM428h8vShlRW1KT';
const API_VERSION = '2021-07-28';

export const BENCH_CALLERS = Array.from({ length: 200 }, (_, n) => ({
  token: `bench-token-${String(n).padStart(3, '0')}-Xq81LmZ`,
  locationId: `benchLocation${String(n).padStart(7, '0')}`,
  contactId: `benchContact${String(n).padStart(8, '0')}`,
}));
export const ENTITY_IDS = Array.from({ length: 50 }, (_, n) => `benchEntity${String(n).padStart(9, '0')}`);

/**
 * A location of its own for the search scenario, so that the creates of other scenarios never change
 * its pages: SEARCH_CONTACT_COUNT contacts, the n-th added n minutes after the first, every tenth with
 * Do Not Disturb on.
 */
export const SEARCH_CALLER = { token: 'bench-search-token-Xq81LmZ', locationId: 'benchSearchLocation1' };
export const SEARCH_CONTACT_COUNT = 500;
export function searchContact(n: number) {
  return {
    id: `benchSearch${String(n).padStart(9, '0')}`,
    locationId: SEARCH_CALLER.locationId,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    name: `First${n} Last${n}`,
    email: `search-${n}@example.com`,
    phone: `+1555020${String(n).padStart(4, '0')}`,
    tags: n % 3 === 0 ? ['vip', 'newsletter'] : ['newsletter'],
    dnd: n % 10 === 0,
    city: 'Austin',
    country: 'US',
    dateAdded: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    dateUpdated: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
  };
}

export type SimulatorMessage = 'stats';
export interface SimulatorStats {
  requests: number;
  byMethod: Record<string, number>;
}

/** One request autocannon sends (or the 1-connection client). */
export interface BenchRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  /** Short and stable, for `--only` and the results file. */
  id: string;
  name: string;
  connections: number;
  /** Fixed upstream response delay. */
  latencyMs: number;
  /** Units counted per answer (entities per `_entities` call); 1 otherwise. */
  unitsPerAnswer: number;
  /** Upstream calls one gateway answer makes. */
  upstreamPerAnswer: number;
  direct: (n: number) => BenchRequest;
  gateway: (n: number) => BenchRequest;
  /** The marker a correct gateway answer contains (its union member). */
  gatewayMarker: string;
  /** Deletes a seeded contact per request: measured on a simulator and gateway of its own (bench/main.ts). */
  deletes?: true;
  /** Through a gateway with REDIS_URL (a redis-server of the bench's own, on loopback): shared budgets. */
  shared?: true;
  /** Through a gateway started with this WORKERS (its CPU and memory counted over every worker). */
  workers?: number;
}

// A realistic update: ten fields, tags and a custom field.
const INPUT = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+14155550100',
  address1: '12 Analytical Way',
  city: 'Austin',
  state: 'TX',
  postalCode: '73301',
  website: 'https://ada.example.com',
  timezone: 'America/Chicago',
  tags: ['vip', 'newsletter'],
  customFields: [{ id: 'FavCarTextF1eLd00001', value: { text: 'Roadster' } }],
};
const REST_BODY = JSON.stringify({
  ...INPUT,
  customFields: [{ id: 'FavCarTextF1eLd00001', field_value: 'Roadster' }],
});

export const UPDATE = `mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) {
    __typename
    ... on UpdateContactSuccess { contact { id firstName lastName email phone tags dateUpdated customFields { id } } }
    ... on DisplayableError { code message }
  }
}`;
const CONTACT = `query Contact($id: ID!) {
  contact(id: $id) {
    __typename
    ... on Contact { id firstName lastName email phone tags country dateAdded dateUpdated }
    ... on DisplayableError { code message }
  }
}`;
const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Contact { id firstName lastName email } }
}`;

const rest = (method: BenchRequest['method'], id: string, token: string, body?: string): BenchRequest => ({
  method,
  path: `/contacts/${id}`,
  headers: {
    authorization: `Bearer ${token}`,
    version: API_VERSION,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  },
  ...(body === undefined ? {} : { body }),
});
const graphql = (token: string, body: string): BenchRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body,
});

// Bodies are built once: the load generator should spend its CPU sending, not serialising.
const UPDATE_BODY = JSON.stringify({ query: UPDATE, variables: { id: DEMO_CONTACT, input: INPUT } });
const CONTACT_BODY = JSON.stringify({ query: CONTACT, variables: { id: DEMO_CONTACT } });
const ENTITIES_BODY = JSON.stringify({
  query: ENTITIES,
  variables: { representations: ENTITY_IDS.map((id) => ({ __typename: 'Contact', id })) },
});
const CALLER_UPDATES = BENCH_CALLERS.map((caller) => ({
  direct: rest('PUT', caller.contactId, caller.token, REST_BODY),
  gateway: graphql(caller.token, JSON.stringify({ query: UPDATE, variables: { id: caller.contactId, input: INPUT } })),
}));

const CREATE = `mutation CreateContact($input: CreateContactInput!) {
  createContact(input: $input) {
    __typename
    ... on CreateContactSuccess { contact { id firstName lastName email phone tags dateAdded customFields { id } } }
    ... on DuplicateContactError { existingContactId }
    ... on DisplayableError { code message }
  }
}`;
// A new contact per request: a unique email (the location allows no duplicates), the rest as the
// update's, its custom field included (in each side's shape).
const { customFields: GRAPHQL_CUSTOM_FIELDS, ...CREATE_FIELDS } = INPUT;
const REST_CUSTOM_FIELDS = (JSON.parse(REST_BODY) as { customFields: unknown }).customFields;
const createInput = (n: number, prefix: string, customFields: unknown) => ({
  ...CREATE_FIELDS,
  customFields,
  locationId: DEMO_LOCATION,
  email: `${prefix}-${n}@example.com`,
  phone: undefined,
});
// Built once per run around a marker, so the load generator only splices the number in.
const CREATE_REST_PARTS = JSON.stringify(createInput(0, '@@', REST_CUSTOM_FIELDS)).split('@@-0');
const CREATE_GRAPHQL_PARTS = JSON.stringify({
  query: CREATE,
  variables: { input: createInput(0, '@@', GRAPHQL_CUSTOM_FIELDS) },
}).split('@@-0');

function createContact(connections: number): Scenario {
  // Counted across every run of the scenario (warm-ups included): each request's contact is new.
  let created = 0;
  return {
    id: `create@${connections}`,
    name: 'createContact',
    connections,
    latencyMs: 0,
    unitsPerAnswer: 1,
    upstreamPerAnswer: 1,
    direct: () => rest('POST', '', DEMO_TOKEN, CREATE_REST_PARTS.join(`direct-${(created += 1)}`)),
    gateway: () => graphql(DEMO_TOKEN, CREATE_GRAPHQL_PARTS.join(`gateway-${(created += 1)}`)),
    gatewayMarker: '"CreateContactSuccess"',
  };
}

/**
 * Contacts seeded for the delete scenario, one per request: more than the direct and the gateway side
 * together delete in their warm-ups and 5 s runs at this machine's rates (about 46,000 and 19,000 a
 * second).
 */
export const DELETE_POOL = 1_000_000;
export const deleteContactId = (n: number) => `benchDelete${String(n).padStart(9, '0')}`;
const DELETE = `mutation DeleteContact($id: ID!) {
  deleteContact(id: $id) {
    __typename
    ... on DeleteContactSuccess { deletedContactId }
    ... on DisplayableError { code message }
  }
}`;
const DELETE_GRAPHQL_PARTS = JSON.stringify({ query: DELETE, variables: { id: '@@' } }).split('@@');

function deleteContact(connections: number): Scenario {
  // Counted across every run of the scenario (warm-ups included): each request deletes a contact of its own.
  let deleted = 0;
  return {
    id: `delete@${connections}`,
    name: 'deleteContact',
    connections,
    latencyMs: 0,
    unitsPerAnswer: 1,
    upstreamPerAnswer: 1,
    direct: () => rest('DELETE', deleteContactId((deleted += 1)), DEMO_TOKEN),
    gateway: () => graphql(DEMO_TOKEN, DELETE_GRAPHQL_PARTS.join(deleteContactId((deleted += 1)))),
    gatewayMarker: '"DeleteContactSuccess"',
    deletes: true,
  };
}

const UPSERT = `mutation UpsertContact($input: UpsertContactInput!) {
  upsertContact(input: $input) {
    __typename
    ... on UpsertContactSuccess { created contact { id firstName lastName email phone tags dateUpdated customFields { id } } }
    ... on DisplayableError { code message }
  }
}`;
// The update's fields by email and phone: after the first request (or the update scenarios) every
// upsert matches the same contact and updates it, HighLevel's common case.
const UPSERT_INPUT = { ...CREATE_FIELDS, locationId: DEMO_LOCATION };

function upsertContact(connections: number): Scenario {
  const direct = rest(
    'POST',
    'upsert',
    DEMO_TOKEN,
    JSON.stringify({ ...UPSERT_INPUT, customFields: REST_CUSTOM_FIELDS }),
  );
  const gateway = graphql(
    DEMO_TOKEN,
    JSON.stringify({ query: UPSERT, variables: { input: { ...UPSERT_INPUT, customFields: GRAPHQL_CUSTOM_FIELDS } } }),
  );
  return {
    id: `upsert@${connections}`,
    name: 'upsertContact (a match, updated)',
    connections,
    latencyMs: 0,
    unitsPerAnswer: 1,
    upstreamPerAnswer: 1,
    direct: () => direct,
    gateway: () => gateway,
    gatewayMarker: '"UpsertContactSuccess"',
  };
}

const SEARCH = `query SearchContacts($locationId: ID!, $filters: [ContactFilterInput!], $first: Int, $after: String) {
  contacts(locationId: $locationId, filters: $filters, first: $first, after: $after) {
    __typename
    ... on ContactConnection {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id firstName lastName email phone tags dnd dateAdded } }
    }
    ... on DisplayableError { code message }
  }
}`;
const SEARCH_PAGE = 100;

/**
 * A list view's first page: 100 contacts without Do Not Disturb, latest added first. The answer is
 * checked by the id of the page's last contact.
 */
function searchContacts(connections: number): Scenario {
  const direct: BenchRequest = {
    ...rest('POST', 'search', SEARCH_CALLER.token),
    headers: {
      authorization: `Bearer ${SEARCH_CALLER.token}`,
      version: API_VERSION,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      locationId: SEARCH_CALLER.locationId,
      pageLimit: SEARCH_PAGE,
      filters: [{ field: 'dnd', operator: 'eq', value: false }],
    }),
  };
  const variables = {
    locationId: SEARCH_CALLER.locationId,
    filters: [{ field: 'DND', operator: 'EQ', boolean: false }],
    first: SEARCH_PAGE,
  };
  const pageIds = Array.from({ length: SEARCH_CONTACT_COUNT }, (_, i) => SEARCH_CONTACT_COUNT - i)
    .filter((n) => n % 10 !== 0)
    .slice(0, SEARCH_PAGE);
  const lastId = searchContact(pageIds.at(-1) ?? 0).id;
  const gateway = graphql(SEARCH_CALLER.token, JSON.stringify({ query: SEARCH, variables }));
  return {
    id: `search@${connections}`,
    name: `contacts search, a page of ${SEARCH_PAGE}`,
    connections,
    latencyMs: 0,
    unitsPerAnswer: 1,
    upstreamPerAnswer: 1,
    direct: () => direct,
    gateway: () => gateway,
    gatewayMarker: `"id":"${lastId}","firstName"`,
  };
}

/** updateContact from 200 callers in turn, each with its own token, location and contact. */
function tokensUpdate(connections: number): Scenario {
  return {
    id: `tokens@${connections}`,
    name: 'updateContact, 200 tokens',
    connections,
    latencyMs: 0,
    unitsPerAnswer: 1,
    upstreamPerAnswer: 1,
    direct: (n) => (CALLER_UPDATES[n % CALLER_UPDATES.length] as (typeof CALLER_UPDATES)[number]).direct,
    gateway: (n) => (CALLER_UPDATES[n % CALLER_UPDATES.length] as (typeof CALLER_UPDATES)[number]).gateway,
    gatewayMarker: '"UpdateContactSuccess"',
  };
}

/** updateContact through a gateway whose callers' budgets live in Redis: the cost of sharing them. */
function sharedUpdateContact(connections: number): Scenario {
  return {
    ...updateContact(connections),
    id: `shared@${connections}`,
    name: 'updateContact, budgets shared on Redis',
    shared: true,
  };
}

function updateContact(connections: number, latencyMs = 0): Scenario {
  const direct = rest('PUT', DEMO_CONTACT, DEMO_TOKEN, REST_BODY);
  const gateway = graphql(DEMO_TOKEN, UPDATE_BODY);
  return {
    id: latencyMs > 0 ? `latency@${connections}` : `update@${connections}`,
    name: latencyMs > 0 ? `updateContact, upstream +${latencyMs} ms` : 'updateContact',
    connections,
    latencyMs,
    unitsPerAnswer: 1,
    upstreamPerAnswer: 1,
    direct: () => direct,
    gateway: () => gateway,
    gatewayMarker: '"UpdateContactSuccess"',
  };
}

export const SCENARIOS: Scenario[] = [
  updateContact(1),
  updateContact(32),
  updateContact(128),
  {
    id: 'contact@32',
    name: 'contact(id)',
    connections: 32,
    latencyMs: 0,
    unitsPerAnswer: 1,
    upstreamPerAnswer: 1,
    direct: () => rest('GET', DEMO_CONTACT, DEMO_TOKEN),
    gateway: () => graphql(DEMO_TOKEN, CONTACT_BODY),
    gatewayMarker: '"__typename":"Contact"',
  },
  {
    id: 'entities@32',
    name: '_entities x50 (per entity)',
    connections: 32,
    latencyMs: 0,
    unitsPerAnswer: ENTITY_IDS.length,
    upstreamPerAnswer: ENTITY_IDS.length,
    direct: (n) => rest('GET', ENTITY_IDS[n % ENTITY_IDS.length] as string, DEMO_TOKEN),
    gateway: () => graphql(DEMO_TOKEN, ENTITIES_BODY),
    gatewayMarker: `"id":"${ENTITY_IDS[ENTITY_IDS.length - 1]}"`,
  },
  tokensUpdate(32),
  updateContact(64, 50),
  createContact(32),
  upsertContact(32),
  searchContacts(32),
  deleteContact(32),
  sharedUpdateContact(32),
  {
    ...updateContact(32),
    id: 'workers@32',
    name: 'updateContact, WORKERS=2',
    workers: 2,
  },
  {
    ...tokensUpdate(32),
    id: 'shared-tokens@32',
    name: 'updateContact, 200 tokens, budgets shared on Redis',
    shared: true,
  },
];

/** The soak's mutation for the n-th request: 200 callers in turn. */
export function soakRequest(n: number): BenchRequest {
  return (CALLER_UPDATES[n % CALLER_UPDATES.length] as (typeof CALLER_UPDATES)[number]).gateway;
}
