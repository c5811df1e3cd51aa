import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from '../config';
import { redact } from './redaction';

export type { Logger };

/**
 * A destination written in batches: a line waits at most `delayMs` (10 ms), or until `maxBytes` (64 KiB)
 * are queued, and then goes out with every other line waiting, in one synchronous write. A write per
 * line (or per event-loop turn, which under load is nearly the same) costs a system call each, and an
 * asynchronous write a thread-pool round trip and a wake-up as well; a batch costs one. What is queued
 * is written on `flush()`, which the process calls as it exits, so no line is lost on shutdown.
 */
export class BatchedLines implements pino.DestinationStream {
  private lines: string[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly out: pino.DestinationStream,
    private readonly delayMs = 10,
    private readonly maxBytes = 64 * 1024,
  ) {}

  write(line: string): void {
    this.lines.push(line);
    this.bytes += line.length;
    if (this.bytes >= this.maxBytes) this.flush();
    // Unreferenced: a pending batch never keeps the process alive; the exit handler writes it.
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs).unref();
  }

  /** Writes what is queued now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.bytes = 0;
    this.out.write(text);
  }
}

// One writer for the process's standard output, however many loggers write to it. Synchronous: as
// with pino's default, a log reader that stops reading stalls the process. What is still queued
// when the process exits is written then.
let stdout: BatchedLines | undefined;

function standardOutput(): BatchedLines {
  if (!stdout) {
    const lines = new BatchedLines(pino.destination({ dest: 1, sync: true }));
    process.on('exit', () => lines.flush());
    stdout = lines;
  }
  return stdout;
}

// Under load many lines share a millisecond: the ISO timestamp is formatted once per millisecond.
let timeMs = -1;
let timeField = '';
function isoTime(): string {
  const now = Date.now();
  if (now !== timeMs) {
    timeMs = now;
    timeField = `,"time":"${new Date(now).toISOString()}"`;
  }
  return timeField;
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
          // Colour codes only for a terminal: stdout redirected to a file or a pipe gets plain text.
          colorize: destination === undefined && process.stdout.isTTY === true,
          ignore: 'pid,hostname,service',
          destination: destination ?? 1,
          sync: true,
        })
      : (destination ?? standardOutput());
  const base = { service: 'highlevel-contacts-gateway' };
  const logger = pino(
    {
      level,
      base,
      // Every line and every child logger's bindings pass through the redaction (src/logging/redaction.ts).
      formatters: { log: redact, bindings: redact },
      timestamp: isoTime,
    },
    stream,
  );
  // pino passes only the root's bindings through `formatters.bindings`; a child's go through here.
  // Children are created from their parent's prototype chain, so every descendant inherits this.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, options) {
    const redacted = redact(bindings);
    const made = child.call(this, redacted, options);
    const parent = prebuilt.get(this);
    // A child with options of its own (a message prefix, serializers, formatters) writes through pino.
    if (parent && (options === undefined || Object.keys(options).every((key) => key === 'level'))) {
      prebuilt.set(made, { stream: parent.stream, bindings: parent.bindings + serializedBindings(redacted) });
    }
    return made;
  } as Logger['child'];
  if (format === 'json') prebuilt.set(logger, { stream, bindings: serializedBindings(base) });
  return logger;
}

/**
 * Writes an `info` line whose fields the caller has serialized itself (`"key":value` pairs joined by
 * commas, already valid JSON), with the logger's level, time and bindings, in the format createLogger
 * gives pino (test/unit/logger.test.ts compares the two byte for byte), to the same destination. It
 * is for the one line every request writes (the operation line): pino's generic path would serialize
 * each value and walk the redaction for fields that are known not to need it. Only lines of fixed
 * keys and values the caller controls belong here; nothing in them is redacted.
 *
 * It reads nothing of pino's: only loggers made by createLogger in the JSON format, and their
 * children made without options of their own, are known here (`prebuilt`); for any other it answers
 * false, having written nothing, and the caller logs through pino.
 */
export function writeInfoLine(logger: Logger, fields: string, message: string): boolean {
  const own = prebuilt.get(logger);
  if (!own) return false;
  if (!logger.isLevelEnabled('info')) return true;
  own.stream.write(`{"level":${INFO}${isoTime()}${own.bindings},${fields},"msg":${JSON.stringify(message)}}\n`);
  return true;
}

const INFO = 30;

/** For each JSON logger createLogger made: where its lines go, and its bindings as pino writes them. */
const prebuilt = new WeakMap<object, { stream: pino.DestinationStream; bindings: string }>();

/** Bindings as pino writes them after the level and time: `,"key":value` for each defined value. */
function serializedBindings(bindings: Record<string, unknown>): string {
  let text = '';
  for (const [key, value] of Object.entries(bindings)) {
    if (value !== undefined) text += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return text;
}
