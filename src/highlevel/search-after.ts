/**
 * HighLevel's `searchAfter`: a contact's sort values, then its id. The one check of its shape, for
 * what HighLevel sends and for what comes back inside a cursor: a few finite numbers and short strings.
 */
import type { RestSearchAfter } from './types';

const MAX_VALUES = 8;
const MAX_STRING_LENGTH = 256;

export function readSearchAfter(value: unknown): RestSearchAfter | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_VALUES) return undefined;
  const searchAfter: RestSearchAfter = [];
  for (const item of value) {
    if (typeof item === 'number' && Number.isFinite(item)) searchAfter.push(item);
    else if (typeof item === 'string' && item.length <= MAX_STRING_LENGTH) searchAfter.push(item);
    else return undefined;
  }
  return searchAfter;
}
