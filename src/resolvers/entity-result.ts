import { GraphQLError } from 'graphql';
import type { UpstreamResult } from '../highlevel/outcome';
import { errorMember } from '../mapping/failures';

/**
 * For fields and entity references that have no union to carry a failure: a missing entity is null,
 * and any other failure is a field error with the union member's safe message and code (passed through
 * by src/execution/errors.ts, because every such code is an `ErrorCode`).
 */
export function entityOrNull<T>(result: UpstreamResult<T>): T | null {
  if (result.ok) return result.value;
  if (result.failure.kind === 'not-found') return null;
  const member = errorMember(result.failure);
  throw new GraphQLError(member.message, { extensions: { code: member.code } });
}
