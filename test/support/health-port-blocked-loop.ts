/**
 * A process with the gateway's health port and nothing else (run by test/e2e/health-port.test.ts):
 * it prints the port, then for each line `block <ms>` on standard input keeps its main thread busy
 * for that long, as a wedged event loop would, and prints `done` after.
 */
import { createInterface } from 'node:readline';
import { startHealthListener } from '../../src/health/health-listener';

async function main(): Promise<void> {
  const health = await startHealthListener({
    port: 0,
    host: '127.0.0.1',
    stallMs: Number(process.argv[2] ?? 300),
    onThreadError: (error) => process.stderr.write(`${error.message}\n`),
  });
  process.stdout.write(`port ${health.port}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const ms = Number(/^block (\d+)$/.exec(line)?.[1]);
    if (!Number.isFinite(ms)) return;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // The event loop does not turn: no timer, no I/O.
    }
    process.stdout.write('done\n');
  });
}

void main();
