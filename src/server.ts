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
import type { Config } from './config';
import { createContext, type GatewayContext } from './context';
import { createErrorFormatter } from './errors';
import { createGraphqlListener, GRAPHQL_PATH } from './graphql-http';
import { entitiesLimitPlugin, limitRules } from './limits';
import { HighLevelTransport } from './highlevel/http';
import { RateBudgets } from './highlevel/rate-budget';
import type { Logger } from './logger';
import { GatewayMetrics } from './observability/metrics';
import { operationLogPlugin } from './observability/operation-log';
import type { Tracing } from './observability/tracing';
import { buildGatewaySchema } from './schema';

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
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  httpServer: Server;
  /** Stops taking connections, lets in-flight requests finish, then closes the upstream pool. */
  stop(): Promise<void>;
}

export async function startGateway({
  config,
  logger,
  sandboxDefaults,
  tracing,
}: GatewayOptions): Promise<RunningGateway> {
  const metrics = new GatewayMetrics();
  const transport = new HighLevelTransport(
    { baseUrl: config.highLevelBaseUrl, apiVersion: config.highLevelApiVersion, timeoutMs: config.upstreamTimeoutMs },
    logger,
    { budgets: new RateBudgets(config.rateLimitTrackedCallers), onCall: (call) => metrics.upstreamCall(call) },
  );
  const httpServer = createServer();
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildGatewaySchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT. Apollo's own handlers would stop the server a second time, racing
    // ours, and the process could exit before the upstream pool and the trace exporter were closed.
    stopOnTerminationSignals: false,
    persistedQueries:
      config.apqCacheBytes > 0
        ? {
            cache: new InMemoryLRUCache<string>({
              maxSize: config.apqCacheBytes,
              sizeCalculation: InMemoryLRUCache.sizeCalculation,
            }),
          }
        : false,
    allowBatchedHttpRequests: false,
    // "Did you mean ...?" would describe the schema to a caller who may not introspect it.
    hideSchemaDetailsFromClientErrors: config.production,
    validationRules: limitRules(config.limits),
    parseOptions: { maxTokens: config.limits.maxTokens },
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

  httpServer.on(
    'request',
    createGraphqlListener({
      apollo,
      logger,
      routerSecret: config.routerSecret,
      maxRequestBytes: config.maxRequestBytes,
      corsOrigins: config.corsOrigins,
      isReady: () => ready,
      metrics: metrics.registry,
      tracing,
      context: (request) =>
        createContext({ transport, logger, upstreamConcurrency: config.upstreamConcurrency }, request),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${GRAPHQL_PATH}`,
    httpServer,
    async stop() {
      ready = false;
      await apollo.stop();
      await transport.close();
      // Losing the last spans must not turn a clean shutdown into a failed one.
      await tracing?.shutdown().catch(() => logger.warn('could not export the last spans on shutdown'));
    },
  };
}
