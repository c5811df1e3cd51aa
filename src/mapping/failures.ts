/**
 * An upstream failure -> the union member a client handles. The messages are the documented ones
 * (HighLevel's `message`, cleaned in src/highlevel/outcome.ts) or the gateway's own; never a token,
 * an upstream URL or a raw body.
 */
import type {
  BadRequestError,
  DuplicateContactError,
  ErrorCode,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UpstreamError,
  ValidationError,
} from '../__generated__/resolvers-types';
import type { UpstreamFailure } from '../highlevel/outcome';
import { inputPathFromRest, type InputIssue } from './contact-input';

type Member<T, Name extends string> = Omit<T, '__typename'> & { __typename: Name };

export type ValidationErrorMember = Member<ValidationError, 'ValidationError'>;
export type ErrorMember =
  | ValidationErrorMember
  | Member<BadRequestError, 'BadRequestError'>
  | Member<UnauthorizedError, 'UnauthorizedError'>
  | Member<ForbiddenError, 'ForbiddenError'>
  | Member<NotFoundError, 'NotFoundError'>
  | Member<RateLimitedError, 'RateLimitedError'>
  | Member<UpstreamError, 'UpstreamError'>;

/** Input the gateway refused before calling HighLevel. */
export function invalidInput(issues: InputIssue[]): ValidationErrorMember {
  return { __typename: 'ValidationError', code: 'INVALID_INPUT', message: summarize(issues), issues };
}

const UNAUTHENTICATED_CODES = {
  'missing-credentials': 'MISSING_CREDENTIALS',
  'malformed-credentials': 'MALFORMED_CREDENTIALS',
  'token-rejected': 'INVALID_TOKEN',
} as const satisfies Record<Extract<UpstreamFailure, { kind: 'unauthenticated' }>['reason'], ErrorCode>;

const UNAVAILABLE = {
  'server-error': { code: 'UPSTREAM_UNAVAILABLE', message: 'HighLevel is unavailable. Try again shortly.' },
  timeout: { code: 'UPSTREAM_TIMEOUT', message: 'HighLevel did not answer in time. Read the contact before retrying.' },
  unreachable: { code: 'UPSTREAM_UNREACHABLE', message: 'The gateway could not reach HighLevel. Try again shortly.' },
  'bad-response': { code: 'UPSTREAM_BAD_RESPONSE', message: 'HighLevel sent an answer the gateway could not use.' },
  overloaded: {
    code: 'UPSTREAM_OVERLOADED',
    message: 'HighLevel is answering too slowly for this request to finish in time, so it was not sent. Retry shortly.',
  },
} as const satisfies Record<
  Extract<UpstreamFailure, { kind: 'unavailable' }>['reason'],
  { code: ErrorCode; message: string }
>;

export function errorMember(failure: UpstreamFailure): ErrorMember {
  switch (failure.kind) {
    case 'unauthenticated':
      return { __typename: 'UnauthorizedError', code: UNAUTHENTICATED_CODES[failure.reason], message: failure.message };
    // A duplicate is only an outcome of its own for a create; anywhere else it is HighLevel's 400.
    case 'bad-request':
    case 'duplicate':
      return { __typename: 'BadRequestError', code: 'BAD_REQUEST', message: failure.message };
    case 'forbidden':
      return { __typename: 'ForbiddenError', code: 'FORBIDDEN', message: failure.message };
    case 'not-found':
      return { __typename: 'NotFoundError', code: 'NOT_FOUND', message: failure.message };
    case 'unprocessable': {
      const issues = failure.messages.map(issueFromUpstreamMessage);
      return { __typename: 'ValidationError', code: 'UNPROCESSABLE', message: summarize(issues), issues };
    }
    case 'rate-limited':
      return {
        __typename: 'RateLimitedError',
        code: 'RATE_LIMITED',
        retryAfterSeconds: failure.retryAfterSeconds,
        message:
          failure.retryAfterSeconds === null
            ? 'HighLevel rate limit reached. Retry later.'
            : `HighLevel rate limit reached. Retry in ${failure.retryAfterSeconds} s.`,
      };
    case 'unavailable':
      return { __typename: 'UpstreamError', ...UNAVAILABLE[failure.reason], statusCode: failure.statusCode };
  }
}

export type CreateFailureMember =
  | Exclude<ErrorMember, { __typename: 'NotFoundError' }>
  | Member<Omit<DuplicateContactError, 'existingContact'>, 'DuplicateContactError'>;

/**
 * The member of `CreateContactResult` for a failed create: a duplicate is a `DuplicateContactError`
 * with the existing contact's id (the contact itself is read only when selected); a "not found" (no
 * contact is named by a create, so HighLevel's answer is off the contract) is HighLevel's 400.
 */
export function createFailureMember(failure: UpstreamFailure): CreateFailureMember {
  if (failure.kind === 'duplicate') {
    return {
      __typename: 'DuplicateContactError',
      code: 'DUPLICATE_CONTACT',
      message: failure.message,
      existingContactId: failure.existingContactId,
      matchingField: failure.matchingField,
    };
  }
  const member = errorMember(failure);
  return member.__typename === 'NotFoundError'
    ? { __typename: 'BadRequestError', code: 'BAD_REQUEST', message: member.message }
    : member;
}

export type NoContactNamedFailureMember = Exclude<ErrorMember, { __typename: 'NotFoundError' }>;

/**
 * The member of `UpsertContactResult` and `ContactsResult`: neither operation names a contact, so a
 * "not found" is HighLevel's 400.
 */
export function noContactNamedFailureMember(failure: UpstreamFailure): NoContactNamedFailureMember {
  const member = errorMember(failure);
  return member.__typename === 'NotFoundError'
    ? { __typename: 'BadRequestError', code: 'BAD_REQUEST', message: member.message }
    : member;
}

/**
 * HighLevel's 422 messages are class-validator sentences that start with the property path
 * (`email must be an email`, `each value in tags must be a string`); that path names the input field.
 */
export function issueFromUpstreamMessage(message: string): InputIssue {
  const path = /^(?:each value in )?([A-Za-z_][\w.]*) /.exec(message)?.[1];
  return { field: path ? inputPathFromRest(path) : null, message };
}

function summarize(issues: InputIssue[]): string {
  const [first] = issues;
  if (!first) return 'The input was refused.';
  return issues.length === 1 ? first.message : `${first.message} (and ${issues.length - 1} more)`;
}
