/**
 * The fast path: the request nearly every caller sends (a JSON POST of an operation that parses and
 * validates, without persisted-query or trace extensions) executed directly (graphql-js, then
 * graphql-jit's compiled query once the operation repeats), and answered byte for byte as Apollo
 * Server would answer it. Apollo Server's per-request pipeline costs more CPU than the GraphQL
 * execution and both HTTP hops together; this path removes that cost and nothing else: the same schema, validation rules, parser
 * limits, `_entities` limit, context, error masking, log line, metrics and spans.
 *
 * Anything else, or anything in doubt, is answered `undefined` before any resolver runs, and
 * Apollo Server handles it: GET, APQ, inline traces for the router, unusual Accept headers, documents
 * with errors, bad variables, subscriptions, over-limit entities. test/e2e/fast-path.test.ts sends
 * the same requests down both paths and compares the answers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  execute,
  getOperationAST,
  GraphQLError,
  type ExecutionResult,
  type GraphQLErrorExtensions,
  type GraphQLFormattedError,
} from 'graphql';
import type { GatewayContext } from '../request/context';
import { countEntityRepresentations, variableNestingProblem } from './limits';
import type { OperationLog } from '../observability/operation-log';
import type { GraphqlPipeline } from './pipeline';
import { ResponseMediaTypes } from './media-types';

export interface FastRequest {
  headers: IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: unknown;
  /** `performance.now()` when the request arrived: the operation's duration starts there. */
  started: number;
}

export interface FastResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface GraphQLRequestBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown>;
}

export class FastPath {
  private readonly mediaTypes = new ResponseMediaTypes();

  constructor(
    private readonly pipeline: Pick<
      GraphqlPipeline,
      'schema' | 'documents' | 'maxEntities' | 'formatError' | 'handsOver'
    >,
    /** The operation log line and metrics (src/observability/operation-log.ts). */
    private readonly operations: OperationLog,
  ) {}

  /**
   * Executes the request and answers it, or answers `undefined` (having run no resolver) when Apollo
   * Server should handle it.
   */
  async execute(request: FastRequest, context: () => GatewayContext): Promise<FastResponse | undefined> {
    const { headers, body } = request;
    if (!isGraphQLRequestBody(body)) return undefined;
    // What a plugin of Apollo Server's acts on is handed to it (src/execution/pipeline.ts).
    if (this.pipeline.handsOver(headers)) return undefined;
    const contentType = this.mediaTypes.choose(headers.accept);
    if (contentType === undefined) return undefined;

    // Documents of requests without credentials are not kept (src/execution/document-cache.ts).
    const entry = this.pipeline.documents.get(body.query, headers.authorization !== undefined);
    const { document } = entry;
    if (document === null) return undefined;
    const operation = getOperationAST(document, body.operationName ?? undefined);
    if (!operation || operation.operation === 'subscription') return undefined;
    const variables = body.variables ?? undefined;
    if (countEntityRepresentations(operation, variables) > this.pipeline.maxEntities) return undefined;
    if (variableNestingProblem(this.pipeline.schema, operation, variables) !== undefined) return undefined;

    const contextValue = context();
    const compiled = this.pipeline.documents.compiled(body.query, entry, operation);
    const result = compiled
      ? await compiled.query(undefined, contextValue, variables)
      : ((await execute({
          schema: this.pipeline.schema,
          document,
          operationName: body.operationName ?? undefined,
          variableValues: variables,
          contextValue,
        })) as ExecutionResult);
    // No `data` at all: the request failed before execution (variables that do not coerce). No resolver
    // ran; Apollo Server answers it with its 400.
    if (!('data' in result)) return undefined;

    // Like Apollo Server, an error's `extensions.http` sets the response status and headers.
    const head: { status: number; headers: Record<string, string> } = {
      status: 200,
      headers: { 'cache-control': 'no-store', 'content-type': contentType },
    };
    const errors = result.errors?.map((error) => this.format(error, head));
    // Apollo Server's field order and trailing newline.
    const response = `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`;
    // As Apollo Server's answers: a Content-Length, not chunked.
    head.headers['content-length'] = String(Buffer.byteLength(response));
    const completed = {
      name: operation.name?.value ?? null,
      type: operation.operation,
      durationMs: performance.now() - request.started,
      failed: errors !== undefined && errors.length > 0,
    };
    this.operations.record(contextValue, completed);
    return { status: head.status, headers: head.headers, body: response };
  }

  /** As Apollo Server formats an execution error: a default code, then the gateway's formatError. */
  private format(
    error: GraphQLError,
    head: { status: number; headers: Record<string, string> },
  ): GraphQLFormattedError {
    // graphql-jit's errors have no `extensions` at all when the thrown error had none.
    const own = (error.extensions as GraphQLErrorExtensions | undefined) ?? {};
    const extensions: Record<string, unknown> = {
      ...own,
      code: own.code ?? ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
    };
    const { http } = extensions;
    if (isPlainObject(http)) {
      if (typeof http.status === 'number') head.status = http.status;
      if (http.headers instanceof Map) {
        for (const [name, value] of http.headers as Map<string, string>) head.headers[name] = value;
      }
      delete extensions.http;
    }
    try {
      return this.pipeline.formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
    }
  }
}

function isGraphQLRequestBody(body: unknown): body is GraphQLRequestBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    (operationName === undefined || operationName === null || typeof operationName === 'string') &&
    (variables === undefined || variables === null || isPlainObject(variables)) &&
    // Persisted queries (and anything else asking Apollo Server for more) go to Apollo Server.
    (extensions === undefined || (isPlainObject(extensions) && !('persistedQuery' in extensions)))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
