/**
 * Environment -> validated, typed configuration. The only module that reads `process.env`; everything
 * else receives a `Config`. Every problem is reported at once, naming the variable, so a bad deploy
 * fails at start-up with a message an operator can act on. (The one exception is OpenTelemetry: its
 * SDK reads its own standard OTEL_* variables, such as exporter headers and batch sizes; the ones that
 * decide whether and how tracing runs are validated here.)
 */
import { availableParallelism } from 'node:os';
import type { OperationLimits } from './execution/limits';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface Config {
  port: number;
  host: string;
  /** HighLevel's API root, e.g. `https://services.leadconnectorhq.com` (may carry a path prefix). */
  highLevelBaseUrl: URL;
  /** Sent as the `Version` header on every upstream call. */
  highLevelApiVersion: string;
  /** Deadline for one upstream call, connection to last body byte. */
  upstreamTimeoutMs: number;
  production: boolean;
  introspection: boolean;
  /** GraphiQL at /graphiql, served from this origin alone. */
  graphiql: boolean;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** Upstream calls one GraphQL request may have in flight. */
  upstreamConcurrency: number;
  /** Whether plain JSON POSTs run on the fast path (src/execution/fast-path.ts) rather than Apollo Server's. */
  fastPath: boolean;
  /** When set, only requests carrying `Router-Authorization: <secret>` are served. */
  routerSecret: string | undefined;
  /** Callers whose HighLevel rate budget is remembered (least recently seen forgotten first). */
  rateLimitTrackedCallers: number;
  /** Origins browsers may call from. */
  corsOrigins: ReadonlySet<string>;
  /** Estimated heap bytes of automatic persisted queries kept (least recently used evicted first). */
  apqCacheBytes: number;
  /** Estimated heap bytes of parsed, validated documents and compiled queries kept (src/execution/document-cache.ts). */
  documentCacheBytes: number;
  /** Request bodies larger than this are refused with 413. */
  maxRequestBytes: number;
  /** GraphQL requests served at once; more are answered 503 before anything is read. */
  maxInflightRequests: number;
  /** /healthz and /readyz on a port of their own, served by a thread of their own; undefined: off. */
  healthPort: number | undefined;
  /** The health port's /healthz answers 503 once the main event loop has not turned for this long. */
  healthStallMs: number;
  /** After SIGTERM: how long /readyz answers 503 while requests are still served, before draining. */
  shutdownDelayMs: number;
  /** How long a client has to send one whole request (headers and body), and its headers alone. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  limits: OperationLimits;
  tracing: TracingConfig;
  /** State shared with the other replicas (src/shared-state/); undefined without REDIS_URL: alone. */
  redis: RedisConfig | undefined;
  /** Gateway processes on this host, sharing one port (src/cluster/); 1: this process serves alone. */
  workers: number;
}

/** Redis, where replicas share callers' rate budgets and persisted queries. */
export interface RedisConfig {
  /** `redis://` or `rediss://` (TLS), with optional user and password: never logged. */
  url: URL;
  /** The longest a request waits for one Redis command before going on with local state. */
  commandTimeoutMs: number;
  /** Prefixes every key, so one Redis can serve several deployments. */
  keyPrefix: string;
  /** How long a persisted query stays in Redis after it was last registered. */
  persistedQueryTtlSeconds: number;
}

/** OpenTelemetry tracing, off unless the standard OTEL_* variables ask for it. */
export interface TracingConfig {
  enabled: boolean;
  /** OTLP over HTTP, encoded as protobuf (the OTLP default) or JSON; gRPC is not offered. */
  protocol: OtlpProtocol;
  serviceName: string;
}

export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];
const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;
/** A parser answers the value, or a sentence saying what the value must be. */
type Parsed<T> = { value: T } | { problem: string };
type Parser<T> = (raw: string) => Parsed<T>;

