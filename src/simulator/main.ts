/**
 * `npm run simulator -- [--port 4010] [--host 127.0.0.1] [--latency-ms 0]`: the HighLevel simulator
 * alone, seeded with the demo data, for pointing a gateway (or a benchmark) at it.
 */
import { parseArgs } from 'node:util';
import { seedDemoData } from './seed';
import { HighLevelSimulator } from './simulator';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const port = Number(values.port);
  const latencyMs = Number(values['latency-ms']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0 to 65535, not ${values.port}`);
  if (!Number.isInteger(latencyMs) || latencyMs < 0)
    throw new Error(`--latency-ms must be a whole number, not ${values['latency-ms']}`);
  if (!LOOPBACK.has(values.host))
    throw new Error('--host must be a loopback address: the simulator is for this machine only');

  const simulator = new HighLevelSimulator({ latencyMs });
  const url = await simulator.start(port, values.host);
  const seed = seedDemoData(simulator);
  process.stdout.write(
    `HighLevel simulator at ${url}\n  token       ${seed.token}\n  contact ids ${seed.contactIds.join(', ')}\n`,
  );
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
