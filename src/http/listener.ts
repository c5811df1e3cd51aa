/**
 * The HTTP integration: plain `node:http` in front of Apollo Server's `executeHTTPGraphQLRequest`.
 * Owning it (rather than the standalone server) lets the gateway set its own body limit and keep the
 * request path short.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { MetricsSource } from '../cluster/worker-side';
import type { GatewayContext, RequestInfo } from '../request/context';
import type { FastPath } from '../execution/fast-path';
import type { RequestAdmission } from './admission';
import { AnswerWrites } from './answer-writes';
import { applyCors } from './cors';
import { GRAPHIQL_PATH, type GraphiqlPage } from './graphiql';
import { LoopSlices } from './loop-slices';
import type { ReadPacing } from './read-pacing';
import { readBody } from './body';
import type { Logger } from '../logging/logger';
import type { RequestSpan, Tracing } from '../observability/tracing';

export const GRAPHQL_PATH = '/graphql';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Of each turn of the event loop, the time starting GraphQL requests may take (src/http/loop-slices.ts). */
const SLICE_MS = 2;
/** And the time answering requests shed past MAX_INFLIGHT_REQUESTS may take. */
const REFUSAL_SLICE_MS = 1;

export interface GraphqlHttpOptions {
  apollo: ApolloServer<GatewayContext>;
  /** When set, a request must carry `Router-Authorization: <secret>` to be served. */
  routerSecret: string | undefined;
  /** Larger bodies are refused with 413 before they are buffered. */
  maxRequestBytes: number;
  /** Origins a browser may call from (CORS). */
  corsOrigins: ReadonlySet<string>;
  /** False once shutdown has begun: /readyz answers 503 so load balancers stop sending. */
  isReady: () => boolean;
  /** True once the server stops taking connections (after the shutdown delay): Apollo Server answers. */
  isDraining: () => boolean;
  /** Served at /metrics in the Prometheus text format: this process's, or its worker group's. */
  metrics: MetricsSource;
  /** With WORKERS > 1: the group's `running/configured`, sent with /healthz and /readyz. */
  groupState?: () => string;
  /** The bound on GraphQL requests served at once (MAX_INFLIGHT_REQUESTS). */
  admission: RequestAdmission;
  /** The bound on requests read in one turn of the event loop (src/http/read-pacing.ts). */
  pacing: ReadPacing;
  context: (request: RequestInfo) => GatewayContext;
  logger: Logger;
  /** Set when OpenTelemetry tracing is on. */
  tracing: Tracing | undefined;
  /** Executes plain JSON POSTs without Apollo Server's pipeline (src/execution/fast-path.ts). */
  fastPath: FastPath | undefined;
  /** GraphiQL at /graphiql, when GRAPHIQL is on. */
  graphiql: GraphiqlPage | undefined;
}

export function createGraphqlListener({
  apollo,
  context,
  logger,
  routerSecret,
  maxRequestBytes,
  corsOrigins,
  isReady,
  isDraining,
  metrics,
  groupState,
  admission,
  pacing,
  tracing,
  fastPath,
  graphiql,
}: GraphqlHttpOptions): RequestListener {
  const isFromRouter = routerSecret === undefined ? () => true : routerCheck(routerSecret);

  // The one answer for what failed outside GraphQL's own error handling: masked, with a correlation id
  // that the log line carries too.
  const failed = (res: ServerResponse, error: unknown) => {
    const correlationId = randomUUID();
    const requestId = res.getHeader('x-request-id');
    logger.error(
      { requestId, correlationId, error: error instanceof Error ? error.name : 'unknown' },
      'request failed outside GraphQL',
    );
    if (res.headersSent) return void res.destroy();
    res.statusCode = 500;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({
        errors: [
          {
            message: `Internal server error (correlation id ${correlationId}).`,
            extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
          },
        ],
      }),
    );
  };
  const answers = new AnswerWrites(failed);
  const slices = new LoopSlices(SLICE_MS);
  const refusals = new LoopSlices(REFUSAL_SLICE_MS);

  return (req, res) => {
    handle(req, res).catch((error: unknown) => failed(res, error));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    pacing.read(req.socket);
    const url = requestTarget(req.url);
    // Shutting down: clients open their next request on a new connection, which the load balancer
    // sends elsewhere once it has seen /readyz answer 503.
    if (!isReady()) res.setHeader('connection', 'close');
    // Operational endpoints: no auth, no body, nothing about callers.
    if (groupState && (url.pathname === '/healthz' || url.pathname === '/readyz'))
      res.setHeader('x-gateway-workers', groupState());
    if (url.pathname === '/healthz') return sendStatus(res, 200, 'alive');
    if (url.pathname === '/readyz')
      return isReady() ? sendStatus(res, 200, 'ready') : sendStatus(res, 503, 'shutting down');
    if (url.pathname === '/metrics') {
      // A scrape sees every operation answered before it (the metrics' collect hooks log and count it).
      res.setHeader('content-type', metrics.contentType);
      res.end(await metrics.metrics());
      return;
    }
    if (graphiql && (url.pathname === GRAPHIQL_PATH || url.pathname.startsWith(`${GRAPHIQL_PATH}/`)))
      return graphiql.serve(req, res, url.pathname);
    if (url.pathname !== GRAPHQL_PATH) return sendJson(res, 404, `Not found. GraphQL is served at ${GRAPHQL_PATH}.`);
    if (applyCors(req, res, corsOrigins)) return;
    // Shed answers take their turns too: a burst's thousand 503s are a thousand socket writes.
    if (!admission.enter()) return refusals.run(async () => shed(res));
    res.once('close', admission.leave);

    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const span = tracing?.startRequest(method, req.headers);
    try {
      await serveGraphql(req, res, url.search, method, span, started);
    } finally {
      // A queued answer ends the span once written. Otherwise, not sent yet means it failed outside
      // GraphQL: the caller gets a 500.
      if (!answers.isPending(res)) span?.end(res.headersSent ? res.statusCode : 500);
    }
  }

  async function serveGraphql(
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    method: string,
    span: RequestSpan | undefined,
    started: number,
  ): Promise<void> {
    const incomingId = req.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    res.setHeader('x-request-id', requestId);
    if (!isFromRouter(onlyValue(req, 'router-authorization'))) {
      logger.warn({ requestId }, 'refused a request without the router secret');
      return sendJson(res, 401, 'This subgraph only serves its router.');
    }

    const text = await readBody(req, maxRequestBytes);
    if (text === null) return refuseTooLarge(res, maxRequestBytes);
    // Parsing and execution take their turn (src/http/loop-slices.ts).
    return slices.run(() => executeGraphql(req, res, { text, search, method, span, started, requestId }));
  }

  async function executeGraphql(
    req: IncomingMessage,
    res: ServerResponse,
    {
      text,
      search,
      method,
      span,
      started,
      requestId,
    }: {
      text: string;
      search: string;
      method: string;
      span: RequestSpan | undefined;
      started: number;
      requestId: string;
    },
  ): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    const isJson = method === 'POST' && /^application\/(?:graphql-response\+)?json\b/i.test(contentType);
    let body: unknown = text;
    if (isJson) {
      try {
        body = JSON.parse(text);
      } catch {
        return sendJson(res, 400, 'The request body is not valid JSON.');
      }
    }
    const contextFor = () =>
      context({ requestId, authorization: onlyValue(req, 'authorization'), trace: span, receivedAt: started });

    // While draining, everything goes through Apollo Server, which knows it is stopping.
    if (isJson && fastPath && !isDraining()) {
      const answer = await fastPath.execute({ headers: req.headers, body, started }, contextFor);
      if (answer) {
        answers.write(res, answer.status, answer.headers, answer.body, span && ((status) => span.end(status)));
        return;
      }
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search, body },
      context: async () => contextFor(),
    });
    await send(res, response);
  }
}

