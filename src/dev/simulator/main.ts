/**
 * `node dist/dev/simulator/main.js [--port 4010] [--host 127.0.0.1] [--latency-ms 0]` (or
 * `npm run simulator -- ...`): the HighLevel simulator alone, seeded with the demo data, for pointing a
 * gateway or a benchmark at it. Loopback only: it accepts any registered token and serves test data.
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { DEMO_CUSTOM_FIELDS, seedDemoData } from './seed';
import { HighLevelSimulator } from './simulator';

class UsageError extends Error {}

interface Settings {
  port: number;
  host: string;
  latencyMs: number;
}

function parseSettings(args: string[]): Settings {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const port = wholeNumber(values.port, '--port');
  if (port > 65535) throw new UsageError(`--port must be 0 to 65535, not ${values.port}`);
  if (!isLoopback(values.host))
    throw new UsageError(`--host must be a loopback address (127.0.0.0/8, ::1 or localhost), not ${values.host}`);
  return { port, host: values.host, latencyMs: wholeNumber(values['latency-ms'], '--latency-ms') };
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
  const simulator = new HighLevelSimulator({ latencyMs: settings.latencyMs });
  const url = await simulator.start(settings.port, settings.host);
  const seed = seedDemoData(simulator);
  process.stdout.write(
    [
      `HighLevel simulator at ${url}`,
      `  token           ${seed.token}   (location ${seed.locationId})`,
      `  contact ids     ${seed.contactIds.join(', ')}`,
      `  other location  ${seed.otherLocationContactId}   (403 with this token)`,
      `  custom fields   ${DEMO_CUSTOM_FIELDS.map((field) => `${field.key} (${field.dataType}, ${field.id})`).join('\n                  ')}`,
      `  try: curl -s ${url}/contacts/${seed.contactIds[0]} -H 'Authorization: Bearer ${seed.token}' -H 'Version: 2021-07-28'`,
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
  if (usage)
    process.stderr.write('usage: node dist/dev/simulator/main.js [--port 4010] [--host 127.0.0.1] [--latency-ms 0]\n');
  process.exit(usage ? 2 : 1);
});
