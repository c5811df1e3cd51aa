/**
 * What an upstream call can come to, and the pure classification of an HTTP response into it. Nothing
 * here knows GraphQL: src/mapping/failures.ts turns a failure into its union member.
 */
import { CONTACT_ID_PATTERN } from '../mapping/formats';
import { RATE_LIMIT_HEADERS } from './types';

export type UpstreamFailure =
  | {
      kind: 'unauthenticated';
      reason: 'missing-credentials' | 'malformed-credentials' | 'token-rejected';
      message: string;
    }
  | { kind: 'bad-request'; message: string }
  /** A create matching an existing contact where the location allows no duplicates (a 400 with `meta`). */
  | { kind: 'duplicate'; message: string; existingContactId: string; matchingField: string | null }
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'unprocessable'; messages: string[] }
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  | {
      kind: 'unavailable';
      /** `overloaded`: not sent, because it could not plausibly finish before its deadline. */
      reason: 'server-error' | 'timeout' | 'unreachable' | 'bad-response' | 'overloaded';
      /** The status HighLevel answered with; null when no response arrived. */
      statusCode: number | null;
    };

export type UpstreamResult<T> = { ok: true; value: T } | { ok: false; failure: UpstreamFailure };

export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** An HTTP response as the transport read it: the whole (size-capped) body as text. */
export interface UpstreamResponse {
  status: number;
  headers: ResponseHeaders;
  text: string;
}

/** Reads a 2xx body that parsed as JSON into the shape the caller wants; undefined if it is not that. */
export type BodyReader<T> = (json: unknown) => T | undefined;

export function failed(failure: UpstreamFailure): { ok: false; failure: UpstreamFailure } {
  return { ok: false, failure };
}

const MAX_MESSAGE_LENGTH = 500;
const UNKNOWN_CONTACT = /^contact with id \S* ?not found\b/i;
const MAX_MESSAGES = 50;

/** Makes text written by HighLevel safe to show the caller (src/highlevel/upstream-text.ts). */
export type Scrub = (text: string) => string;

/**
 * Classifies a response by status, then reads its body; a body off the contract never throws. Every
 * message taken from the body passes through `scrub`.
 */
export function classifyResponse<T>(response: UpstreamResponse, read: BodyReader<T>, scrub: Scrub): UpstreamResult<T> {
  const { status } = response;
  if (status >= 200 && status < 300) {
    const value = read(parseJson(response.text));
    return value === undefined
      ? failed({ kind: 'unavailable', reason: 'bad-response', statusCode: status })
      : { ok: true, value };
  }
  switch (status) {
    case 400: {
      const message = documentedMessage(response.text, scrub);
      // HighLevel answers an id that names no contact with a 400, not a 404 ("Contact with id ... not
      // found"): for the caller it is the same as a 404.
      if (message !== undefined && UNKNOWN_CONTACT.test(message)) return failed({ kind: 'not-found', message });
      const duplicate = duplicateMeta(response.text);
      if (duplicate) {
        return failed({
          kind: 'duplicate',
          message: message ?? 'HighLevel already has this contact.',
          ...duplicate,
        });
      }
      return failed({ kind: 'bad-request', message: message ?? 'HighLevel refused the request as malformed.' });
    }
    case 401:
      return failed({
        kind: 'unauthenticated',
        reason: 'token-rejected',
        message: documentedMessage(response.text, scrub) ?? 'HighLevel rejected the access token.',
      });
    case 403:
      return failed({
        kind: 'forbidden',
        message: documentedMessage(response.text, scrub) ?? 'The token may not access this resource.',
      });
    case 404:
      return failed({
        kind: 'not-found',
        message: documentedMessage(response.text, scrub) ?? 'The resource was not found.',
      });
    case 422:
      return failed({
        kind: 'unprocessable',
        messages: documentedMessages(response.text, scrub) ?? ['HighLevel refused the input.'],
      });
    case 429:
      return failed({ kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(response.headers) });
  }
  return failed({ kind: 'unavailable', reason: status >= 500 ? 'server-error' : 'bad-response', statusCode: status });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The existing contact of a duplicate 400: `meta.contactId` (an id of the contact id pattern, since
 * it is read again upstream) and `meta.matchingField`.
 */
function duplicateMeta(text: string): { existingContactId: string; matchingField: string | null } | undefined {
  const body = parseJson(text);
  const meta = typeof body === 'object' && body !== null && 'meta' in body ? body.meta : undefined;
  if (typeof meta !== 'object' || meta === null || !('contactId' in meta)) return undefined;
  const { contactId } = meta;
  if (typeof contactId !== 'string' || !CONTACT_ID_PATTERN.test(contactId)) return undefined;
  const field = 'matchingField' in meta ? meta.matchingField : undefined;
  return {
    existingContactId: contactId,
    matchingField: typeof field === 'string' && /^[A-Za-z][\w.]{0,63}$/.test(field) ? field : null,
  };
}

function messageField(text: string): unknown {
  const body = parseJson(text);
  return typeof body === 'object' && body !== null && 'message' in body ? body.message : undefined;
}

/** The `message` of a documented error body, cleaned for display; undefined when there is none. */
function documentedMessage(text: string, scrub: Scrub): string | undefined {
  const message = messageField(text);
  if (typeof message === 'string') return cleanMessage(message, scrub);
  if (Array.isArray(message)) return documentedMessages(text, scrub)?.join('; ');
  return undefined;
}

/** The 422 body's `message` array (a lone string is taken as a list of one). */
function documentedMessages(text: string, scrub: Scrub): string[] | undefined {
  const message = messageField(text);
  const list = typeof message === 'string' ? [message] : Array.isArray(message) ? message : [];
  const cleaned = list
    .filter((item): item is string => typeof item === 'string')
    .slice(0, MAX_MESSAGES)
    .map((item) => cleanMessage(item, scrub))
    .filter((item): item is string => item !== undefined);
  return cleaned.length > 0 ? cleaned : undefined;
}

// Messages are shown to end users: no control characters, nothing credential- or location-like,
// bounded length (cut after scrubbing, so no part of a secret is left behind).
function cleanMessage(message: string, scrub: Scrub): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = scrub(message.replace(/[\u0000-\u001f\u007f]+/g, ' ')).trim();
  if (cleaned === '') return undefined;
  return cleaned.length > MAX_MESSAGE_LENGTH ? `${cleaned.slice(0, MAX_MESSAGE_LENGTH)}…` : cleaned;
}

function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

/**
 * Seconds to wait after a 429: `Retry-After` (delta-seconds or an HTTP date) when HighLevel sends it,
 * which it does not document; else the rate-limit window length; else null.
 */
export function retryAfterSeconds(headers: ResponseHeaders, now: number = Date.now()): number | null {
  const retryAfter = header(headers, 'retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Math.min(Number(retryAfter), MAX_RETRY_AFTER_SECONDS);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.min(Math.max(0, Math.ceil((at - now) / 1000)), MAX_RETRY_AFTER_SECONDS);
  }
  const intervalMs = header(headers, RATE_LIMIT_HEADERS.intervalMs)?.trim();
  if (intervalMs && /^\d+$/.test(intervalMs)) {
    return Math.min(Math.ceil(Number(intervalMs) / 1000), MAX_RETRY_AFTER_SECONDS);
  }
  return null;
}
