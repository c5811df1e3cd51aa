import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config';
import { redact } from './log-redaction';

export type { Logger };

/**
 * A destination written once per turn of the event loop: the lines logged in one turn (under load,
 * those of many requests) go out in one write. Under load (issue 6), one synchronous write(2) per
 * line held the main thread about 16 µs a line (the profile), and an asynchronous write costs a
 * thread-pool round trip and a wake-up, about 33 µs of CPU a line measured on its own.
 */
export class LinesPerTurn implements pino.DestinationStream {
  private lines: string[] = [];

  constructor(private readonly out: pino.DestinationStream) {}

  write(line: string): void {
    if (this.lines.push(line) === 1) setImmediate(() => this.flush());
  }

  /** Writes what is queued now. */
  flush(): void {
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.out.write(text);
  }
}

// One writer for the process's standard output, however many loggers write to it. Synchronous: as
// with pino's default, a log reader that stops reading stalls the process. What is still queued
// when the process exits is written then.
let stdout: LinesPerTurn | undefined;

function standardOutput(): LinesPerTurn {
  if (!stdout) {
    const lines = new LinesPerTurn(pino.destination({ dest: 1, sync: true }));
    process.on('exit', () => lines.flush());
    stdout = lines;
  }
  return stdout;
}

/**
 * JSON lines by default; `pretty` (for a developer's terminal, LOG_FORMAT=pretty) formats the same
 * already-redacted records for reading.
 */
export function createLogger(
  level: LogLevel,
  destination?: pino.DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const stream =
    format === 'pretty'
      ? pinoPretty({
          colorize: destination === undefined,
          ignore: 'pid,hostname,service',
          destination: destination ?? 1,
          sync: true,
        })
      : (destination ?? standardOutput());
  const logger = pino(
    {
      level,
      base: { service: 'highlevel-contacts-gateway' },
      // Every line and every child logger's bindings pass through the redaction (src/log-redaction.ts).
      formatters: { log: redact, bindings: redact },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
  // pino passes only the root's bindings through `formatters.bindings`; a child's go through here.
  // Children are created from their parent's prototype chain, so every descendant inherits this.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, options) {
    return child.call(this, redact(bindings), options);
  } as Logger['child'];
  return logger;
}
