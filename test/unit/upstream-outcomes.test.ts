import { classifyResponse, retryAfterSeconds, type UpstreamResponse } from '../../src/highlevel/outcome';
import { createFailureMember, errorMember, issueFromUpstreamMessage } from '../../src/mapping/failures';

const readAnything = (json: unknown) => (json === undefined ? undefined : json);
// What scrubbing takes out is tested in upstream-text.test.ts.
const keepText = (text: string) => text;

function response(status: number, body: unknown, headers: Record<string, string> = {}): UpstreamResponse {
  return { status, headers, text: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** The member a client gets for an upstream answer: the whole path from status to union member. */
function memberFor(res: UpstreamResponse) {
  const result = classifyResponse(res, readAnything, keepText);
  if (result.ok) throw new Error('expected a failure');
  return errorMember(result.failure);
}

describe('every upstream status becomes its union member', () => {
  it('2xx with the documented body is a success', () => {
    expect(classifyResponse(response(200, { contact: { id: 'x' } }), readAnything, keepText)).toEqual({
      ok: true,
      value: { contact: { id: 'x' } },
    });
  });

  it('2xx with a body that is not the documented JSON is an UpstreamError', () => {
    const res = response(200, '<html>oops</html>');
    expect(classifyResponse(res, (json) => (json ? json : undefined), keepText)).toEqual({
      ok: false,
      failure: { kind: 'unavailable', reason: 'bad-response', statusCode: 200 },
    });
    expect(memberFor({ ...res, status: 200, text: 'garbage' })).toMatchObject({
      __typename: 'UpstreamError',
      code: 'UPSTREAM_BAD_RESPONSE',
      statusCode: 200,
    });
  });

  it("400 -> BadRequestError with HighLevel's message", () => {
    expect(memberFor(response(400, { statusCode: 400, message: 'Bad Request' }))).toEqual({
      __typename: 'BadRequestError',
      code: 'BAD_REQUEST',
      message: 'Bad Request',
    });
  });

  it.each(['Contact with id ocQHyuzHvysMo5N5VsXc not found', 'contact with id  not found.'])(
    '400 %p (an unknown contact id) -> NotFoundError',
    (message) => {
      expect(memberFor(response(400, { statusCode: 400, message }))).toEqual({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        message,
      });
    },
  );

  it("400 with meta.contactId (a duplicate create) -> a duplicate, a DuplicateContactError for create and HighLevel's 400 elsewhere", () => {
    const body = {
      statusCode: 400,
      message: 'This location does not allow duplicated contacts.',
      meta: { contactId: 'ocQHyuzHvysMo5N5VsXc', contactName: 'Rosan Deo', matchingField: 'email' },
    };
    const result = classifyResponse(response(400, body), readAnything, keepText);
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'duplicate',
        message: 'This location does not allow duplicated contacts.',
        existingContactId: 'ocQHyuzHvysMo5N5VsXc',
        matchingField: 'email',
      },
    });
    if (result.ok) return;
    expect(createFailureMember(result.failure)).toEqual({
      __typename: 'DuplicateContactError',
      code: 'DUPLICATE_CONTACT',
      message: 'This location does not allow duplicated contacts.',
      existingContactId: 'ocQHyuzHvysMo5N5VsXc',
      matchingField: 'email',
    });
    expect(errorMember(result.failure)).toEqual({
      __typename: 'BadRequestError',
      code: 'BAD_REQUEST',
      message: 'This location does not allow duplicated contacts.',
    });
  });

  it.each([
    ['an existing id that cannot be a contact id', { contactId: '../x' }],
    ['no existing id', { contactName: 'x' }],
  ])('400 with meta but %s -> BadRequestError', (_name, meta) => {
    expect(memberFor(response(400, { statusCode: 400, message: 'Bad Request', meta }))).toEqual({
      __typename: 'BadRequestError',
      code: 'BAD_REQUEST',
      message: 'Bad Request',
    });
  });

  it('a field HighLevel names that is not a field name is left out of a duplicate', () => {
    const result = classifyResponse(
      response(400, { message: 'dup', meta: { contactId: 'abc', matchingField: '<script>' } }),
      readAnything,
      keepText,
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: 'duplicate', matchingField: null } });
  });

  it('401 -> UnauthorizedError INVALID_TOKEN', () => {
    expect(
      memberFor(
        response(401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' }),
      ),
    ).toEqual({
      __typename: 'UnauthorizedError',
      code: 'INVALID_TOKEN',
      message: 'Invalid token: access token is invalid',
    });
  });

  it('403 -> ForbiddenError, 404 -> NotFoundError', () => {
    expect(memberFor(response(403, { statusCode: 403, message: 'No access', error: 'Forbidden' }))).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
      message: 'No access',
    });
    expect(memberFor(response(404, { statusCode: 404, message: 'Contact not found' }))).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      message: 'Contact not found',
    });
  });

  it('422 -> ValidationError UNPROCESSABLE listing every message, with the input path where known', () => {
    const member = memberFor(
      response(422, {
        statusCode: 422,
        message: [
          'email must be an email',
          'dndSettings.Call.status must be one of the following values: active',
          'Unprocessable Entity',
        ],
        error: 'Unprocessable Entity',
      }),
    );
    expect(member).toEqual({
      __typename: 'ValidationError',
      code: 'UNPROCESSABLE',
      message: 'email must be an email (and 2 more)',
      issues: [
        { field: ['input', 'email'], message: 'email must be an email' },
        {
          field: ['input', 'dndSettings', 'call', 'status'],
          message: 'dndSettings.Call.status must be one of the following values: active',
        },
        { field: null, message: 'Unprocessable Entity' },
      ],
    });
  });

  it('429 -> RateLimitedError with Retry-After, else the window length', () => {
    expect(memberFor(response(429, {}, { 'retry-after': '7' }))).toMatchObject({
      __typename: 'RateLimitedError',
      code: 'RATE_LIMITED',
      retryAfterSeconds: 7,
    });
    expect(memberFor(response(429, {}, { 'x-ratelimit-interval-milliseconds': '10000' }))).toMatchObject({
      retryAfterSeconds: 10,
    });
    expect(memberFor(response(429, 'not json'))).toMatchObject({
      __typename: 'RateLimitedError',
      retryAfterSeconds: null,
    });
  });

  it.each([500, 502, 503, 504])('%i -> UpstreamError UPSTREAM_UNAVAILABLE with the status', (status) => {
    expect(memberFor(response(status, { stack: 'at secret.js:1' }))).toEqual({
      __typename: 'UpstreamError',
      code: 'UPSTREAM_UNAVAILABLE',
      statusCode: status,
      message: 'HighLevel is unavailable. Try again shortly.',
    });
  });

  it.each([301, 302, 405, 409, 413])('undocumented %i -> UpstreamError UPSTREAM_BAD_RESPONSE', (status) => {
    expect(memberFor(response(status, ''))).toMatchObject({
      __typename: 'UpstreamError',
      code: 'UPSTREAM_BAD_RESPONSE',
      statusCode: status,
    });
  });

  it('timeouts and connection failures keep their own codes and have no status', () => {
    expect(errorMember({ kind: 'unavailable', reason: 'timeout', statusCode: null })).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      statusCode: null,
    });
    expect(errorMember({ kind: 'unavailable', reason: 'unreachable', statusCode: null })).toMatchObject({
      code: 'UPSTREAM_UNREACHABLE',
    });
  });

  it('missing and malformed credentials are told apart from a rejected token', () => {
    expect(errorMember({ kind: 'unauthenticated', reason: 'missing-credentials', message: 'm' }).code).toBe(
      'MISSING_CREDENTIALS',
    );
    expect(errorMember({ kind: 'unauthenticated', reason: 'malformed-credentials', message: 'm' }).code).toBe(
      'MALFORMED_CREDENTIALS',
    );
  });

  it("falls back to the gateway's own message when the error body is not the documented JSON", () => {
    expect(memberFor(response(404, '<html>Not Found</html>'))).toEqual({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      message: 'The resource was not found.',
    });
  });

  it('cleans upstream messages of control characters and bounds their length', () => {
    const member = memberFor(response(400, { message: `line1\r\nline2\u0000${'x'.repeat(2000)}` }));
    expect([...member.message].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
    expect(member.message.length).toBeLessThanOrEqual(501);
  });
});

describe('retryAfterSeconds', () => {
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30);
  });
  it('prefers Retry-After over the window length', () => {
    expect(retryAfterSeconds({ 'retry-after': '3', 'x-ratelimit-interval-milliseconds': '10000' })).toBe(3);
  });
  it('rounds a window up to whole seconds', () => {
    expect(retryAfterSeconds({ 'x-ratelimit-interval-milliseconds': '1500' })).toBe(2);
  });
});

describe('issueFromUpstreamMessage', () => {
  it.each([
    ['each value in tags must be a string', ['input', 'tags']],
    ['customFields.1.field_value must be a number', ['input', 'customFields', '1', 'value']],
    ['property foo should not exist', null],
    ['Something went wrong', null],
  ] as const)('%s', (message, field) => {
    expect(issueFromUpstreamMessage(message)).toEqual({ field, message });
  });
});
