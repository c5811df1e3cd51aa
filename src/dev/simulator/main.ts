/**
 * `node dist/dev/simulator/main.js [--port 4010] [--host 127.0.0.1] [--latency-ms 0] [--rate-limit
 * 100/10000/200000|none]` (or `npm run simulator -- ...`): the HighLevel simulator alone, seeded with
 * the demo data, for pointing a gateway or a benchmark at it. It prints how to reach each error member
 * through a gateway, with its control endpoints (src/dev/simulator/control.ts). Loopback only: it
 * accepts its registered token and serves test data.
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { CONTROL_PREFIX } from './control';
import { HIGHLEVEL_RATE_LIMIT, type RateLimitOptions } from './rate-limiter';
import { DEMO_CUSTOM_FIELDS, seedDemoData } from './seed';
import { HighLevelSimulator } from './simulator';

/** `--rate-limit none`: no request is ever refused for rate (load work). */
const LIFTED: RateLimitOptions = { max: Number.MAX_SAFE_INTEGER, intervalMs: 10_000, daily: Number.MAX_SAFE_INTEGER };
/** A long-running simulator keeps only its latest requests for /_simulator/received. */
const KEEP_RECEIVED = 1000;
const USAGE =
  'usage: node dist/dev/simulator/main.js [--port 4010] [--host 127.0.0.1] [--latency-ms 0] [--rate-limit 100/10000/200000|none]';

class UsageError extends Error {}

interface Settings {
  port: number;
  host: string;
  latencyMs: number;
  rateLimit: RateLimitOptions;
}

function parseSettings(args: string[]): Settings {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string', default: '0' },
      'rate-limit': { type: 'string' },
    },
  });
  const port = wholeNumber(values.port, '--port');
  if (port > 65535) throw new UsageError(`--port must be 0 to 65535, not ${values.port}`);
  if (!isLoopback(values.host))
    throw new UsageError(`--host must be a loopback address (127.0.0.0/8, ::1 or localhost), not ${values.host}`);
  return {
    port,
    host: values.host,
    latencyMs: wholeNumber(values['latency-ms'], '--latency-ms'),
    rateLimit: values['rate-limit'] === undefined ? HIGHLEVEL_RATE_LIMIT : parseRateLimit(values['rate-limit']),
  };
}

/** `none`, or requests per window / window (ms) / requests per day, each at least 1. */
function parseRateLimit(text: string): RateLimitOptions {
  if (text === 'none') return LIFTED;
  const parts = text.split('/');
  const [max, intervalMs, daily] = parts.map((part) => wholeNumber(part, '--rate-limit'));
  if (parts.length !== 3 || !max || !intervalMs || !daily)
    throw new UsageError(`--rate-limit must be none or MAX/INTERVAL_MS/DAILY (e.g. 100/10000/200000), not ${text}`);
  return { max, intervalMs, daily };
}

function describeLimit({ max, intervalMs, daily }: RateLimitOptions): string {
  return max === LIFTED.max ? 'none (--rate-limit none)' : `${max} per ${intervalMs} ms and ${daily} a day, per token`;
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${flag} must be a whole number, not ${text}`);
  return Number(text);
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  // ::1 in any spelling: only zero groups, then 1.
  return isIP(host) === 6 && /^(?:0{0,4}:){2,7}0{0,3}1$/.test(host);
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const simulator = new HighLevelSimulator({
    latencyMs: settings.latencyMs,
    rateLimit: settings.rateLimit,
    keepReceived: KEEP_RECEIVED,
  });
  const url = await simulator.start(settings.port, settings.host);
  const seed = seedDemoData(simulator);
  const faults = `curl -s -X POST ${url}${CONTROL_PREFIX}/faults -d`;
  process.stdout.write(
    [
      `HighLevel simulator at ${url}`,
      `  token           ${seed.token}   (location ${seed.locationId})`,
      `  contact ids     ${seed.contactIds.join(', ')}`,
      `  other location  ${seed.otherLocationContactId}   (403 with this token)`,
      `  custom fields   ${DEMO_CUSTOM_FIELDS.map((field) => `${field.key} (${field.dataType}, ${field.id})`).join('\n                  ')}`,
      `  rate limit      ${describeLimit(settings.rateLimit)}`,
      `  try: curl -s ${url}/contacts/${seed.contactIds[0]} -H 'Authorization: Bearer ${seed.token}' -H 'Version: 2021-07-28'`,
      '',
      `Each error member, through a gateway pointed here (HIGHLEVEL_BASE_URL=${url}), with the demo token:`,
      '  UnauthorizedError (INVALID_TOKEN)      send any other token: Authorization: Bearer not-a-demo-token',
      `  ForbiddenError                         updateContact(id: "${seed.otherLocationContactId}", ...)`,
      '  NotFoundError                          updateContact(id: "noSuchContact0000001", ...)',
      `  DuplicateContactError                  createContact(input: { locationId: "${seed.locationId}", email: "rosan@deos.com" })`,
      '  Or queue what HighLevel would answer for the next request to /contacts*, then send any operation:',
      `  ValidationError (UNPROCESSABLE)        ${faults} '{"kind":"status","status":422}'`,
      `  RateLimitedError                       ${faults} '{"kind":"status","status":429}'`,
      `  UpstreamError (UPSTREAM_UNAVAILABLE)   ${faults} '{"kind":"status","status":503}'`,
      `  UpstreamError (UPSTREAM_TIMEOUT)       ${faults} '{"kind":"stall"}'`,
      '  The gateway tries a read (contact, contacts) up to 3 times on a 429 or 5xx: add "times": 3 for one.',
      `What it received:   curl -s '${url}${CONTROL_PREFIX}/received?last=20'`,
      `Start over:         curl -s -X POST ${url}${CONTROL_PREFIX}/reset   (requests, faults and rate counts; the data stays)`,
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const usage =
    error instanceof UsageError ||
    (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  if (usage) process.stderr.write(`${USAGE}\n`);
  process.exit(usage ? 2 : 1);
});
