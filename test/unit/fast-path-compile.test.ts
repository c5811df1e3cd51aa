import { GraphQLObjectType, GraphQLSchema, GraphQLString, specifiedRules } from 'graphql';
import { compileQuery } from 'graphql-jit';
import type { GatewayContext } from '../../src/request/context';
import { DocumentCache } from '../../src/execution/document-cache';
import { FastPath } from '../../src/execution/fast-path';
import { createLogger } from '../../src/logging/logger';
import { GatewayMetrics } from '../../src/observability/metrics';
import { OperationLog } from '../../src/observability/operation-log';

// The real compiler, watched: which run of an operation compiles it, and how often.
jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof import('graphql-jit')>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compile = jest.mocked(compileQuery);

let resolved = 0;
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: {
        type: GraphQLString,
        resolve: () => {
          resolved += 1;
          return 'world';
        },
      },
      boom: {
        type: GraphQLString,
        resolve: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      },
    },
  }),
});

function fastPath(): FastPath {
  return new FastPath(
    {
      schema,
      documents: new DocumentCache(schema, specifiedRules, {}, 1024 * 1024),
      maxEntities: 50,
      formatError: (formatted) => formatted,
      handsOver: () => false,
    },
    new OperationLog(new GatewayMetrics()),
  );
}

const logger = createLogger('silent');
const context = () =>
  ({
    requestId: 'test',
    logger,
    rootResults: [],
    upstreamCalls: [],
    trace: undefined,
  }) as unknown as GatewayContext;

/** `authorization: null` sends none. */
function run(path: FastPath, query: string, operationName?: string, authorization: string | null = 'Bearer t') {
  return path.execute(
    {
      headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
      body: { query, operationName },
      started: performance.now(),
    },
    context,
  );
}

beforeEach(() => {
  compile.mockClear();
  resolved = 0;
});

// The log line and metrics are written after the answer; let them run before the next test.
afterEach(() => new Promise((resolve) => setImmediate(resolve)));

describe('FastPath execution', () => {
  it('runs an operation on graphql-js first, compiles it on its second run, then reuses the compiled query', async () => {
    const path = fastPath();
    const answers = [];
    answers.push(await run(path, '{ hello }'));
    expect(compile).not.toHaveBeenCalled();
    answers.push(await run(path, '{ hello }'));
    expect(compile).toHaveBeenCalledTimes(1);
    answers.push(await run(path, '{ hello }'));
    expect(compile).toHaveBeenCalledTimes(1);
    // Every run executed the resolver and answered the same bytes.
    expect(resolved).toBe(3);
    for (const answer of answers) expect(answer?.body).toBe('{"data":{"hello":"world"}}\n');
  });

  it('compiles each operation of a document on its own', async () => {
    const path = fastPath();
    const document = 'query A { hello } query B { hello }';
    await run(path, document, 'A');
    await run(path, document, 'B');
    expect(compile).not.toHaveBeenCalled();
    await run(path, document, 'A');
    await run(path, document, 'B');
    expect(compile).toHaveBeenCalledTimes(2);
    expect(compile.mock.calls.map((call) => call[2])).toEqual(['A', 'B']);
  });

  it('stays on graphql-js, without trying again, when graphql-jit cannot compile an operation', async () => {
    const path = fastPath();
    compile.mockReturnValueOnce({ errors: [] });
    for (let i = 0; i < 4; i += 1) expect((await run(path, '{ hello }'))?.body).toBe('{"data":{"hello":"world"}}\n');
    expect(compile).toHaveBeenCalledTimes(1);
    expect(resolved).toBe(4);
  });

  it('formats an error thrown without extensions the same on graphql-js and on the compiled query', async () => {
    const path = fastPath();
    const bodies = [];
    for (let i = 0; i < 3; i += 1) bodies.push((await run(path, '{ boom }'))?.body);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(bodies).toEqual(
      Array(3).fill(
        '{"errors":[{"message":"Maximum call stack size exceeded","locations":[{"line":1,"column":3}],' +
          '"path":["boom"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"boom":null}}\n',
      ),
    );
  });

  it('keeps no document, and so compiles none, for requests without an Authorization header', async () => {
    const path = fastPath();
    for (let i = 0; i < 4; i += 1) {
      expect((await run(path, '{ hello }', undefined, null))?.body).toBe('{"data":{"hello":"world"}}\n');
    }
    expect(compile).not.toHaveBeenCalled();
    expect(resolved).toBe(4);
  });
});
