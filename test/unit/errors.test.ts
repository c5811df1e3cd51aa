import { GraphQLError } from 'graphql';
import { createErrorFormatter } from '../../src/execution/errors';
import { createLogger } from '../../src/logging/logger';

function formatterWithLogs() {
  const logs: string[] = [];
  const format = createErrorFormatter(createLogger('debug', { write: (line: string) => void logs.push(line) }));
  return { format, logs };
}

describe('error masking', () => {
  it('masks an unexpected error to a generic message with a correlation id that is also logged', () => {
    const { format, logs } = formatterWithLogs();
    const original = new Error('connect ECONNREFUSED http://10.0.0.1:4010/contacts/x with Bearer secret-token-123');
    const error = new GraphQLError(original.message, { originalError: original, path: ['updateContact'] });
    const formatted = format(
      {
        message: error.message,
        path: ['updateContact'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      error,
    );

    const correlationId = formatted.extensions?.correlationId as string;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(formatted.message).toBe(`Internal server error (correlation id ${correlationId}).`);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', correlationId });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(correlationId);
    expect(logs[0]).not.toContain('secret-token-123');
    expect(logs[0]).not.toContain('10.0.0.1');
    expect(logs[0]).not.toContain('at x');
  });

  it('passes client errors through without stack traces', () => {
    const { format, logs } = formatterWithLogs();
    const formatted = format(
      {
        message: 'Cannot query field "nope" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at y'] },
      },
      new GraphQLError('x'),
    );
    expect(formatted).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      path: undefined,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(logs).toHaveLength(0);
  });
});
