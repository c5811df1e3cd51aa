import { startStack, UPDATE_CONTACT } from './harness';

it('on stop, finishes every in-flight request, then refuses new connections', async () => {
  const stack = await startStack({ simulator: { latencyMs: 300 } });
  try {
    const id = stack.seed.contactIds[0];
    const inFlight = Array.from({ length: 20 }, (_, n) =>
      stack.graphql(UPDATE_CONTACT, { id, input: { lastName: `n${n}` } }, { token: stack.seed.token }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // all 20 are waiting on the upstream now
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
