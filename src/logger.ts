import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config';
import { redact } from './log-redaction';

export type { Logger };

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
      : (destination ??
        // Synchronous: one write(2) per line costs about 1.5 µs of CPU to a file or a drained pipe,
        // where an asynchronous write costs about 30 µs (a thread-pool round trip and a wake-up per
        // batch), and the gateway writes its lines after the response has gone (issue 6). A log
        // reader that stops reading does stall the process, as with pino's default.
        pino.destination({ dest: 1, sync: true }));
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
