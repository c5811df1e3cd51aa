/**
 * Text HighLevel wrote (an error body's `message`) is shown to callers, so anything in it that could
 * be a credential or say where the upstream lives is cut out first: the caller's own token wherever it
 * appears, anything after `Bearer`, JWTs, other long token-like strings, URLs, `host:port`, IP
 * addresses and the upstream's host name. What is left (`email must be an email`) stays as written.
 */

export interface UpstreamTextSecrets {
  /** The caller's token, as sent. */
  token: string;
  /** The upstream's host name, e.g. `services.leadconnectorhq.com`. */
  host: string;
}

const REDACTED = '[redacted]';

const PATTERNS: readonly [RegExp, string][] = [
  [/\bbearer\s+\S+/gi, `Bearer ${REDACTED}`],
  // A JWT: three base64url parts, the first a JSON header (`{"` is `eyJ`).
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, REDACTED],
  [/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, '[url]'],
  // host:port and bare IP addresses (v4, and v6 in brackets).
  [/(?:\[[0-9a-f:.]+\]|\b(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)):\d{1,5}\b/gi, '[host]'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, '[host]'],
  // Long runs of token characters: private integration tokens, API keys, session ids.
  [/[A-Za-z0-9+/_~.=-]{40,}/g, REDACTED],
];

export function scrubUpstreamText(text: string, { token, host }: UpstreamTextSecrets): string {
  let scrubbed = text;
  for (const secret of new Set([token, encodeURIComponent(token)])) {
    if (secret !== '') scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  if (host !== '') scrubbed = scrubbed.replace(new RegExp(host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[host]');
  return scrubbed;
}
