/**
 * What the simulator answers, before it is written: a status, a JSON body (or raw text) and headers.
 * The error bodies are HighLevel's documented DTOs (common-schemas.json), worded as its NestJS stack
 * words them.
 */
export interface Answer {
  status: number;
  /** JSON-encoded unless it is a string, which is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

function error(status: number, message: string | string[], name?: string): Answer {
  return {
    status,
    body: name === undefined ? { statusCode: status, message } : { statusCode: status, message, error: name },
  };
}

export const badRequest = (): Answer => error(400, 'Bad Request');
export const unsupportedVersion = (): Answer => error(400, 'Version header is missing or not supported');
export const unauthorized = (): Answer => error(401, 'Invalid token: access token is invalid', 'Unauthorized');
export const forbiddenLocation = (): Answer =>
  error(403, 'The token does not have access to this location.', 'Forbidden');
export const notFound = (what: string): Answer => error(404, `${what} not found`, 'Not Found');
/** How HighLevel answers an id that names no contact, on every contact endpoint: a 400, not a 404. */
export const unknownContact = (id: string): Answer => error(400, `Contact with id ${id} not found`, 'Bad Request');
/** NestJS's answer for a method and path no route serves; the path as received, query included. */
export const noRoute = (method: string, path: string): Answer => error(404, `Cannot ${method} ${path}`, 'Not Found');
/** The 400 of a create that would duplicate a contact where the location allows none. */
export const duplicateContact = (existing: { id: string; name?: string | null }, matchingField: string): Answer => ({
  status: 400,
  body: {
    statusCode: 400,
    message: 'This location does not allow duplicated contacts.',
    meta: { contactId: existing.id, contactName: existing.name ?? '', matchingField },
  },
});
export const payloadTooLarge = (): Answer => error(413, 'request entity too large', 'Payload Too Large');
export const unprocessable = (messages: string[]): Answer => error(422, messages, 'Unprocessable Entity');
export const tooManyRequests = (): Answer => error(429, 'Too many requests', 'Too Many Requests');
export const internalError = (): Answer => error(500, 'Internal Server Error');
