import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import pino from 'pino';
import { CENSOR, redact } from '../../src/logging/redaction';
import { BatchedLines, createLogger, writeInfoLine } from '../../src/logging/logger';
import { OPERATION_MESSAGE, operationLineFields, writeLine } from '../../src/observability/operation-log';

function capture(format: 'json' | 'pretty') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('debug', sink, format), lines };
}

describe('logger', () => {
  it('writes JSON lines by default, redacting credentials and bodies wherever they sit', () => {
    const { logger, lines } = capture('json');
    logger.debug(
      {
        authorization: 'Bearer secret-1',
        req: { headers: { authorization: 'Bearer secret-2' } },
        body: { email: 'x@y.z' },
        variables: { token: 'secret-3' },
      },
      'careless',
    );
    const line = lines.join('');
    expect(JSON.parse(line)).toMatchObject({
      level: 20,
      msg: 'careless',
      authorization: '[redacted]',
      body: '[redacted]',
      variables: '[redacted]',
    });
    expect(line).not.toMatch(/secret-|x@y\.z/);
  });

  it('redacts at depth, inside arrays, in any case, and in child bindings, without touching the caller', () => {
    const { logger, lines } = capture('json');
    const upstream = [
      { endpoint: 'PUT /contacts/{contactId}', request: { headers: { Authorization: 'Bearer secret-5' } } },
    ];
    const logged = { upstream, user: { accessToken: 'secret-6', name: 'kept' } };
    logger.child({ session: { cookie: 'secret-7' } }).info(logged, 'nested');
    const line = JSON.parse(lines.join(''));
    expect(line.upstream[0]).toEqual({
      endpoint: 'PUT /contacts/{contactId}',
      request: { headers: { Authorization: CENSOR } },
    });
    expect(line.user).toEqual({ accessToken: CENSOR, name: 'kept' });
    expect(line.session).toEqual({ cookie: CENSOR });
    expect(JSON.stringify(line)).not.toMatch(/secret-/);
    // The caller's objects still hold what they held.
    expect(upstream[0]?.request.headers.Authorization).toBe('Bearer secret-5');
    expect(logged.user.accessToken).toBe('secret-6');
  });

  it('hands back the very object when there is nothing to redact, and ends on cycles', () => {
    const line = {
      operation: { name: 'UpdateContact', results: ['UpdateContactSuccess'] },
      upstream: [{ status: 200 }],
    };
    expect(redact(line)).toBe(line);
    const cyclic: Record<string, unknown> = { token: 'secret-8' };
    cyclic.self = cyclic;
    const redacted = redact(cyclic);
    expect(redacted.token).toBe(CENSOR);
    expect(cyclic.token).toBe('secret-8');
  });

  it('writes a prebuilt info line byte for byte as pino writes the same fields', () => {
    const calls = [
      { endpoint: 'PUT /contacts/{contactId}', status: 200, outcome: 'ok', attempt: 1, durationMs: 12.34 },
      { endpoint: 'GET /users/{userId}', status: null, outcome: 'timeout', attempt: 2, durationMs: 0.05 },
    ];
    const operation = {
      name: 'Update"Contact',
      type: 'mutation',
      results: ['UpdateContactSuccess'],
      durationMs: 3.4,
      errors: false,
    };
    const fields = operationLineFields('4bf92f3577b34da6a3ce929d0e0e4736', operation, calls);
    const viaPino = capture('json');
    const prebuilt = capture('json');
    // Frozen clock: both lines must carry the same time.
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 25, 8, 0, 0, 123));
    try {
      const child = (logger: ReturnType<typeof capture>['logger']) =>
        logger.child({ requestId: 'req-1' }).child({ extra: 'x' });
      child(viaPino.logger).info(
        {
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          operation,
          upstream: calls.map((call) => ({ ...call, durationMs: Math.round(call.durationMs * 10) / 10 })),
        },
        OPERATION_MESSAGE,
      );
      expect(writeInfoLine(child(prebuilt.logger), fields, OPERATION_MESSAGE)).toBe(true);
    } finally {
      now.mockRestore();
    }
    expect(prebuilt.lines.join('')).toBe(viaPino.lines.join(''));
    expect(JSON.parse(prebuilt.lines.join(''))).toMatchObject({
      level: 30,
      time: '2026-11-25T08:00:00.123Z',
      requestId: 'req-1',
      extra: 'x',
      operation: { name: 'Update"Contact', durationMs: 3.4 },
      upstream: [
        { status: 200, durationMs: 12.3 },
        { status: null, durationMs: 0.1 },
      ],
      msg: 'graphql operation',
    });
  });

  it('writes no prebuilt line below its level, and declines loggers it cannot reproduce', () => {
    const { logger, lines } = capture('json');
    logger.level = 'warn';
    expect(writeInfoLine(logger, '"a":1', 'quiet')).toBe(true);
    expect(lines).toEqual([]);
    logger.level = 'info';
    // Children with options of their own, and loggers createLogger did not make, write through pino.
    expect(writeInfoLine(logger.child({}, { msgPrefix: '[x] ' }), '"a":1', 'prefixed')).toBe(false);
    expect(writeInfoLine(logger.child({}, { serializers: { a: () => 2 } }), '"a":1', 'serialized')).toBe(false);
    expect(writeInfoLine(logger.child({}, { formatters: { log: (o) => o } }), '"a":1', 'formatted')).toBe(false);
    expect(writeInfoLine(pino({ messageKey: 'message' }, new Writable()), '"a":1', 'foreign')).toBe(false);
    expect(lines).toEqual([]);
    // A child that only sets its level is written as pino would.
    expect(writeInfoLine(logger.child({ requestId: 'r' }, { level: 'info' }), '"a":1', 'kept')).toBe(true);
    expect(JSON.parse(lines.join(''))).toMatchObject({ level: 30, requestId: 'r', a: 1, msg: 'kept' });
  });

  it('writes the operation line through pino where a prebuilt line is declined (the pretty format)', () => {
    const { logger, lines } = capture('pretty');
    writeLine(
      { logger, traceId: undefined, results: ['UpdateContactSuccess'], upstreamCalls: [] },
      { name: 'UpdateContact', type: 'mutation', durationMs: 1.25, failed: false },
    );
    const output = lines.join('');
    expect(output).toContain(OPERATION_MESSAGE);
    expect(output).toContain('UpdateContactSuccess');
  });

  it('formats for reading only when asked for, with the same redaction', () => {
    const { logger, lines } = capture('pretty');
    logger.info({ authorization: 'Bearer secret-4' }, 'hello reader');
    const output = lines.join('');
    expect(output).toContain('hello reader');
    expect(() => JSON.parse(output)).toThrow();
    expect(output).not.toContain('secret-4');
  });
});

