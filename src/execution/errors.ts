/**
 * Masking of unexpected errors. Failures a client must handle are union members (data), so anything
 * reaching `errors` is either a request the client got wrong (safe to explain) or a bug (masked: a
 * generic message plus a correlation id that also appears in the log line).
 */
import { randomUUID } from 'node:crypto';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../__generated__/resolvers-types';
import type { Logger } from '../logging/logger';

const CLIENT_ERROR_CODES: ReadonlySet<unknown> = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  // Upstream failures raised as field errors (src/resolvers/entity-result.ts): their messages are ours.
  ...Object.values(ErrorCode),
]);

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (CLIENT_ERROR_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    const correlationId = randomUUID();
    logger.error({ correlationId, path: formatted.path, error: describe(error) }, 'unexpected error; masked');
    return {
      message: `Internal server error (correlation id ${correlationId}).`,
      path: formatted.path,
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR, correlationId },
    };
  };
}

// The name and message only: no stack, and anything that looks like a credential or a URL is cut out.
function describe(error: unknown): { name: string; message: string } {
  const original =
    error instanceof Error && 'originalError' in error && error.originalError instanceof Error
      ? error.originalError
      : error;
  if (!(original instanceof Error)) return { name: typeof original, message: '' };
  const message = original.message
    .replace(/bearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]')
    .slice(0, 500);
  return { name: original.name, message };
}
