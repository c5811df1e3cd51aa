import { startStack, UPDATE_CONTACT } from './harness';

it('on stop, finishes every in-flight request, then refuses new connections', async () => {
  const stack = await startStack({ simulator: { latencyMs: 300 } });
  try {
    const id = stack.seed.contactIds[0];
    const inFlight = Array.from({ length: 20 }, (_, n) =>
      stack.graphql(UPDATE_CONTACT, { id, input: { lastName: `n${n}` } }, { token: stack.seed.token }),
    );
    // Stop only once all 20 are waiting on the upstream: a request still on its way to the gateway
    // rides an idle keep-alive connection, which stopping closes (that is the point of stopping).
    while (stack.sim.received.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = stack.gateway.stop();
    const answers = await Promise.all(inFlight);
    await stopped;

    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(answers.map((answer) => (answer.json.data?.updateContact as { __typename: string }).__typename)).toEqual(
      Array(20).fill('UpdateContactSuccess'),
    );
    await expect(fetch(stack.gateway.url, { method: 'POST' })).rejects.toThrow();
  } finally {
    await stack.sim.stop();
  }
});
