import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';

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

  it('formats for reading only when asked for, with the same redaction', () => {
    const { logger, lines } = capture('pretty');
    logger.info({ authorization: 'Bearer secret-4' }, 'hello reader');
    const output = lines.join('');
    expect(output).toContain('hello reader');
    expect(() => JSON.parse(output)).toThrow();
    expect(output).not.toContain('secret-4');
  });
});
