import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear in a log object. The code never logs tokens or request
 * bodies on purpose; these are the safety net for a careless `logger.info({ req })`.
 */
export const REDACTED_PATHS = [
  'authorization',
  'token',
  '*.authorization',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'body',
  '*.body',
  'variables',
  '*.variables',
];

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
        // Asynchronous: a line is queued and written with the next batch instead of a blocking write
        // per line (issue 6). pino flushes what is queued when the process exits.
        pino.destination({ dest: 1, sync: false }));
  return pino(
    {
      level,
      base: { service: 'highlevel-contacts-gateway' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
