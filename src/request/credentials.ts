/**
 * The caller's credentials, taken from the GraphQL request's `Authorization` header. The gateway holds
 * no credentials of its own: the caller's token is forwarded to HighLevel unchanged and kept only for
 * the length of the request.
 */
export type Credentials =
  | { kind: 'bearer'; token: string }
  /** No `Authorization` header at all. */
  | { kind: 'missing' }
  /** A header that is not `Bearer <token>`, or a token with characters a token cannot have. */
  | { kind: 'malformed' };

// RFC 6750 b64token: HighLevel's OAuth JWTs and `pit-...` private integration tokens both fit. Anything
// else (spaces, control characters, a second token) is refused rather than forwarded.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const MAX_HEADER_LENGTH = 8192;

/** @param header The header's value, or every value of a header sent more than once (always refused). */
export function parseAuthorization(header: string | readonly string[] | undefined): Credentials {
  if (typeof header !== 'string') return header === undefined ? { kind: 'missing' } : { kind: 'malformed' };
  if (header.trim() === '') return { kind: 'missing' };
  if (header.length > MAX_HEADER_LENGTH) return { kind: 'malformed' };
  const match = BEARER.exec(header);
  return match?.[1] ? { kind: 'bearer', token: match[1] } : { kind: 'malformed' };
}
