import type { GatewayContext } from '../request/context';

/**
 * Converts an upstream value for a field; when HighLevel sent something outside the schema's enum or
 * scalar format, logs the field (never the value: it is customer data) and answers null instead of
 * failing the response.
 */
export function fromUpstream<T>(
  context: GatewayContext,
  field: string,
  raw: string | null | undefined,
  convert: (value: string) => T | undefined,
): T | null {
  if (raw === undefined || raw === null) return null;
  const value = convert(raw);
  if (value === undefined) {
    context.logger.warn({ field }, 'upstream value outside the schema; answered null');
    return null;
  }
  return value;
}
