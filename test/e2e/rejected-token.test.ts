/**
 * A token HighLevel rejects stops the rest of its request's upstream calls: a 200-representation
 * `_entities` sends at most one round of calls (those already in flight when the first 401 came),
 * and every representation still gets its INVALID_TOKEN error.
 */
import { EXECUTION_PATHS, startStack, type Stack } from './harness';

const ENTITIES = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { id firstName } } }`;
const UPSTREAM_CONCURRENCY = 8;

describe.each(EXECUTION_PATHS)('on %s', (_path, fastPathOff) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ fastPathOff, env: { UPSTREAM_CONCURRENCY: String(UPSTREAM_CONCURRENCY) } });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  const representations = Array.from({ length: 200 }, (_, n) => ({
    __typename: 'Contact',
    id: `contact${String(n).padStart(13, '0')}`,
  }));

  it('after the first 401, the request sends nothing more with that token', async () => {
    const response = await stack.graphql(ENTITIES, { r: representations }, { token: 'revoked-token-0000000000' });

    expect(stack.sim.received.length).toBeGreaterThan(0);
    expect(stack.sim.received.length).toBeLessThanOrEqual(UPSTREAM_CONCURRENCY);
    expect(response.json.errors).toHaveLength(200);
    expect(new Set(response.json.errors?.map((error) => error.extensions?.code))).toEqual(new Set(['INVALID_TOKEN']));
    expect(response.json.data).toEqual({ _entities: Array(200).fill(null) });
  });

  it('a 403 for one contact does not stop the others', async () => {
    const mixed = [
      { __typename: 'Contact', id: stack.seed.otherLocationContactId },
      ...stack.seed.contactIds.map((id) => ({ __typename: 'Contact', id })),
    ];
    const response = await stack.graphql(ENTITIES, { r: mixed }, { token: stack.seed.token });
    expect(response.json.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((response.json.data?._entities as unknown[]).filter((entity) => entity !== null)).toHaveLength(
      stack.seed.contactIds.length,
    );
    expect(stack.sim.received).toHaveLength(mixed.length);
  });
});
