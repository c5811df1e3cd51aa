/**
 * The limits of a `JSONObject` value (a custom field's `object`), in both directions. Such a value is
 * caller data the schema cannot type, so its shape is bounded here: nested at most
 * `JSON_VALUE_MAX_DEPTH` levels (deeper values overflow the stack of every JSON.stringify on the way,
 * and no HighLevel field needs them), at most `JSON_VALUE_MAX_BYTES` of JSON text as input, and only
 * numbers JSON carries exactly: finite, and whole numbers within ±(2^53 - 1). A number outside that
 * would reach HighLevel changed (`1e400` as `null`, a 30-digit integer with its last digits lost).
 *
 * The walk is iterative, so the check itself cannot overflow on the values it refuses.
 */

export const JSON_VALUE_MAX_DEPTH = 32;
export const JSON_VALUE_MAX_BYTES = 64 * 1024;

/** Why `value` cannot be passed on unchanged, or undefined when it can. */
export function jsonValueProblem(value: unknown, { maxBytes }: { maxBytes?: number } = {}): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, depth } = next;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'holds a number JSON cannot carry (out of range)';
      if (Number.isInteger(current) && !Number.isSafeInteger(current))
        return 'holds a whole number beyond ±9007199254740991, which would lose digits';
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= JSON_VALUE_MAX_DEPTH) return `is nested deeper than ${JSON_VALUE_MAX_DEPTH} levels`;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) pending.push({ value: child, depth: depth + 1 });
  }
  // Bounded in depth now, so serializing cannot overflow.
  if (maxBytes !== undefined && Buffer.byteLength(JSON.stringify(value)) > maxBytes)
    return `is larger than ${maxBytes} bytes of JSON`;
  return undefined;
}
