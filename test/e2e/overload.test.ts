/**
 * Overload: past MAX_INFLIGHT_REQUESTS a request is answered 503 at once; a write that cannot
 * plausibly finish before its request's deadline is not sent; the deadline counts from the request's
 * arrival. (The full-size loads are `npm run bench -- --only overload,stalled`.)
 */
import { startStack, UPDATE_CONTACT, type Stack } from './harness';

describe('past MAX_INFLIGHT_REQUESTS', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { latencyMs: 300 }, env: { MAX_INFLIGHT_REQUESTS: '5' } });
  });
  afterAll(() => stack.stop());

  it('a request is answered 503 with Retry-After and OVERLOADED, before anything is read or sent', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const response = await fetch(stack.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.seed.token}` },
          body: JSON.stringify({
            query: UPDATE_CONTACT,
            variables: { id: stack.seed.contactIds[0], input: { lastName: `n${n}` } },
          }),
        });
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: await response.json(),
        };
      }),
    );
    const shed = answers.filter((answer) => answer.status === 503);
    expect(shed).toHaveLength(15);
    for (const answer of shed) {
      expect(answer.retryAfter).toBe('1');
      expect(answer.body).toEqual({
        errors: [{ message: expect.any(String) as unknown, extensions: { code: 'OVERLOADED' } }],
      });
    }
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    expect(stack.sim.received).toHaveLength(5);
    const metrics = await (await fetch(new URL('/metrics', stack.gateway.url))).text();
    expect(metrics).toMatch(/^gateway_requests_shed_total 15$/m);
    expect(metrics).toMatch(/^gateway_requests_in_flight 0$/m);
    // The operational endpoints are not counted.
    expect((await fetch(new URL('/healthz', stack.gateway.url))).status).toBe(200);
  });
});

describe("a request's deadline", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      simulator: { latencyMs: 500 },
      env: { UPSTREAM_TIMEOUT_MS: '1000', UPSTREAM_CONCURRENCY: '1' },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  const TWO_UPDATES = `mutation($id: ID!) {
    first: updateContact(id: $id, input: { city: "One" }) { __typename }
    second: updateContact(id: $id, input: { city: "Two" }) { __typename ... on UpstreamError { code statusCode } }
  }`;

  it('covers all its upstream calls from its arrival: a write that could not finish in what is left is not sent', async () => {
    const started = performance.now();
    const response = await stack.graphql(TWO_UPDATES, { id: stack.seed.contactIds[0] }, { token: stack.seed.token });
    const tookMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the operation's log line is written after the answer

    // The first took 500 ms of the 1,000; HighLevel's usual 500 ms (and a margin) no longer fit.
    expect(response.json.data).toEqual({
      first: { __typename: 'UpdateContactSuccess' },
      second: { __typename: 'UpstreamError', code: 'UPSTREAM_OVERLOADED', statusCode: null },
    });
    expect(stack.sim.received.map((request) => request.method)).toEqual(['PUT']);
    expect(stack.sim.getContact(stack.seed.contactIds[0] ?? '')?.city).toBe('One');
    expect(tookMs).toBeLessThan(800);
    const line = stack.logs.map((entry) => JSON.parse(entry) as { msg: string; upstream?: unknown }).reverse();
    expect(line.find((entry) => entry.msg === 'graphql operation')?.upstream).toEqual([
      expect.objectContaining({ endpoint: 'PUT /contacts/{contactId}', status: 200, outcome: 'ok' }),
      expect.objectContaining({ endpoint: 'PUT /contacts/{contactId}', status: null, outcome: 'overloaded' }),
    ]);
  });

  it('lets a read be sent with less time left, and answers it by the deadline', async () => {
    // One call at a time (UPSTREAM_CONCURRENCY=1): the second read starts with about 500 of its 1,000 ms left.
    const [one, two] = stack.seed.contactIds;
    const started = performance.now();
    const response = await stack.graphql(
      `query($one: ID!, $two: ID!) {
        first: contact(id: $one) { __typename }
        second: contact(id: $two) { __typename ... on UpstreamError { code } }
      }`,
      { one, two },
      { token: stack.seed.token },
    );
    expect(performance.now() - started).toBeLessThan(1100);
    expect(stack.sim.received.map((request) => request.path)).toEqual([`/contacts/${one}`, `/contacts/${two}`]);
    expect(response.json.data?.first).toEqual({ __typename: 'Contact' });
    // Sent, then (500 ms of upstream latency in 500 ms left) most likely cut off by the deadline.
    expect([{ __typename: 'Contact' }, { __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT' }]).toContainEqual(
      response.json.data?.second,
    );
  });
});
