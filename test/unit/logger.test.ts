import { Writable } from 'node:stream';
import { CENSOR, ofKnownKeys, redact } from '../../src/log-redaction';
import { BatchedLines, createLogger } from '../../src/logger';

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

  it('does not walk a line marked as built from known keys, and that line still serializes as it was', () => {
    const line = ofKnownKeys({ operation: { name: 'UpdateContact', results: ['UpdateContactSuccess'] } });
    expect(redact(line)).toBe(line);
    expect(JSON.parse(JSON.stringify(line))).toEqual({
      operation: { name: 'UpdateContact', results: ['UpdateContactSuccess'] },
    });
    const { logger, lines } = capture('json');
    logger.info(line, 'marked');
    expect(JSON.parse(lines.join(''))).toMatchObject({ operation: line.operation, msg: 'marked' });
    expect(lines.join('')).toMatch(/"time":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"/);
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
