import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../../src/config';
import { parseAuthorization } from '../../src/request/credentials';
import { isContactId } from '../../src/mapping/formats';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 4000,
      host: '0.0.0.0',
      highLevelBaseUrl: new URL('https://services.leadconnectorhq.com'),
      highLevelApiVersion: '2021-04-15',
      upstreamTimeoutMs: 10_000,
      production: false,
      introspection: true,
      graphiql: true,
      logLevel: 'info',
      logFormat: 'json',
      upstreamConcurrency: 8,
      routerSecret: undefined,
      maxRequestBytes: 1024 * 1024,
      maxInflightRequests: 512,
      fastPath: true,
      healthPort: undefined,
      healthStallMs: 5000,
      shutdownDelayMs: 5000,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5000,
      rateLimitTrackedCallers: 10_000,
      corsOrigins: new Set(['https://studio.apollographql.com', 'https://sandbox.embed.apollographql.com']),
      apqCacheBytes: 8 * 1024 * 1024,
      documentCacheBytes: 32 * 1024 * 1024,
      limits: { maxDepth: 15, maxAliases: 15, maxRootFields: 10, maxDirectives: 20, maxTokens: 5000, maxEntities: 200 },
      tracing: { enabled: false, protocol: 'http/protobuf', serviceName: 'highlevel-contacts-gateway' },
      redis: undefined,
      workers: 1,
    });
  });

  it('reads WORKERS as a count from 1 to 64, or auto for the cores available', () => {
    expect(loadConfig({ WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(Math.min(64, availableParallelism()));
    for (const value of ['0', '65', 'many']) expect(() => loadConfig({ WORKERS: value })).toThrow(/WORKERS/);
  });

  describe('shared state (REDIS_URL)', () => {
    it('is off without REDIS_URL, and reads its settings with it', () => {
      expect(loadConfig({ REDIS_COMMAND_TIMEOUT_MS: '20' }).redis).toBeUndefined();
      expect(loadConfig({ REDIS_URL: 'rediss://gw:pa%40ss@redis.internal:6380/2' }).redis).toEqual({
        url: new URL('rediss://gw:pa%40ss@redis.internal:6380/2'),
        commandTimeoutMs: 50,
        keyPrefix: 'hlgw:',
        persistedQueryTtlSeconds: 86_400,
      });
      expect(
        loadConfig({
          REDIS_URL: 'redis://127.0.0.1:6379',
          REDIS_COMMAND_TIMEOUT_MS: '25',
          REDIS_KEY_PREFIX: 'prod:eu:',
          APQ_TTL_SECONDS: '3600',
        }).redis,
      ).toMatchObject({ commandTimeoutMs: 25, keyPrefix: 'prod:eu:', persistedQueryTtlSeconds: 3600 });
    });

    it.each(['http://redis:6379', 'redis://', 'not a url', 'redis://:s3cret-pw@/0'])(
      'refuses REDIS_URL=%j without echoing it',
      (value) => {
        expect(() => loadConfig({ REDIS_URL: value })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
        try {
          loadConfig({ REDIS_URL: value });
        } catch (error) {
          expect((error as Error).message).not.toContain('s3cret');
          expect((error as Error).message).not.toContain(`REDIS_URL=`);
        }
      },
    );

    it('refuses a command timeout or key prefix out of range', () => {
      expect(() => loadConfig({ REDIS_COMMAND_TIMEOUT_MS: '0' })).toThrow(/REDIS_COMMAND_TIMEOUT_MS/);
      expect(() => loadConfig({ REDIS_KEY_PREFIX: 'has space' })).toThrow(/REDIS_KEY_PREFIX/);
    });
  });

  describe('tracing (the OpenTelemetry SDK variables)', () => {
    it('is on when an OTLP endpoint is set or OTEL_TRACES_EXPORTER=otlp, and off otherwise', () => {
      expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.enabled).toBe(true);
      expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }).tracing.enabled).toBe(true);
      expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing.enabled).toBe(true);
      expect(loadConfig({ OTEL_SERVICE_NAME: 'contacts' }).tracing).toEqual({
        enabled: false,
        protocol: 'http/protobuf',
        serviceName: 'contacts',
      });
    });

    it('stays off when OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none, whatever else is set', () => {
      const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
      expect(loadConfig({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).tracing.enabled).toBe(false);
      expect(loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).tracing.enabled).toBe(false);
    });

    it('takes the traces protocol over the general one', () => {
      expect(loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).tracing.protocol).toBe('http/json');
      expect(
        loadConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' })
          .tracing.protocol,
      ).toBe('http/protobuf');
    });

    it('refuses what the SDK would silently ignore or cannot do', () => {
      for (const [name, value] of [
        ['OTEL_TRACES_EXPORTER', 'console'],
        ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc'],
        ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
        ['OTEL_TRACES_SAMPLER', 'sometimes'],
        ['OTEL_SDK_DISABLED', 'yes'],
      ] as const) {
        expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
      }
      expect(() => loadConfig({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(
        /OTEL_TRACES_SAMPLER_ARG="2": must be a number from 0 to 1/,
      );
      expect(
        loadConfig({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }),
      ).toBeTruthy();
    });
  });

  it('allows no CORS origin in production by default, and checks CORS_ORIGINS', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual(new Set());
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual(
      new Set(['https://app.example.com', 'http://localhost:5173']),
    );
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(/CORS_ORIGINS.*bare origin/);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS/);
  });

  it('turns introspection off in production unless INTROSPECTION=true', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      HIGHLEVEL_BASE_URL: 'http://127.0.0.1:4010/prefix',
      HIGHLEVEL_API_VERSION: '2021-07-28',
      UPSTREAM_TIMEOUT_MS: '2500',
      LOG_LEVEL: 'debug',
      INTROSPECTION: 'false',
      UPSTREAM_CONCURRENCY: '4',
      ROUTER_SECRET: 's3cret-router-secret',
    });
    expect(config).toMatchObject({ upstreamConcurrency: 4, routerSecret: 's3cret-router-secret' });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      highLevelApiVersion: '2021-07-28',
      upstreamTimeoutMs: 2500,
      logLevel: 'debug',
      introspection: false,
    });
    expect(config.highLevelBaseUrl.href).toBe('http://127.0.0.1:4010/prefix');
  });

  it('reports every bad variable by name, at once', () => {
    let error: unknown;
    try {
      loadConfig({
        ROUTER_SECRET: 'short',
        UPSTREAM_CONCURRENCY: '0',
        PORT: 'eighty',
        UPSTREAM_TIMEOUT_MS: '0',
        HIGHLEVEL_BASE_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
        HIGHLEVEL_API_VERSION: 'v2',
        INTROSPECTION: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain('short');
    for (const name of [
      'ROUTER_SECRET',
      'UPSTREAM_CONCURRENCY',
      'PORT',
      'UPSTREAM_TIMEOUT_MS',
      'HIGHLEVEL_BASE_URL',
      'LOG_LEVEL',
      'HIGHLEVEL_API_VERSION',
      'INTROSPECTION',
    ]) {
      expect(message).toMatch(new RegExp(`${name}[=:]`));
    }
  });

  it('reads HEALTH_PORT (off unless set) and HEALTH_STALL_MS, and refuses a health port equal to PORT', () => {
    expect(loadConfig({ HEALTH_PORT: '9000', HEALTH_STALL_MS: '2000' })).toMatchObject({
      healthPort: 9000,
      healthStallMs: 2000,
    });
    expect(loadConfig({ HEALTH_PORT: '0', PORT: '0' }).healthPort).toBe(0);
    expect(() => loadConfig({ HEALTH_PORT: '4000' })).toThrow(/HEALTH_PORT: must differ from PORT/);
    for (const env of [{ HEALTH_PORT: '70000' }, { HEALTH_PORT: 'health' }, { HEALTH_STALL_MS: '50' }])
      expect(() => loadConfig(env)).toThrow(/HEALTH_(PORT|STALL_MS)=/);
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '2000' })).toThrow(
      /HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS/,
    );
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '1000' }).headersTimeoutMs).toBe(1000);
  });

  it('refuses a base URL with credentials or a query', () => {
    expect(() => loadConfig({ HIGHLEVEL_BASE_URL: 'https://user:pw@example.com' })).toThrow(
      /must not contain credentials/,
    );
    expect(() => loadConfig({ HIGHLEVEL_BASE_URL: 'https://example.com/?a=b' })).toThrow(/query/);
  });

  it.each([
    ['HIGHLEVEL_BASE_URL', 'https://user:pw-s3cret@example.com/'],
    ['HIGHLEVEL_BASE_URL', 'https://user:pw-s3cret@ex ample.com/'],
    ['HIGHLEVEL_BASE_URL', 'user:pw-s3cret@example.com'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'ftp://collector:pw-s3cret@otel:4318'],
    ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'https://a:p@ss:pw-s3cret@otel:99999/v1/traces'],
  ])('never echoes a credential in a refused %s', (name, value) => {
    let message = '';
    try {
      loadConfig({ [name]: value, PORT: 'nope' });
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain(name);
    expect(message).toContain('PORT');
    expect(message).not.toContain('s3cret');
  });
});

