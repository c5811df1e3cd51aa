import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config';
import { redact } from './log-redaction';

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
      timestamp: isoTime,
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

const { lsCacheSym, timeSym, chindingsSym, endSym, streamSym, needsMetadataGsym, mixinSym, nestedKeySym, hooksSym } =
  pino.symbols;
// In pino's symbols, not in its type declarations.
const { msgPrefixSym } = pino.symbols as unknown as Record<string, symbol | undefined>;
const INFO = 30;

/**
 * Writes an `info` line whose fields the caller has serialized itself (`"key":value` pairs joined by
 * commas, already valid JSON), with the logger's level, time and bindings: the same bytes pino writes
 * for the same fields, to the same destination. It is for the one line every request writes (the
 * operation line): pino's generic path would serialize each value and walk the redaction for fields
 * that are known not to need it. Only lines of fixed keys and values the caller controls belong here;
 * nothing in them is redacted.
 *
 * Answers false, having written nothing, when the logger does something this does not reproduce (a
 * mixin, a message prefix, a nested key, hooks, a destination that wants pino's metadata); the caller then
 * logs through pino. test/unit/logger.test.ts compares both paths byte for byte.
 */
export function writeInfoLine(logger: Logger, fields: string, message: string): boolean {
  if (!logger.isLevelEnabled('info')) return true;
  const internals = logger as unknown as Record<symbol, unknown>;
  const levels = internals[lsCacheSym] as Record<number, string> | undefined;
  const time = internals[timeSym];
  const bindings = internals[chindingsSym];
  const end = internals[endSym];
  const stream = internals[streamSym] as (pino.DestinationStream & Record<symbol, unknown>) | undefined;
  const hooks = internals[hooksSym] as { logMethod?: unknown; streamWrite?: unknown } | undefined;
  if (
    typeof levels?.[INFO] !== 'string' ||
    typeof time !== 'function' ||
    typeof bindings !== 'string' ||
    typeof end !== 'string' ||
    typeof stream?.write !== 'function' ||
    stream[needsMetadataGsym] === true ||
    internals[mixinSym] ||
    (msgPrefixSym !== undefined && internals[msgPrefixSym]) ||
    internals[nestedKeySym] ||
    hooks?.logMethod ||
    hooks?.streamWrite
  )
    return false;
  stream.write(`${levels[INFO]}${String(time())}${bindings},${fields},"msg":${JSON.stringify(message)}${end}`);
  return true;
}
