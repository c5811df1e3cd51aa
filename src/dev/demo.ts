/**
 * `npm run demo`: the project's HighLevel simulator with seeded contacts, and the gateway pointed at it,
 * in one process on loopback. No HighLevel account. Apollo Sandbox (online) and the gateway's own
 * GraphiQL (offline too) open pre-filled with the demo token and a ready-to-run mutation.
 */
import { ConfigError, loadConfig } from '../config';
import { GRAPHIQL_PATH } from '../http/graphiql';
import { createLogger } from '../logging/logger';
import { startGateway } from '../server';
import { seedDemoData } from './simulator/seed';
import { HighLevelSimulator } from './simulator/simulator';
import {
  DEMO_CREATE,
  DEMO_MUTATION,
  DEMO_SEARCH,
  demoIdeDefaults,
  demoSearchVariables,
  demoUpdateVariables,
} from './demo-operations';

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
  const variables = demoUpdateVariables(contactId);
  const searchVariables = demoSearchVariables(seed.locationId);
  const gateway = await startGateway({
    config,
    logger: createLogger(config.logLevel, undefined, config.logFormat),
    ideDefaults: demoIdeDefaults(contactId, seed.token),
  });

  const graphiqlUrl = new URL(GRAPHIQL_PATH, gateway.url).toString();
  process.stdout.write(`
HighLevel contacts gateway: demo (simulated HighLevel on loopback: no call leaves this machine)

  GraphiQL         ${graphiqlUrl}   (works offline: served by the gateway, nothing loaded from outside)
  Apollo Sandbox   ${gateway.url}   (needs the internet: the page loads from Apollo and Google)
                   Both open with the operation, variables and demo token filled in.
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

What leaves this machine: only what a browser fetches for Apollo Sandbox (its code from Apollo's CDN,
fonts from Google, and the IDE in a frame Apollo hosts, which is handed the operation, variables and
demo token). GraphiQL, the gateway and the simulator use nothing outside it.

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