/**
 * For a request sent with `Expect: 100-continue`: a declared body over the limit is refused before the
 * client sends it; anything else is told to continue and served.
 */
export function continueOrRefuse(listener: RequestListener, maxRequestBytes: number): RequestListener {
  return (req, res) => {
    if (Number(req.headers['content-length']) > maxRequestBytes) return refuseTooLarge(res, maxRequestBytes);
    res.writeContinue();
    listener(req, res);
  };
}

/** 413, and the connection closed after it: the rest of the body, if any, was read and discarded. */
function refuseTooLarge(res: ServerResponse, maxRequestBytes: number): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, `The request body is larger than ${maxRequestBytes} bytes.`);
}

interface RequestTarget {
  pathname: string;
  search: string;
}

const PLAIN_GRAPHQL_TARGET: RequestTarget = { pathname: GRAPHQL_PATH, search: '' };

/** The target's path and query string; the one nearly every request has needs no URL parser. */
function requestTarget(target: string | undefined): RequestTarget {
  if (target === GRAPHQL_PATH) return PLAIN_GRAPHQL_TARGET;
  const { pathname, search } = new URL(target ?? '/', 'http://gateway.invalid');
  return { pathname, search };
}

/**
 * A credential header's value, or all its values when it was sent more than once: Node keeps only the
 * first of a repeated Authorization header, and forwarding one of two tokens would be a guess.
 */
function onlyValue(req: IncomingMessage, name: string): string | string[] | undefined {
  const value = req.headers[name];
  if (value === undefined) return undefined;
  let count = 0;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.length === name.length && raw[i]?.toLowerCase() === name) count += 1;
  }
  return count > 1 ? (req.headersDistinct[name] ?? []) : value;
}

/** Compares in constant time; hashing first makes the lengths equal without revealing the secret's. */
function routerCheck(secret: string): (header: string | readonly string[] | undefined) => boolean {
  const expected = createHash('sha256').update(secret).digest();
  return (header) =>
    typeof header === 'string' && timingSafeEqual(createHash('sha256').update(header).digest(), expected);
}

async function send(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The answer past MAX_INFLIGHT_REQUESTS: nothing of the request was read. */
function shed(res: ServerResponse): void {
  res.writeHead(503, SHED_HEADERS).end(SHED_BODY);
}

// Written in bursts, so made once.
const SHED_BODY = Buffer.from(
  JSON.stringify({
    errors: [
      {
        message: 'The gateway is serving as many requests as it can. Retry in a second.',
        extensions: { code: 'OVERLOADED' },
      },
    ],
  }),
);
const SHED_HEADERS = [
  'retry-after',
  '1',
  'content-type',
  'application/json; charset=utf-8',
  'content-length',
  String(SHED_BODY.length),
];

function sendStatus(res: ServerResponse, status: number, state: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ status: state }));
}

function sendJson(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message }] }));
}
