/**
 * The gateway: Apollo Server 5 over the project's node:http integration, the schema, the upstream
 * transport and their lifecycle. `startGateway` is what main.ts, the demo and the end-to-end tests run.
 */
import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { joinGroup } from './cluster/worker-side';
import { RequestAdmission } from './http/admission';
import { ReadPacing } from './http/read-pacing';
import type { Config } from './config';
import { createContext, type GatewayContext } from './request/context';
import { FastPath } from './execution/fast-path';
import { buildPipeline } from './execution/pipeline';
import { GraphiqlPage, type IdeDefaults } from './http/graphiql';
import { startHealthListener, type HealthListener } from './health/health-listener';
import { continueOrRefuse, createGraphqlListener, GRAPHQL_PATH } from './http/listener';
import { HighLevelTransport } from './highlevel/http';
import { RateBudgets } from './highlevel/rate-budget';
import { SharedStateConnection } from './shared-state/connection';
import { SharedRateBudgets } from './shared-state/shared-rate-budgets';
import type { Logger } from './logging/logger';
import { GatewayMetrics } from './observability/metrics';
import { OperationLog } from './observability/operation-log';
import type { Tracing } from './observability/tracing';

export type { IdeDefaults } from './http/graphiql';

/**
 * Requests read in one turn of the event loop before connections that have sent one before wait for
 * later turns (src/http/read-pacing.ts): above what the busiest ordinary turn reads, well below a burst.
 */
const READS_PER_TURN = 128;

export interface GatewayOptions {
  config: Config;
  logger: Logger;
  /** Pre-fills Apollo Sandbox's and GraphiQL's operation, variables and headers (the demo uses it). */
  ideDefaults?: IdeDefaults;
  /** OpenTelemetry tracing (src/observability/tracing-setup.ts); off when absent. */
  tracing?: Tracing | undefined;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  httpServer: Server;
  /** The health port (HEALTH_PORT), when it is on; a WORKERS primary serves it for its workers. */
  healthPort: number | undefined;
  /**
   * Shuts down: /readyz answers 503 at once and every answer asks its client to close the connection,
   * while requests are still accepted and served for `delayMs` (so load balancers see the 503 and stop
   * sending); then stops taking connections, lets in-flight requests finish, and closes the upstream
   * pool.
   */
  stop(options?: { delayMs?: number }): Promise<void>;
}

export async function startGateway({ config, logger, ideDefaults, tracing }: GatewayOptions): Promise<RunningGateway> {
  const metrics = new GatewayMetrics();
  // With REDIS_URL, callers' rate budgets and persisted queries are shared with the other replicas.
  const sharedState = config.redis && new SharedStateConnection(config.redis, logger);
  const localBudgets = new RateBudgets(config.rateLimitTrackedCallers);
  const transport = new HighLevelTransport(
    { baseUrl: config.highLevelBaseUrl, apiVersion: config.highLevelApiVersion, timeoutMs: config.upstreamTimeoutMs },
    logger,
    {
      budgets: sharedState
        ? new SharedRateBudgets(sharedState, localBudgets, { longestCallMs: config.upstreamTimeoutMs })
        : localBudgets,
      onCall: (call) => metrics.upstreamCallSoon(call),
    },
  );
  if (sharedState) metrics.watchSharedState(() => sharedState.isUp);
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
  const pacing = new ReadPacing(READS_PER_TURN);
  httpServer.on('connection', pacing.track);
  const operations = new OperationLog(metrics);
  // A worker of WORKERS > 1: /metrics answers for the whole group.
  const group = cluster.isWorker ? joinGroup(metrics.registry, config.workers) : undefined;
  const pipeline = buildPipeline({ config, logger, operations, httpServer, ideDefaults, sharedState });
  const apollo = new ApolloServer<GatewayContext>(pipeline.apollo);
  await apollo.start();
  let ready = true;
  let draining = false;

  const listener = createGraphqlListener({
    apollo,
    logger,
    routerSecret: config.routerSecret,
    maxRequestBytes: config.maxRequestBytes,
    corsOrigins: config.corsOrigins,
    isReady: () => ready,
    isDraining: () => draining,
    metrics: group?.metrics ?? metrics.registry,
    groupState: group?.state,
    admission,
    pacing,
    tracing,
    fastPath: config.fastPath ? new FastPath(pipeline, operations) : undefined,
    graphiql: config.graphiql ? new GraphiqlPage(GRAPHQL_PATH, ideDefaults) : undefined,
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
    // Connections the kernel completes before the gateway accepts them: Node's default of 511 drops
    // the SYNs of a burst of new connections past it, and each such client waits a second to retry.
    // The kernel caps it at net.core.somaxconn.
    httpServer.listen({ port: config.port, host: config.host, backlog: 4096 }, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  let health: HealthListener | undefined;
  if (config.healthPort !== undefined && !cluster.isWorker) {
    health = await startHealthListener({
      port: config.healthPort,
      host: config.host,
      stallMs: config.healthStallMs,
      onThreadError: (error) => logger.error({ error: error.name }, 'the health port thread failed'),
    }).catch(async (error: unknown) => {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      throw error;
    });
  }
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${GRAPHQL_PATH}`,
    httpServer,
    healthPort: health?.port,
    async stop({ delayMs = 0 } = {}) {
      ready = false;
      health?.shutDown();
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      draining = true;
      await apollo.stop();
      await transport.close();
      await sharedState?.close();
      await health?.close();
      // Losing the last spans must not turn a clean shutdown into a failed one.
      await tracing?.shutdown().catch(() => logger.warn('could not export the last spans on shutdown'));
    },
  };
}
