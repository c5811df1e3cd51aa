/**
 * A fault-injection run over every operation and every fault kind; then every response the clients
 * got and every log line the gateway wrote is scanned for the caller's token and the upstream host.
 */
import type { Fault } from '../../src/dev/simulator/simulator';
import { CONTACT, EXECUTION_PATHS, startStack, UPDATE_CONTACT } from './harness';

it.each(EXECUTION_PATHS)(
  'no response and no log line carries the token or the upstream host (%s)',
  async (_path, fastPathOff) => {
    const stack = await startStack({ env: { UPSTREAM_TIMEOUT_MS: '300' }, fastPathOff });
    const token = 'pit-3f1c9a7e-SECRET-TOKEN-d41d8cd98f00';
    stack.sim.addToken(token, stack.seed.locationId);
    const upstreamHost = new URL(stack.sim.baseUrl).host;
    const id = stack.seed.contactIds[0];
    const operations: [string, Record<string, unknown>][] = [
      [UPDATE_CONTACT, { id, input: { city: 'X', email: null } }],
      [CONTACT, { id }],
      [
        'mutation($id: ID!) { addContactTags(id: $id, tags: ["a"]) { __typename ... on DisplayableError { message } } }',
        { id },
      ],
      [
        'mutation($id: ID!) { removeContactTags(id: $id, tags: ["a"]) { __typename ... on DisplayableError { message } } }',
        { id },
      ],
      [
        'query($id: ID!) { contact(id: $id) { ... on Contact { assignedUser { name } } } }',
        { id: stack.seed.contactIds[1] },
      ],
      [
        '{ _entities(representations: [{ __typename: "Contact", id: "ocQHyuzHvysMo5N5VsXc" }]) { ... on Contact { id } } }',
        {},
      ],
    ];
    const faults: (Fault | undefined)[] = [
      undefined,
      { kind: 'status', status: 500, body: `upstream trace at ${stack.sim.baseUrl}/contacts Bearer ${token}` },
      { kind: 'status', status: 400, body: { statusCode: 400, message: 'Bad Request' } },
      { kind: 'status', status: 401, body: { statusCode: 401, message: 'Invalid token: access token is invalid' } },
      { kind: 'status', status: 404, body: '<html>not found</html>' },
      { kind: 'status', status: 422, body: { statusCode: 422, message: ['email must be an email'] } },
      // An upstream that echoes the caller's Authorization value and its own URL into its messages.
      ...[400, 401, 403, 404].map((status): Fault => ({
        kind: 'status',
        status,
        body: { statusCode: status, message: `Refused Bearer ${token} at ${stack.sim.baseUrl}/contacts (${token})` },
      })),
      {
        kind: 'status',
        status: 422,
        body: { statusCode: 422, message: [`email must be an email, not ${token} (${upstreamHost})`] },
      },
      { kind: 'status', status: 302, headers: { location: `${stack.sim.baseUrl}/elsewhere` } },
      { kind: 'garbage' },
      { kind: 'reset' },
      { kind: 'stall' },
    ];
    const responses: string[] = [];
    try {
      for (const fault of faults) {
        for (const [query, variables] of operations) {
          stack.sim.reset();
          if (fault) stack.sim.injectFault(fault, 3); // GETs may retry
          const response = await stack.graphql(query, variables, { token });
          responses.push(response.text, JSON.stringify([...response.headers]));
        }
      }
      const withBadHeader = await stack.graphql(
        UPDATE_CONTACT,
        { id, input: { city: 'X' } },
        { headers: { authorization: `Basic ${token}` } },
      );
      responses.push(withBadHeader.text);

      expect(responses.length).toBeGreaterThan(100);
      expect(stack.logs.length).toBeGreaterThan(50);
      const leaks = [...responses, ...stack.logs].filter(
        (text) => text.includes(token) || text.includes('SECRET-TOKEN') || text.includes(upstreamHost),
      );
      expect(leaks).toEqual([]);
    } finally {
      await stack.stop();
    }
  },
  60_000,
);
