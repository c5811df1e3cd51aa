/**
 * The gateway: Apollo Server 5 over the project's node:http integration, the schema, the upstream
 * transport and their lifecycle. `startGateway` is what main.ts, the demo and the end-to-end tests run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { NoSchemaIntrospectionCustomRule, specifiedRules, type DocumentNode } from 'graphql';
import { RequestAdmission } from './admission';
import type { Config } from './config';
import { createContext, type GatewayContext } from './context';
import { createErrorFormatter } from './errors';
import { DocumentCache } from './execution/document-cache';
import { documentBytes, persistedQueryBytes } from './execution/memory-estimate';
import { FastPath } from './execution/fast-path';
import { continueOrRefuse, createGraphqlListener, GRAPHQL_PATH } from './graphql-http';
import { entitiesLimitPlugin, limitRules } from './limits';
import { HighLevelTransport } from './highlevel/http';
import { RateBudgets } from './highlevel/rate-budget';
import type { Logger } from './logger';
import { GatewayMetrics } from './observability/metrics';
import { operationLogPlugin } from './observability/operation-log';
import { recordRootResults } from './observability/root-results';
import type { Tracing } from './observability/tracing';
import { buildGatewaySchema } from './schema';

/** Apollo Server's document store gets this share of DOCUMENT_CACHE_BYTES on top of the fast path's. */
const APOLLO_DOCUMENT_SHARE = 0.25;

export interface SandboxDefaults {
  document: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

export interface GatewayOptions {
  config: Config;
  logger: Logger;
  /** Pre-fills Apollo Sandbox's operation, variables and headers (the demo uses it). */
  sandboxDefaults?: SandboxDefaults;
  /** OpenTelemetry tracing (src/observability/tracing-setup.ts); off when absent. */
  tracing?: Tracing | undefined;
  /** `false` sends every request through Apollo Server's pipeline (the fast path's equivalence tests). */
  fastPath?: boolean;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  httpServer: Server;
  /**
   * Shuts down: /readyz answers 503 at once and every answer asks its client to close the connection,
   * while requests are still accepted and served for `delayMs` (so load balancers see the 503 and stop
   * sending); then stops taking connections, lets in-flight requests finish, and closes the upstream
   * pool.
   */
  stop(options?: { delayMs?: number }): Promise<void>;
}

export async function startGateway({
  config,
  logger,
  sandboxDefaults,
  tracing,
  fastPath = true,
}: GatewayOptions): Promise<RunningGateway> {
  const metrics = new GatewayMetrics();
  const transport = new HighLevelTransport(
    { baseUrl: config.highLevelBaseUrl, apiVersion: config.highLevelApiVersion, timeoutMs: config.upstreamTimeoutMs },
    logger,
    { budgets: new RateBudgets(config.rateLimitTrackedCallers), onCall: (call) => metrics.upstreamCallSoon(call) },
  );
  const admission = new RequestAdmission(config.maxInflightRequests);
  metrics.watchLoad({
    requestsInFlight: () => admission.inFlight,
    requestsShed: () => admission.shed,
    upstreamQueued: () => transport.queued,
  });
  const httpServer = createServer({
    requestTimeout: config.requestTimeoutMs,
    headersTimeout: config.headersTimeoutMs,
    // How often Node looks for requests past those timeouts: each is cut within this much of its limit.
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(config.headersTimeoutMs / 4))),
  });
  httpServer.keepAliveTimeout = config.keepAliveTimeoutMs;
  const schema = recordRootResults(buildGatewaySchema());
  const validationRules = limitRules(config.limits);
  const parseOptions = { maxTokens: config.limits.maxTokens };
  const formatError = createErrorFormatter(logger);
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT. Apollo's own handlers would stop the server a second time, racing
    // ours, and the process could exit before the upstream pool and the trace exporter were closed.
    stopOnTerminationSignals: false,
    persistedQueries:
      config.apqCacheBytes > 0
        ? {
            cache: new InMemoryLRUCache<string>({
              maxSize: config.apqCacheBytes,
              sizeCalculation: (query, key) => persistedQueryBytes(key, query),
            }),
          }
        : false,
    // Apollo Server's own parsed documents (for what the fast path hands it): its default store
    // counts a document's JSON, several times smaller than the heap it holds.
    documentStore: new InMemoryLRUCache<DocumentNode>({
      maxSize: Math.max(1, Math.floor(config.documentCacheBytes * APOLLO_DOCUMENT_SHARE)),
      sizeCalculation: (document, key) => key.length + documentBytes(document.loc?.source.body ?? '', document),
    }),
    allowBatchedHttpRequests: false,
    // "Did you mean ...?" would describe the schema to a caller who may not introspect it.
    hideSchemaDetailsFromClientErrors: config.production,
    validationRules,
    parseOptions,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Federated traces go to the router (and on to Studio): error messages in them are masked.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      entitiesLimitPlugin(config.limits.maxEntities),
      operationLogPlugin(metrics),
      config.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, ...sandboxDefaults }),
    ],
  });
  await apollo.start();
  let ready = true;
  let draining = false;
  // The same schema, rules, parser limits and error formatting as Apollo Server above. Apollo's
  // `introspection: false` rule refuses exactly the documents graphql-js's rule below refuses.
  const documents = new DocumentCache(
    schema,
    [...specifiedRules, ...validationRules, ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule])],
    parseOptions,
    config.documentCacheBytes,
  );

  const listener = createGraphqlListener({
    apollo,
    logger,
    routerSecret: config.routerSecret,
    maxRequestBytes: config.maxRequestBytes,
    corsOrigins: config.corsOrigins,
    isReady: () => ready,
    isDraining: () => draining,
    metrics: metrics.registry,
    admission,
    tracing,
    fastPath: fastPath
      ? new FastPath({ schema, documents, maxEntities: config.limits.maxEntities, formatError, metrics })
      : undefined,
    context: (request) =>
      createContext(
        {
          transport,
          logger,
          upstreamConcurrency: config.upstreamConcurrency,
          upstreamTimeoutMs: config.upstreamTimeoutMs,
        },
        request,
      ),
  });
  httpServer.on('request', listener);
  httpServer.on('checkContinue', continueOrRefuse(listener, config.maxRequestBytes));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${GRAPHQL_PATH}`,
    httpServer,
    async stop({ delayMs = 0 } = {}) {
      ready = false;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      draining = true;
      await apollo.stop();
      await transport.close();
      // Losing the last spans must not turn a clean shutdown into a failed one.
      await tracing?.shutdown().catch(() => logger.warn('could not export the last spans on shutdown'));
    },
  };
}