describe('BatchedLines', () => {
  it('writes the lines that arrive within the delay in one write, after it', async () => {
    const writes: string[] = [];
    const lines = new BatchedLines({ write: (text: string) => void writes.push(text) }, 20);
    lines.write('a\n');
    await new Promise((resolve) => setImmediate(resolve));
    lines.write('b\n');
    lines.write('c\n');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writes).toEqual(['a\nb\nc\n']);
    lines.write('d\n');
    lines.flush();
    expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writes).toHaveLength(2);
  });

  it('writes at once when the batch reaches its size', () => {
    const writes: string[] = [];
    const lines = new BatchedLines({ write: (text: string) => void writes.push(text) }, 10_000, 8);
    lines.write('1234\n');
    expect(writes).toEqual([]);
    lines.write('5678\n');
    expect(writes).toEqual(['1234\n5678\n']);
    lines.flush();
    expect(writes).toHaveLength(1);
  });
});

describe('LOG_FORMAT=pretty on standard output', () => {
  it('writes no colour codes when standard output is a file or a pipe', () => {
    const script = `require(${JSON.stringify(require.resolve('../support/register-ts.js'))});
      const { createLogger } = require(${JSON.stringify(require.resolve('../../src/logging/logger'))});
      createLogger('info', undefined, 'pretty').info({ callerCount: 2 }, 'hello');`;
    const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(output).toContain('INFO: hello');
    expect(output).toContain('callerCount: 2');
    expect(output).not.toContain('\u001b[');
  });
});
