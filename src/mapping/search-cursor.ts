/**
 * The opaque cursor of a search edge: base64url of `[1, searchAfter]`, where `1` is the format and
 * `searchAfter` is HighLevel's cursor for the contact (its sort values, then its id).
 *
 * Every replica issues and reads the same bytes, so a cursor works on any of them. It is not signed:
 * it only says where in the caller's own results to resume, and HighLevel checks the caller's token
 * on every page. It is caller input all the same, so anything but a cursor exactly as the gateway
 * issues it is refused before a call.
 */
import { readSearchAfter } from '../highlevel/search-after';
import type { RestSearchAfter } from '../highlevel/types';

const FORMAT = 1;
/** Far above any cursor issued (a few sort values and an id), far below what could cost memory. */
export const MAX_CURSOR_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(searchAfter: RestSearchAfter): string {
  return Buffer.from(JSON.stringify([FORMAT, searchAfter])).toString('base64url');
}

/** The `searchAfter` a cursor carries, or undefined when it is not one the gateway issues. */
export function decodeCursor(cursor: string): RestSearchAfter | undefined {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== FORMAT) return undefined;
  const searchAfter = readSearchAfter(decoded[1]);
  // One spelling per cursor: other encodings of the same value (padding, spaces, `1.0`) are not issued.
  return searchAfter && encodeCursor(searchAfter) === cursor ? searchAfter : undefined;
}
