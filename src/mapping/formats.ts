/**
 * The checks the gateway makes before calling HighLevel, for what the contract makes unambiguous.
 * Anything subtler (phone numbers, postal codes) is left to HighLevel, whose 422 reaches the client.
 */

/** HighLevel ids are 20 alphanumerics; this also admits `_` and `-` and keeps any id one path segment. */
export const CONTACT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isContactId(id: string): boolean {
  return CONTACT_ID_PATTERN.test(id);
}

// The WHATWG HTML "valid email address" grammar: what browsers accept in <input type=email>.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** An absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// Zone names look like `Area/Location[/Sub]` or a bare name such as `UTC`; offsets like `+05:00` are
// not IANA zone names even where Intl accepts them.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

// Canonical names are a set lookup: building an Intl.DateTimeFormat, the runtime's own check, costs
// more than the rest of an updateContact's mapping together.
const CANONICAL_ZONES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));
// Aliases the runtime accepted. Capped: Intl also accepts any capitalisation of a name, so a caller
// could otherwise grow the set without end.
const KNOWN_ALIASES = new Set<string>();
const MAX_KNOWN_ALIASES = 1000;

/** An IANA time zone name the runtime's tz database knows, including aliases (`Asia/Calcutta`). */
export function isIanaTimeZone(value: string): boolean {
  if (CANONICAL_ZONES.has(value) || KNOWN_ALIASES.has(value)) return true;
  if (!ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  if (KNOWN_ALIASES.size < MAX_KNOWN_ALIASES) KNOWN_ALIASES.add(value);
  return true;
}
