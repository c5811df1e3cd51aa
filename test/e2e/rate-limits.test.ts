import { CONTACT, startStack, UPDATE_CONTACT } from './harness';

it("once HighLevel's burst budget is spent, answers RateLimitedError without calling upstream until the window passes", async () => {
  const stack = await startStack({ simulator: { rateLimit: { max: 3, intervalMs: 1000, daily: 1000 } } });
  try {
    const update = (token: string) =>
      stack.graphql(UPDATE_CONTACT, { id: stack.seed.contactIds[0], input: { city: 'X' } }, { token });
    const typenames = async (token: string, n: number) => {
      const answers = [];
      for (let i = 0; i < n; i += 1)
        answers.push(
          (await update(token)).json.data?.updateContact as { __typename: string; retryAfterSeconds?: number },
        );
      return answers;
    };
    const first = await typenames(stack.seed.token, 5);
    expect(first.map((a) => a.__typename)).toEqual([
      'UpdateContactSuccess',
      'UpdateContactSuccess',
      'UpdateContactSuccess',
      'RateLimitedError',
      'RateLimitedError',
    ]);
    expect(first[3]?.retryAfterSeconds).toBe(1);
    expect(stack.sim.received).toHaveLength(3); // the gateway held the 4th and 5th back
    // A read is held back as well, and answered at once rather than waiting for the window.
    const started = performance.now();
    const read = await stack.graphql(CONTACT, { id: stack.seed.contactIds[0] }, { token: stack.seed.token });
    expect((read.json.data?.contact as { __typename: string }).__typename).toBe('RateLimitedError');
    expect(performance.now() - started).toBeLessThan(200);
    expect(stack.sim.received).toHaveLength(3);
    // So is a search, which HighLevel counts against the same budget.
    const search = await stack.graphql(
      'query ($l: ID!) { contacts(locationId: $l) { __typename ... on RateLimitedError { retryAfterSeconds } } }',
      { l: stack.seed.locationId },
      { token: stack.seed.token },
    );
    expect(search.json.data?.contacts).toEqual({ __typename: 'RateLimitedError', retryAfterSeconds: 1 });
    expect(stack.sim.received).toHaveLength(3);

    stack.sim.addToken('another-caller-token-01', stack.seed.locationId);
    expect((await typenames('another-caller-token-01', 1))[0]?.__typename).toBe('UpdateContactSuccess');

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await typenames(stack.seed.token, 1))[0]?.__typename).toBe('UpdateContactSuccess');
    expect(stack.sim.received).toHaveLength(5);
    expect(stack.logs.join('\n')).not.toContain(stack.seed.token);
  } finally {
    await stack.stop();
  }
});
