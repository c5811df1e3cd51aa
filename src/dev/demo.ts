/**
 * `npm run demo`: the project's HighLevel simulator with seeded contacts, and the gateway pointed at it,
 * in one process on loopback. No HighLevel account, works offline. Apollo Sandbox opens pre-filled with
 * the demo token and a ready-to-run mutation.
 */
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logging/logger';
import { startGateway } from '../server';
import { seedDemoData } from './simulator/seed';
import { HighLevelSimulator } from './simulator/simulator';

/** A search a list view sends: a filter group, newest first, a page of 25 (pass endCursor as after). */
export const DEMO_SEARCH = `query SearchContacts($locationId: ID!, $filters: [ContactFilterInput!], $first: Int, $after: String) {
  contacts(locationId: $locationId, filters: $filters, first: $first, after: $after) {
    __typename
    ... on ContactConnection {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name email tags city } }
    }
    ... on DisplayableError { code message }
  }
}`;

/** A create that hits a duplicate (the demo location allows none), opening the existing contact. */
export const DEMO_CREATE = `mutation CreateContact($input: CreateContactInput!) {
  createContact(input: $input) {
    __typename
    ... on CreateContactSuccess { contact { id email } }
    ... on DuplicateContactError { existingContactId matchingField existingContact { id name email } }
    ... on DisplayableError { code message }
  }
}`;

export const DEMO_MUTATION = `mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) {
    __typename
    ... on UpdateContactSuccess {
      contact { id name email phone city country tags dateUpdated dndSettings { sms { status } } }
    }
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field message } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on UpstreamError { statusCode }
  }
}`;

async function demo(): Promise<void> {
  const env = { HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...process.env };
  const simulator = new HighLevelSimulator();
  const simulatorUrl = await simulator.start(0, '127.0.0.1');
  const seed = seedDemoData(simulator);
  const contactId = seed.contactIds[0] ?? '';

  let config;
  try {
    config = loadConfig({ ...env, HIGHLEVEL_BASE_URL: simulatorUrl });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const variables = {
    id: contactId,
    input: {
      email: 'rosan@deos.com',
      phone: '+1 888-888-8888',
      city: 'Dolomite',
      country: 'US',
      tags: ['demo', 'vip'],
      dndSettings: { sms: { status: 'ACTIVE' } },
    },
  };
  const searchVariables = {
    locationId: seed.locationId,
    filters: [
      {
        group: 'OR',
        filters: [
          { field: 'TAGS', operator: 'CONTAINS', values: ['vip'] },
          { field: 'CITY', operator: 'EQ', text: 'Denver' },
        ],
      },
    ],
    first: 25,
  };
  const gateway = await startGateway({
    config,
    logger: createLogger(config.logLevel, undefined, config.logFormat),
    sandboxDefaults: { document: DEMO_MUTATION, variables, headers: { Authorization: `Bearer ${seed.token}` } },
  });

  process.stdout.write(`
HighLevel contacts gateway: demo (simulated HighLevel on loopback, nothing leaves this machine)

  Apollo Sandbox   ${gateway.url}   (open it in a browser; operation, variables and token are pre-filled)
  Demo token       ${seed.token}
  Location id      ${seed.locationId} (${seed.locationContactCount} contacts to search)
  Contact ids      ${seed.contactIds.join(', ')}
  Simulator        ${simulatorUrl}

Mutation:
${DEMO_MUTATION}

Variables:
${JSON.stringify(variables, null, 2)}

Or from a terminal:
  curl -s ${gateway.url} -H 'content-type: application/json' -H 'authorization: Bearer ${seed.token}' \\
    -d '${JSON.stringify({ query: 'mutation($id: ID!) { updateContact(id: $id, input: { city: "Dolomite" }) { __typename ... on UpdateContactSuccess { contact { id city } } ... on DisplayableError { code message } } }', variables: { id: contactId } })}'

A search (VIP contacts or contacts in Denver, newest first, 25 a page; pass pageInfo.endCursor as
"after" for the next page):
  curl -s ${gateway.url} -H 'content-type: application/json' -H 'authorization: Bearer ${seed.token}' \\
    -d '${JSON.stringify({ query: DEMO_SEARCH.replace(/\s+/g, ' '), variables: searchVariables })}'

A create that hits a duplicate (an upsert with the same input would update that contact instead):
  curl -s ${gateway.url} -H 'content-type: application/json' -H 'authorization: Bearer ${seed.token}' \\
    -d '${JSON.stringify({ query: DEMO_CREATE.replace(/\s+/g, ' '), variables: { input: { locationId: seed.locationId, firstName: 'Rosan', email: 'rosan@deos.com' } } })}'

Every operation, with its variables: docs/api.md.

Ctrl-C stops both.
`);

  const shutdown = () => {
    void Promise.allSettled([gateway.stop(), simulator.stop()]).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

demo().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
