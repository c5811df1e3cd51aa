/**
 * What both execution paths share, built once: the schema, the validation rules, the parser limits,
 * the error formatting, the caches, and Apollo Server's plugins, each with its declared meaning for
 * the fast path (src/execution/fast-path.ts), which runs without them.
 *
 * A plugin is one of:
 * - `mirrored`: the fast path does the same itself (the operation log line, the `_entities` limit,
 *   the Cache-Control header);
 * - `irrelevant`: it acts on nothing a JSON POST of a valid operation goes through (shutdown, the
 *   landing page, validation messages, the reporting that is kept off);
 * - `hands-over`: the requests it acts on are handed to Apollo Server (`when`), so it sees them all.
 *
 * test/unit/pipeline.test.ts starts Apollo Server with these options and fails if it holds a plugin
 * that is not declared here, the ones it installs by itself included: a plugin added without a
 * disposition would otherwise miss every request the fast path answers.
 */
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import {
  specifiedRules,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { Config } from '../config';
import type { GatewayContext } from '../request/context';
import { createErrorFormatter } from './errors';
import { entitiesLimitPlugin, limitRules, variableNestingPlugin } from './limits';
import type { Logger } from '../logging/logger';
import { operationLogPlugin, type OperationLog } from '../observability/operation-log';
import { recordRootResults } from '../observability/root-results';
import { buildCompileSchema, buildGatewaySchema } from '../schema';
import type { SharedStateConnection } from '../shared-state/connection';
import { SharedPersistedQueries } from '../shared-state/shared-persisted-queries';
import type { IdeDefaults } from '../http/graphiql';
import { DocumentCache } from './document-cache';
import { noIntrospection } from './introspection-rule';
import { sandboxLandingPage } from './landing-page';
import { documentBytes, persistedQueryBytes } from './memory-estimate';

/** Apollo Server's document store gets this share of DOCUMENT_CACHE_BYTES on top of the fast path's. */
const APOLLO_DOCUMENT_SHARE = 0.25;

export type FastPathDisposition =
  | { kind: 'mirrored'; why: string }
  | { kind: 'irrelevant'; why: string }
  | { kind: 'hands-over'; why: string; when: (headers: IncomingHttpHeaders) => boolean };

export interface DeclaredPlugin {
  plugin: ApolloServerPlugin<GatewayContext>;
  fastPath: FastPathDisposition;
}

export interface GraphqlPipeline {
  schema: GraphQLSchema;
  /** Every rule Apollo Server validates with, and so every rule a document the fast path runs passes. */
  rules: readonly ValidationRule[];
  parseOptions: ParseOptions;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  plugins: readonly DeclaredPlugin[];
  /** The fast path's parsed documents and compiled queries. */
  documents: DocumentCache;
  maxEntities: number;
  /** Whether a plugin takes this request from the fast path. */
  handsOver(headers: IncomingHttpHeaders): boolean;
  /** Apollo Server's options: the same schema, rules, limits, formatting and (declared) plugins. */
  apollo: ApolloServerOptions<GatewayContext>;
}

export interface PipelineDependencies {
  config: Config;
  logger: Logger;
  /** Where both paths log and count their operations. */
  operations: OperationLog;
  /** The server Apollo Server drains on stop. */
  httpServer: Server;
  /** Pre-fills the IDEs' operation, variables and headers (the demo uses it). */
  ideDefaults?: IdeDefaults;
  /** Redis, when REDIS_URL is set: persisted queries are shared through it. */
  sharedState?: SharedStateConnection;
}

/** This process's bounded cache of persisted queries, with Redis behind it when there is one. */
function persistedQueries(config: Config, sharedState: SharedStateConnection | undefined): KeyValueCache<string> {
  const local = new InMemoryLRUCache<string>({
    maxSize: config.apqCacheBytes,
    sizeCalculation: (query, key) => persistedQueryBytes(key, query),
  });
  return sharedState && config.redis
    ? new SharedPersistedQueries(sharedState, local, config.redis.persistedQueryTtlSeconds)
    : local;
}

export function buildPipeline({
  config,
  logger,
  operations,
  httpServer,
  ideDefaults,
  sharedState,
}: PipelineDependencies): GraphqlPipeline {
  const schema = recordRootResults(buildGatewaySchema());
  const validationRules = limitRules(config.limits);
  const parseOptions: ParseOptions = { maxTokens: config.limits.maxTokens };
  const formatError = createErrorFormatter(logger);
  const plugins = declaredPlugins({ config, operations, httpServer, ideDefaults });
  const handsOver = plugins.flatMap(({ fastPath }) => (fastPath.kind === 'hands-over' ? [fastPath.when] : []));
  // Introspection is refused by the gateway's own rule (on both paths), not Apollo Server's option.
  const gatewayRules = [...validationRules, ...(config.introspection ? [] : [noIntrospection])];
  const rules = [...specifiedRules, ...gatewayRules];
  return {
    schema,
    rules,
    parseOptions,
    formatError,
    plugins,
    documents: new DocumentCache(schema, rules, parseOptions, config.documentCacheBytes, {
      compileSchema: buildCompileSchema(schema),
    }),
    maxEntities: config.limits.maxEntities,
    handsOver: (headers) => handsOver.some((when) => when(headers)),
    apollo: {
      schema,
      // Off is noIntrospection's job, in gatewayRules.
      introspection: true,
      includeStacktraceInErrorResponses: false,
      formatError,
      csrfPrevention: true,
      // main.ts owns SIGTERM/SIGINT. Apollo's own handlers would stop the server a second time, racing
      // ours, and the process could exit before the upstream pool and the trace exporter were closed.
      stopOnTerminationSignals: false,
      persistedQueries: config.apqCacheBytes > 0 ? { cache: persistedQueries(config, sharedState) } : false,
      // Apollo Server's own parsed documents (for what the fast path hands it): its default store
      // counts a document's JSON, several times smaller than the heap it holds.
      documentStore: new InMemoryLRUCache<DocumentNode>({
        maxSize: Math.max(1, Math.floor(config.documentCacheBytes * APOLLO_DOCUMENT_SHARE)),
        sizeCalculation: (document, key) => key.length + documentBytes(document.loc?.source.body ?? '', document),
      }),
      allowBatchedHttpRequests: false,
      // "Did you mean ...?" would describe the schema to a caller who may not introspect it.
      hideSchemaDetailsFromClientErrors: config.production,
      validationRules: gatewayRules,
      parseOptions,
      logger,
      plugins: plugins.map(({ plugin }) => plugin),
    },
  };
}

function declaredPlugins({
  config,
  operations,
  httpServer,
  ideDefaults,
}: Omit<PipelineDependencies, 'logger'>): DeclaredPlugin[] {
  const plugins: DeclaredPlugin[] = [
    {
      plugin: ApolloServerPluginDrainHttpServer({ httpServer }),
      fastPath: { kind: 'irrelevant', why: 'it acts on the server when it stops, not on requests' },
    },
    {
      // Federated traces go to the router (and on to Studio): error messages in them are masked.
      plugin: ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      fastPath: {
        kind: 'hands-over',
        why: 'the router asks for a federated trace (ftv1) with this header, and only the plugin makes one',
        when: (headers) => headers['apollo-federation-include-trace'] !== undefined,
      },
    },
    {
      plugin: entitiesLimitPlugin(config.limits.maxEntities),
      fastPath: {
        kind: 'mirrored',
        why: 'the fast path counts representations the same way and hands an operation over the limit to Apollo Server, which refuses it here',
      },
    },
    {
      plugin: variableNestingPlugin(),
      fastPath: {
        kind: 'mirrored',
        why: 'the fast path measures the same nesting and hands variables past the limit to Apollo Server, which refuses them here',
      },
    },
    {
      plugin: operationLogPlugin(operations),
      fastPath: { kind: 'mirrored', why: 'the fast path logs and counts each operation with the same functions' },
    },
    {
      // No cache hints in the schema (test/unit/pipeline.test.ts checks): every answer is uncacheable.
      plugin: ApolloServerPluginCacheControl({ defaultMaxAge: 0 }),
      fastPath: {
        kind: 'mirrored',
        why: 'without cache hints every answer is uncacheable: the fast path answers Cache-Control: no-store as this plugin does',
      },
    },
    {
      // Usage and schema reporting would see only what the fast path hands over; kept off, even with APOLLO_KEY.
      plugin: ApolloServerPluginUsageReportingDisabled(),
      fastPath: { kind: 'irrelevant', why: 'it turns usage reporting off' },
    },
    {
      plugin: ApolloServerPluginSchemaReportingDisabled(),
      fastPath: { kind: 'irrelevant', why: 'it turns schema reporting off' },
    },
    {
      plugin: config.production
        ? ApolloServerPluginLandingPageDisabled()
        : sandboxLandingPage(ideDefaults, config.graphiql),
      fastPath: { kind: 'irrelevant', why: 'it answers GET requests for HTML, never a JSON POST' },
    },
  ];
  if (config.production) {
    plugins.push({
      plugin: ApolloServerPluginDisableSuggestions(),
      fastPath: {
        kind: 'irrelevant',
        why: 'it edits validation errors, and documents with errors are always answered by Apollo Server',
      },
    });
  }
  return plugins;
}
