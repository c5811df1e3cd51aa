/**
 * Everything one GraphQL request works with, built fresh for each request: the caller's credentials,
 * the HighLevel clients holding them, and a logger tagged with the request id. Nothing here is ever
 * shared between requests: a shared client or loader would hand one caller's data to another.
 */
import { createLimit } from './concurrency';
import { parseAuthorization } from './credentials';
import { HighLevelClient } from '../highlevel/client';
import { ContactsApi } from '../highlevel/contacts';
import type { HighLevelTransport, UpstreamCall } from '../highlevel/http';
import { UsersApi } from '../highlevel/users';
import { createLoaders, type Loaders } from './loaders';
import type { Logger } from '../logging/logger';
import type { RequestSpan } from '../observability/tracing';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  contacts: ContactsApi;
  users: UsersApi;
  /** Every read of a contact or user goes through these. */
  loaders: Loaders;
  /** This request's upstream calls, for its log line. */
  upstreamCalls: UpstreamCall[];
  /** The request's span, when tracing is on. */
  trace: RequestSpan | undefined;
  /** The result member of each root field as it resolves (src/observability/root-results.ts). */
  rootResults: string[];
  /** `performance.now()` when the request arrived: its deadline and its duration count from there. */
  receivedAt: number;
}

/** What lives for the whole process: the upstream transport (a connection pool) and the root logger. */
export interface ContextDependencies {
  transport: HighLevelTransport;
  logger: Logger;
  /** Upstream calls one request may have in flight (UPSTREAM_CONCURRENCY). */
  upstreamConcurrency: number;
  /** How long after its arrival a request's upstream work must be over (UPSTREAM_TIMEOUT_MS). */
  upstreamTimeoutMs: number;
}

export interface RequestInfo {
  requestId: string;
  /** The Authorization header; every value when it was sent more than once. */
  authorization: string | readonly string[] | undefined;
  trace?: RequestSpan | undefined;
  /** `performance.now()` when the request arrived: its upstream deadline counts from there. */
  receivedAt: number;
}

export function createContext(deps: ContextDependencies, request: RequestInfo): GatewayContext {
  const logger = deps.logger.child({ requestId: request.requestId });
  const upstreamCalls: UpstreamCall[] = [];
  const client = new HighLevelClient(
    deps.transport,
    parseAuthorization(request.authorization),
    createLimit(deps.upstreamConcurrency),
    {
      onCall: (call) => upstreamCalls.push(call),
      trace: request.trace,
      logger,
      deadlineAt: request.receivedAt + deps.upstreamTimeoutMs,
    },
  );
  const contacts = new ContactsApi(client, logger);
  const users = new UsersApi(client);
  return {
    requestId: request.requestId,
    logger,
    contacts,
    users,
    loaders: createLoaders(contacts, users),
    upstreamCalls,
    trace: request.trace,
    rootResults: [],
    receivedAt: request.receivedAt,
  };
}