/** Reads and validates the configuration; throws `ConfigError` listing every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: Parser<T>, { secret = false } = {}): T => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const parsed = parse(raw.trim());
    if ('problem' in parsed) {
      // A secret's value is never repeated, not even a wrong one: it may be the real secret, mistyped.
      problems.push(`${name}${secret ? '' : `=${JSON.stringify(withoutCredentials(raw))}`}: ${parsed.problem}`);
      return fallback;
    }
    return parsed.value;
  };

  const production = env.NODE_ENV?.trim() === 'production';
  const config: Config = {
    port: read('PORT', 4000, integerIn(0, 65535)),
    host: read('HOST', '0.0.0.0', matching(/^[A-Za-z0-9.:_\-[\]]+$/, 'must be a host name or IP address')),
    highLevelBaseUrl: read('HIGHLEVEL_BASE_URL', new URL('https://services.leadconnectorhq.com'), parseBaseUrl),
    highLevelApiVersion: read(
      'HIGHLEVEL_API_VERSION',
      '2021-04-15',
      matching(/^\d{4}-\d{2}-\d{2}$/, 'must be a HighLevel API version date such as 2021-04-15'),
    ),
    upstreamTimeoutMs: read('UPSTREAM_TIMEOUT_MS', 10_000, integerIn(1, 120_000)),
    production,
    introspection: read('INTROSPECTION', !production, parseBoolean),
    graphiql: read('GRAPHIQL', !production, parseBoolean),
    logLevel: read('LOG_LEVEL', 'info', oneOf(LOG_LEVELS)),
    logFormat: read('LOG_FORMAT', 'json', oneOf(LOG_FORMATS)),
    upstreamConcurrency: read('UPSTREAM_CONCURRENCY', 8, integerIn(1, 100)),
    fastPath: read('FAST_PATH', true, parseBoolean),
    routerSecret: read<string | undefined>(
      'ROUTER_SECRET',
      undefined,
      matching(/^[\x21-\x7e]{16,}$/, 'must be at least 16 printable characters without spaces'),
      { secret: true },
    ),
    corsOrigins: read('CORS_ORIGINS', new Set(production ? [] : SANDBOX_ORIGINS), parseOrigins),
    apqCacheBytes: read('APQ_CACHE_BYTES', 8 * 1024 * 1024, integerIn(0, 1024 * 1024 * 1024)),
    documentCacheBytes: read('DOCUMENT_CACHE_BYTES', 32 * 1024 * 1024, integerIn(64 * 1024, 1024 * 1024 * 1024)),
    rateLimitTrackedCallers: read('RATE_LIMIT_TRACKED_CALLERS', 10_000, integerIn(1, 10_000_000)),
    maxRequestBytes: read('MAX_REQUEST_BYTES', 1024 * 1024, integerIn(1024, 64 * 1024 * 1024)),
    maxInflightRequests: read('MAX_INFLIGHT_REQUESTS', 512, integerIn(1, 1_000_000)),
    healthPort: read<number | undefined>('HEALTH_PORT', undefined, integerIn(0, 65535)),
    healthStallMs: read('HEALTH_STALL_MS', 5000, integerIn(100, 600_000)),
    shutdownDelayMs: read('SHUTDOWN_DELAY_MS', 5000, integerIn(0, 120_000)),
    requestTimeoutMs: read('REQUEST_TIMEOUT_MS', 30_000, integerIn(100, 600_000)),
    headersTimeoutMs: read('HEADERS_TIMEOUT_MS', 10_000, integerIn(100, 600_000)),
    keepAliveTimeoutMs: read('KEEP_ALIVE_TIMEOUT_MS', 5000, integerIn(100, 600_000)),
    limits: {
      maxDepth: read('MAX_DEPTH', 15, integerIn(1, 100)),
      maxAliases: read('MAX_ALIASES', 15, integerIn(0, 1000)),
      maxRootFields: read('MAX_ROOT_FIELDS', 10, integerIn(1, 1000)),
      maxDirectives: read('MAX_DIRECTIVES', 20, integerIn(0, 1000)),
      maxTokens: read('MAX_TOKENS', 5000, integerIn(100, 1_000_000)),
      maxEntities: read('MAX_ENTITIES', 200, integerIn(1, 10_000)),
    },
    tracing: readTracing(env, read),
    redis: readRedis(env, read),
    workers: read('WORKERS', 1, parseWorkers),
  };
  if (config.headersTimeoutMs > config.requestTimeoutMs)
    problems.push(
      'HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS (the headers are part of the request)',
    );
  if (config.healthPort !== undefined && config.healthPort !== 0 && config.healthPort === config.port)
    problems.push('HEALTH_PORT: must differ from PORT (the health port is a listener of its own)');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

type Read = <T>(name: string, fallback: T, parse: Parser<T>, options?: { secret?: boolean }) => T;

/** A value as it may be echoed: the user and password of anything URL-like are masked. */
function withoutCredentials(raw: string): string {
  return raw.replace(/(\/\/|^)[^/?#\s]*@/g, '$1***@');
}

/**
 * Tracing follows the OpenTelemetry SDK's variables: on when OTEL_TRACES_EXPORTER=otlp or an OTLP
 * endpoint is set, off when OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none. The SDK would fall
 * back silently on a bad sampler or endpoint; here they stop the start instead.
 */
function readTracing(env: Env, read: Read): TracingConfig {
  const disabled = read('OTEL_SDK_DISABLED', false, parseBoolean);
  const exporter = read<'otlp' | 'none' | undefined>(
    'OTEL_TRACES_EXPORTER',
    undefined,
    oneOf(['otlp', 'none'] as const),
  );
  const endpoint = read<URL | undefined>('OTEL_EXPORTER_OTLP_ENDPOINT', undefined, parseHttpUrl);
  const tracesEndpoint = read<URL | undefined>('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', undefined, parseHttpUrl);
  const protocol = read(
    'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
    read('OTEL_EXPORTER_OTLP_PROTOCOL', 'http/protobuf', oneOf(OTLP_PROTOCOLS)),
    oneOf(OTLP_PROTOCOLS),
  );
  const sampler = read<string | undefined>('OTEL_TRACES_SAMPLER', undefined, oneOf(TRACES_SAMPLERS));
  if (sampler?.endsWith('traceidratio')) read('OTEL_TRACES_SAMPLER_ARG', 1, numberIn(0, 1));
  const serviceName = read(
    'OTEL_SERVICE_NAME',
    'highlevel-contacts-gateway',
    matching(/^\S.{0,254}$/, 'must be a name'),
  );
  const enabled =
    !disabled && (exporter === 'otlp' || (exporter === undefined && (endpoint ?? tracesEndpoint) !== undefined));
  return { enabled, protocol, serviceName };
}

function readRedis(env: Env, read: Read): RedisConfig | undefined {
  // Secret: a wrong value may still hold the real password.
  const url = read<URL | undefined>('REDIS_URL', undefined, parseRedisUrl, { secret: true });
  const commandTimeoutMs = read('REDIS_COMMAND_TIMEOUT_MS', 50, integerIn(1, 10_000));
  const keyPrefix = read(
    'REDIS_KEY_PREFIX',
    'hlgw:',
    matching(/^[A-Za-z0-9:_.-]{0,64}$/, 'must be up to 64 of A-Z a-z 0-9 : _ . -'),
  );
  const persistedQueryTtlSeconds = read('APQ_TTL_SECONDS', 86_400, integerIn(1, 30 * 86_400));
  return url && { url, commandTimeoutMs, keyPrefix, persistedQueryTtlSeconds };
}

/** A count from 1 to 64, or `auto`: one per core the process may use. */
function parseWorkers(raw: string): Parsed<number> {
  if (raw === 'auto') return { value: Math.min(64, availableParallelism()) };
  return integerIn(1, 64)(raw);
}

function parseRedisUrl(raw: string): Parsed<URL> {
  try {
    const url = new URL(raw);
    if ((url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '') return { value: url };
  } catch {
    // answered below
  }
  return { problem: 'must be a redis:// or rediss:// URL with a host' };
}

function numberIn(min: number, max: number): Parser<number> {
  return (raw) => {
    const value = Number(raw);
    return Number.isFinite(value) && value >= min && value <= max
      ? { value }
      : { problem: `must be a number from ${min} to ${max}` };
  };
}

function parseHttpUrl(raw: string): Parsed<URL> {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { value: url };
  } catch {
    // answered below
  }
  return { problem: 'must be an absolute http(s) URL' };
}

function integerIn(min: number, max: number): Parser<number> {
  return (raw) => {
    const value = Number(raw);
    return /^\d+$/.test(raw) && value >= min && value <= max
      ? { value }
      : { problem: `must be a whole number from ${min} to ${max}` };
  };
}

function matching(pattern: RegExp, problem: string): Parser<string> {
  return (raw) => (pattern.test(raw) ? { value: raw } : { problem });
}

function oneOf<T extends string>(values: readonly T[]): Parser<T> {
  return (raw) =>
    (values as readonly string[]).includes(raw)
      ? { value: raw as T }
      : { problem: `must be one of ${values.join(', ')}` };
}

/** Apollo Sandbox and Studio: allowed in development so the hosted Sandbox can call a local gateway. */
const SANDBOX_ORIGINS = ['https://studio.apollographql.com', 'https://sandbox.embed.apollographql.com'];

function parseOrigins(raw: string): Parsed<ReadonlySet<string>> {
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return { problem: `${JSON.stringify(origin)} is not an origin such as https://app.example.com` };
    }
    if (parsed.origin !== origin)
      return {
        problem: `${JSON.stringify(origin)} must be a bare origin (scheme://host[:port]), e.g. ${parsed.origin}`,
      };
  }
  return { value: new Set(origins) };
}

function parseBoolean(raw: string): Parsed<boolean> {
  if (raw === 'true' || raw === '1') return { value: true };
  if (raw === 'false' || raw === '0') return { value: false };
  return { problem: 'must be true or false' };
}

function parseBaseUrl(raw: string): Parsed<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'must use http or https' };
  if (url.username || url.password) return { problem: 'must not contain credentials' };
  if (url.search || url.hash) return { problem: 'must not contain a query or fragment' };
  return { value: url };
}
