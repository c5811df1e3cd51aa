/**
 * The connection to Redis, where replicas share callers' rate budgets and persisted queries. Redis is
 * an optimisation, never a dependency: every command is bounded by REDIS_COMMAND_TIMEOUT_MS, and any
 * failure (refused, reset, timed out, Redis restarting) answers `undefined`, on which callers go on
 * with their local state.
 *
 * After a failure the connection is "down": commands are not even tried (a paused Redis would
 * otherwise cost every request the full timeout) until a PING, sent every PROBE_EVERY_MS, is answered.
 * Each change of state is one log line (a `warn` going down, an `info` coming back), never one per
 * request. The client (ioredis) reconnects by itself, with backoff, whatever happened.
 */
import { Redis } from 'ioredis';
import type { RedisConfig } from '../config';
import type { Logger } from '../logging/logger';

const PROBE_EVERY_MS = 500;
const MAX_RECONNECT_DELAY_MS = 1000;

export class SharedStateConnection {
  readonly redis: Redis;
  private up = false;
  /** Whether the state has been logged at least once: the first `down` is a warn, the first `up` an info. */
  private known = false;
  private readonly probe: NodeJS.Timeout;
  private probing = false;
  private closed = false;

  constructor(
    config: RedisConfig,
    private readonly logger: Logger,
  ) {
    this.redis = new Redis(config.url.toString(), {
      commandTimeout: config.commandTimeoutMs,
      connectTimeout: Math.max(1000, config.commandTimeoutMs),
      // On close, a Redis that does not answer the goodbye is cut off after this, not after ioredis's 2 s.
      disconnectTimeout: config.commandTimeoutMs,
      // While disconnected a command fails at once instead of waiting in a queue.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Commands issued in the same turn of the event loop go out in one write.
      enableAutoPipelining: true,
      retryStrategy: (attempt) => Math.min(MAX_RECONNECT_DELAY_MS, 50 * attempt),
      // Keys are this deployment's alone.
      keyPrefix: config.keyPrefix,
    });
    // Connection errors are state, not crashes: ioredis would otherwise report them as unhandled.
    this.redis.on('error', (error: Error) => this.down(error));
    this.redis.on('close', () => this.down(undefined, 'connection closed'));
    this.redis.on('ready', () => void this.check());
    this.probe = setInterval(() => void this.check(), PROBE_EVERY_MS).unref();
  }

  /** Whether shared state is in use now. */
  get isUp(): boolean {
    return this.up;
  }

  /**
   * Runs `command` when Redis is up; `undefined` when it is down or the command fails or times out (the
   * connection is then down until a probe succeeds).
   */
  async run<T>(command: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (!this.up) return undefined;
    try {
      return await command(this.redis);
    } catch (error) {
      this.down(error);
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.probe);
    this.up = false;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** While down, one PING at a time: its answer brings shared state back. */
  private async check(): Promise<void> {
    if (this.up || this.probing || this.closed || this.redis.status !== 'ready') return;
    this.probing = true;
    try {
      await this.redis.ping();
      if (!this.closed) this.setUp();
    } catch (error) {
      this.down(error);
    } finally {
      this.probing = false;
    }
  }

  private setUp(): void {
    if (this.up) return;
    this.up = true;
    this.known = true;
    this.logger.info({ sharedState: { up: true } }, 'shared state (Redis) in use');
  }

  private down(error: unknown, reason?: string): void {
    if (this.closed || (!this.up && this.known)) return;
    this.up = false;
    this.known = true;
    // The error's code or name only: a message may carry the address, never a password, but no more
    // than this is needed.
    const cause =
      reason ??
      (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message.slice(0, 80)) : 'unknown');
    this.logger.warn(
      { sharedState: { up: false, cause } },
      'shared state (Redis) unavailable: rate budgets and persisted queries are local until it is back',
    );
  }
}
