/**
 * What fails outside GraphQL's own error handling (a bug, by definition) is still a masked answer with
 * a correlation id, the same id is in the error log line, and nothing of the failure is shown.
 */
import { ApolloServer } from '@apollo/server';
import { FastPath } from '../../src/execution/fast-path';
import { startStack, type Stack } from './harness';

describe.each([
  ['the fast path', false, () => jest.spyOn(FastPath.prototype, 'execute')],
  ['Apollo Server', true, () => jest.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest')],
])('a failure outside GraphQL on %s', (_path, fastPathOff, spy) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ fastPathOff });
  });
  afterAll(() => stack.stop());
  afterEach(() => jest.restoreAllMocks());

  it('is a 500 with a correlation id that its log line carries too', async () => {
    spy().mockRejectedValue(new TypeError('secret detail at https://services.example.com/x'));
    const response = await stack.graphql('{ __typename }', {}, { headers: { 'x-request-id': 'req-500' } });

    expect(response.status).toBe(500);
    const [error] = response.json.errors ?? [];
    const correlationId = error?.extensions?.correlationId;
    expect(typeof correlationId).toBe('string');
    expect(error).toEqual({
      message: `Internal server error (correlation id ${String(correlationId)}).`,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    });
    const line = stack.logs.find((entry) => entry.includes(String(correlationId)));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? '{}')).toMatchObject({ level: 50, requestId: 'req-500', error: 'TypeError' });
    expect(stack.logs.join('\n')).not.toContain('secret detail');
  });
});
