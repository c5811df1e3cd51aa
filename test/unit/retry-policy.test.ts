import type { UpstreamFailure } from '../../src/highlevel/outcome';
import { isRetryable, MAX_ATTEMPTS, retryDelayMs } from '../../src/highlevel/retry-policy';

const serverError: UpstreamFailure = { kind: 'unavailable', reason: 'server-error', statusCode: 503 };
const unreachable: UpstreamFailure = { kind: 'unavailable', reason: 'unreachable', statusCode: null };
const timeout: UpstreamFailure = { kind: 'unavailable', reason: 'timeout', statusCode: null };
const rateLimited = (retryAfterSeconds: number | null): UpstreamFailure => ({
  kind: 'rate-limited',
  retryAfterSeconds,
});

describe('isRetryable', () => {
  it.each([
    ['GET', serverError, undefined, true],
    ['GET', unreachable, 'ECONNRESET', true],
    ['GET', rateLimited(1), undefined, true],
    ['GET', timeout, undefined, false],
    ['GET', { kind: 'not-found', message: 'x' } as UpstreamFailure, undefined, false],
    ['GET', { kind: 'unavailable', reason: 'bad-response', statusCode: 200 } as UpstreamFailure, undefined, false],
    ['PUT', serverError, undefined, false],
    ['PUT', rateLimited(1), undefined, false],
    ['PUT', unreachable, 'ECONNRESET', false],
    ['PUT', unreachable, 'UND_ERR_SOCKET', false],
    ['PUT', unreachable, 'ECONNREFUSED', true],
    ['POST', unreachable, 'ENOTFOUND', true],
    ['DELETE', unreachable, 'EAI_AGAIN', true],
    ['PUT', timeout, 'UND_ERR_CONNECT_TIMEOUT', true],
    ['POST (read-only)', serverError, undefined, true],
    ['POST (read-only)', rateLimited(1), undefined, true],
    ['POST (read-only)', timeout, undefined, false],
  ] as const)('%s after %j (%s) -> %s', (method, failure, errorCode, expected) => {
    const read = method === 'GET' || method === 'POST (read-only)';
    expect(isRetryable({ read, failure, errorCode })).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially with full jitter', () => {
    expect(retryDelayMs(1, serverError, 10_000, () => 1)).toBe(100);
    expect(retryDelayMs(2, serverError, 10_000, () => 1)).toBe(200);
    expect(retryDelayMs(1, serverError, 10_000, () => 0.5)).toBe(50);
    expect(retryDelayMs(1, serverError, 10_000, () => 0)).toBe(0);
  });

  it('never waits less than Retry-After', () => {
    expect(retryDelayMs(1, rateLimited(2), 10_000, () => 1)).toBe(2000);
  });

  it('gives up when the wait would not end before the deadline, or after the last attempt', () => {
    expect(retryDelayMs(1, rateLimited(2), 1500)).toBeUndefined();
    expect(retryDelayMs(1, serverError, 40, () => 0)).toBeUndefined();
    expect(retryDelayMs(MAX_ATTEMPTS, serverError, 10_000)).toBeUndefined();
  });
});
