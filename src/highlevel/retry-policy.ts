/**
 * When an upstream call is tried again. Reads (GET, and a POST that only reads, like a search) are safe
 * to repeat: they retry on connection errors, 5xx and 429. Writes are retried only when the request provably never reached HighLevel
 * (the connection was refused, the name did not resolve, the connect timed out), because a write that
 * may have been applied must not be applied twice. Every retry fits inside the call's one deadline and
 * never comes before HighLevel's Retry-After.
 */
import type { UpstreamFailure } from './outcome';

export const MAX_ATTEMPTS = 3;
const BASE_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 1000;

/** Errors raised before a single byte of the request left this process. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export interface AttemptOutcome {
  /** Whether the call only reads: repeating it changes nothing upstream. */
  read: boolean;
  failure: UpstreamFailure;
  /** The transport error's code, when no response arrived. */
  errorCode?: string;
}

/** Whether this failed attempt may be repeated, before looking at time. */
export function isRetryable({ read, failure, errorCode }: AttemptOutcome): boolean {
  if (errorCode !== undefined && NEVER_SENT.has(errorCode)) return true;
  if (!read) return false;
  if (failure.kind === 'rate-limited') return true;
  return failure.kind === 'unavailable' && (failure.reason === 'unreachable' || failure.reason === 'server-error');
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: full-jitter exponential backoff, but never less than
 * Retry-After. Undefined when the wait would not end before the deadline.
 */
export function retryDelayMs(
  attempt: number,
  failure: UpstreamFailure,
  remainingMs: number,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= MAX_ATTEMPTS) return undefined;
  const backoff = random() * Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
  const retryAfterMs =
    failure.kind === 'rate-limited' && failure.retryAfterSeconds !== null ? failure.retryAfterSeconds * 1000 : 0;
  const delay = Math.max(backoff, retryAfterMs);
  // Leave the next attempt some time of its own: a retry that can only time out is not worth sending.
  return delay + 50 < remainingMs ? delay : undefined;
}