describe('parseAuthorization', () => {
  it.each([
    ['Bearer abc.def-ghi_jkl~mno+p/q==', 'abc.def-ghi_jkl~mno+p/q=='],
    ['bearer pit-1234-abcd', 'pit-1234-abcd'],
    ['Bearer   spaced  ', 'spaced'],
  ])('takes the token from %j', (header, token) => {
    expect(parseAuthorization(header)).toEqual({ kind: 'bearer', token });
  });

  it.each([undefined, '', '   '])('treats %j as missing', (header) => {
    expect(parseAuthorization(header)).toEqual({ kind: 'missing' });
  });

  it.each([
    'Basic dXNlcjpwdw==',
    'Bearer',
    'Bearer ',
    'Bearer a b',
    'Bearer tok\r\nX-Injected: 1',
    'Bearer tok\u0000',
    'Token abc',
    `Bearer ${'a'.repeat(9000)}`,
  ])('treats %j as malformed', (header) => {
    expect(parseAuthorization(header)).toEqual({ kind: 'malformed' });
  });
});

describe('isContactId', () => {
  it.each(['ocQHyuzHvysMo5N5VsXc', 'a', 'A_b-9', 'x'.repeat(64)])('accepts %s', (id) =>
    expect(isContactId(id)).toBe(true),
  );
  it.each([
    '',
    '..',
    '../users/x',
    'a/b',
    'a%2Fb',
    'a?b',
    'a#b',
    'a\r\nb',
    'a\u0000',
    'x'.repeat(65),
    'ünïcode',
    'a b',
  ])('refuses %j', (id) => expect(isContactId(id)).toBe(false));
});
