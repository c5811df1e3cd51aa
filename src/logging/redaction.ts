/**
 * The safety net under every log line: values under a credential or payload key are replaced by
 * `[redacted]` wherever they sit (at any depth down to MAX_DEPTH, in objects and arrays), whatever
 * the key's case. The code never logs tokens or bodies on purpose; this catches a careless
 * `logger.info({ req })`.
 *
 * Hand-written rather than pino's `redact` option: pino 10 redacts wildcard paths (`*.token`) by
 * cloning every top-level value of every line, which would make redaction the largest allocator of
 * the request path. This walk allocates nothing for a line with nothing to redact, and copies
 * only the objects on the way to a redacted value, so the caller's objects are never changed.
 */
export const CENSOR = '[redacted]';

/** Keys whose values never reach a log line, compared in lower case. */
const REDACTED_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'router-authorization',
  'cookie',
  'set-cookie',
  'token',
  'accesstoken',
  'access_token',
  'refreshtoken',
  'refresh_token',
  'password',
  'secret',
  'body',
  'variables',
]);

// Deep enough for `{ req: { headers: { authorization } } }` inside an array of such objects; a
// bounded walk also ends on cyclic objects.
const MAX_DEPTH = 6;

/** `value` itself when nothing in it is redacted; otherwise a copy with the redacted values replaced. */
export function redact<T>(value: T): T {
  return redactWithin(value, 0) as T;
}

function redactWithin(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      const redacted = redactWithin(item, depth + 1);
      if (redacted !== item) {
        copy ??= value.slice();
        copy[i] = redacted;
      }
    }
    return copy ?? value;
  }
  // Values that serialize themselves (Date, Buffer, URL) hold no keys of ours.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const source = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  // for...in rather than Object.keys: no array per object for lines with nothing to redact.
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    const item = source[key];
    const redacted = REDACTED_KEYS.has(key.toLowerCase()) ? CENSOR : redactWithin(item, depth + 1);
    if (redacted !== item) {
      copy ??= { ...source };
      copy[key] = redacted;
    }
  }
  return copy ?? value;
}
