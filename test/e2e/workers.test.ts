/**
 * WORKERS=2 as an operator runs it: one process (the primary) forks two gateway workers on one port;
 * both serve, one /metrics scrape answers for the group, a killed worker is restarted, and SIGTERM
 * drains them all.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';
import { GATEWAY_NODE_FLAGS } from '../../src/node-flags';
import { UPDATE_CONTACT } from './harness';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function until(condition: () => boolean | Promise<boolean>, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('serves on one port from two workers, scrapes them as one, restarts a killed one and drains on SIGTERM', async () => {
  const sim = new HighLevelSimulator({ rateLimit: { max: 10_000, intervalMs: 10_000, daily: 1_000_000 } });
  const simulatorUrl = await sim.start(0, '127.0.0.1');
  const seed = seedDemoData(sim);
  const port = await freePort();
  const primary = spawn(
    process.execPath,
    [
      ...GATEWAY_NODE_FLAGS,
      '-r',
      join(__dirname, '../support/register-ts.js'),
      join(__dirname, '../../src/cli/main.ts'),
    ],
    {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        HIGHLEVEL_BASE_URL: simulatorUrl,
        WORKERS: '2',
        SHUTDOWN_DELAY_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const entries: { msg: string; level: number; pid?: number }[] = [];
  createInterface({ input: primary.stdout }).on('line', (line) =>
    entries.push(JSON.parse(line) as (typeof entries)[number]),
  );
  const listening = () => entries.filter((entry) => entry.msg === 'gateway listening').length;
  const base = `http://127.0.0.1:${port}`;
  try {
    await until(() => listening() === 2);
    expect(entries.some((entry) => entry.level === 40 && entry.msg.includes('without REDIS_URL'))).toBe(true);

    const update = (n: number) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seed.token}`, connection: 'close' },
        body: JSON.stringify({
          query: UPDATE_CONTACT,
          variables: { id: seed.contactIds[0], input: { lastName: `w${n}` } },
        }),
      }).then(
        async (response) =>
          ((await response.json()) as { data: { updateContact: { __typename: string } } }).data.updateContact
            .__typename,
      );
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => update(n)));
    expect(answers.every((typename) => typename === 'UpdateContactSuccess')).toBe(true);

    // One scrape, whichever worker answers it, counts every worker's operations.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(
      /graphql_operations_total\{operation_name="UpdateContact",operation_type="mutation",result="UpdateContactSuccess"\} 40\b/,
    );
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-gateway-workers')).toBe('2/2');

    // A worker killed: the primary starts another, and the group serves throughout.
    const workers = execFileSync('pgrep', ['-P', String(primary.pid)])
      .toString()
      .trim()
      .split('\n')
      .map(Number);
    expect(workers).toHaveLength(2);
    process.kill(workers[0] as number, 'SIGKILL');
    // A connection handed to the worker as it died is reset (as after any crash); once the primary has
    // seen the exit, the other worker serves alone until the new one listens.
    await until(() => entries.some((entry) => entry.msg === 'worker exited; restarting it'));
    expect(await update(100)).toBe('UpdateContactSuccess');
    await until(() => listening() === 3);
    await until(async () => (await fetch(`${base}/healthz`)).headers.get('x-gateway-workers') === '2/2');
    expect(await update(101)).toBe('UpdateContactSuccess');

    const exited = once(primary, 'exit');
    primary.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(entries.some((entry) => entry.msg === 'every worker has stopped')).toBe(true);
    const left = (() => {
      try {
        return execFileSync('pgrep', ['-P', String(primary.pid)])
          .toString()
          .trim();
      } catch {
        return '';
      }
    })();
    expect(left).toBe('');
  } finally {
    if (primary.exitCode === null) primary.kill('SIGKILL');
    await sim.stop();
  }
}, 60_000);
