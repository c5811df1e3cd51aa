/**
 * CORS from an allowlist of origins (CORS_ORIGINS). A preflight from an allowed origin is answered 204
 * with the headers a browser needs to send `Authorization` and `Content-Type`; one from any other
 * origin is refused with 403, and actual requests from it get no CORS headers (the browser blocks them).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** Adds the CORS headers; answers a preflight itself. Returns true when the request was answered. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS';
  res.setHeader('vary', 'Origin');
  if (origin === undefined || !allowedOrigins.has(origin)) {
    if (!preflight) return false;
    res.statusCode = 403;
    res.end();
    return true;
  }
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', 'x-request-id');
  if (!preflight) return false;
  res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
  res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
  res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
  res.statusCode = 204;
  res.end();
  return true;
}
