/**
 * HEALTH_PORT: /healthz and /readyz served by a thread of their own, with real processes: answered
 * while the main event loop is busy, liveness failing once that loop stalls, readiness failing from
 * SIGTERM on, a WORKERS primary answering for its group, and a port already taken refusing the start.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';
import { spawnGateway, type GatewayProcess } from '../support/gateway-process';
import { freePort } from '../support/ports';
import { until } from '../support/until';

interface Probe {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
}

/** GET on a connection of its own, as a kubelet probes; status 0 when refused. */
function probe(port: number, path: string): Promise<Probe> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers, ms: performance.now() - started }),
      );
    });
    req.on('error', () => resolve({ status: 0, body: '', headers: {}, ms: performance.now() - started }));
  });
}

const healthPortOf = (gateway: GatewayProcess) => gateway.entries.find((entry) => entry.healthPort)?.healthPort ?? 0;

let sim: HighLevelSimulator;
beforeEach(async () => {
  sim = new HighLevelSimulator();
  await sim.start();
});
afterEach(() => sim.stop());

it('answers /healthz and /readyz on its own port, with a length and no-store, and nothing else', async () => {
  const gateway = await spawnGateway({ HIGHLEVEL_BASE_URL: sim.baseUrl, HEALTH_PORT: '0' });
  try {
    const port = healthPortOf(gateway);
    expect(port).toBeGreaterThan(0);
    const alive = await probe(port, '/healthz');
    expect(alive).toMatchObject({ status: 200, body: '{"status":"alive"}' });
    expect(alive.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(alive.body.length),
      'cache-control': 'no-store',
    });
    expect(await probe(port, '/readyz?probe=1')).toMatchObject({ status: 200, body: '{"status":"ready"}' });
    for (const path of ['/metrics', '/graphql', '/'])
      expect(await probe(port, path)).toMatchObject({
        status: 404,
        body: expect.stringContaining('/healthz and /readyz'),
      });
    // The GraphQL port keeps its own.
    expect(await probe(Number(new URL(gateway.url).port), '/healthz')).toMatchObject({ status: 200 });
  } finally {
    gateway.child.kill('SIGKILL');
  }
});

it('answers at once while the main thread is busy, says the event loop is stalled past HEALTH_STALL_MS, and recovers', async () => {
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(__dirname, '../support/register-ts.js'),
      join(__dirname, '../support/health-port-blocked-loop.ts'),
      '300',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const lines = createInterface({ input: child.stdout });
    const seen: string[] = [];
    lines.on('line', (line) => seen.push(line));
    await until(() => seen.some((line) => line.startsWith('port ')));
    const port = Number(seen[0]?.split(' ')[1]);
    expect(await probe(port, '/healthz')).toMatchObject({ status: 200, body: '{"status":"alive"}' });

    child.stdin.write('block 1500\n');
    const during: Probe[] = [];
    while (!seen.includes('done')) {
      during.push(await probe(port, '/healthz'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Every probe during the block was answered, and quickly: the main thread answered none of them.
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...during.map((p) => p.ms))).toBeLessThan(100);
    expect(during.at(-1)).toMatchObject({ status: 503, body: '{"status":"event loop stalled"}' });
    // 200 until the stall limit, 503 after it: never back to 200 while blocked.
    expect(during.map((p) => p.status).join(' ')).toMatch(/^(200 )*503( 503)*$/);

    await until(async () => (await probe(port, '/healthz')).status === 200, 2000);
    expect(await probe(port, '/readyz')).toMatchObject({ status: 200 });
  } finally {
    child.kill('SIGKILL');
  }
});

it('on SIGTERM, /readyz on the health port answers 503 at once while the gateway still serves and stays alive', async () => {
  const gateway = await spawnGateway({ HIGHLEVEL_BASE_URL: sim.baseUrl, HEALTH_PORT: '0', SHUTDOWN_DELAY_MS: '1500' });
  try {
    const port = healthPortOf(gateway);
    expect((await probe(port, '/readyz')).status).toBe(200);
    const exit = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    await until(() => gateway.entries.some((entry) => entry.msg === 'shutting down'));
    expect(await probe(port, '/readyz')).toMatchObject({ status: 503, body: '{"status":"shutting down"}' });
    expect(await probe(port, '/healthz')).toMatchObject({ status: 200, body: '{"status":"alive"}' });
    // Still serving on the GraphQL port during the delay.
    expect((await probe(Number(new URL(gateway.url).port), '/healthz')).status).toBe(200);
    const [code] = (await exit) as [number | null];
    expect(code).toBe(0);
    expect((await probe(port, '/readyz')).status).toBe(0);
  } finally {
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  }
}, 15_000);

it('with WORKERS=2, the primary serves the health port for the group', async () => {
  const port = await freePort();
  const gateway = await spawnGateway({
    WORKERS: '2',
    HEALTH_PORT: String(port),
    HIGHLEVEL_BASE_URL: sim.baseUrl,
    SHUTDOWN_DELAY_MS: '0',
  });
  try {
    await until(async () => (await probe(port, '/readyz')).headers['x-gateway-workers'] === '2/2', 15_000);
    expect(await probe(port, '/readyz')).toMatchObject({ status: 200, body: '{"status":"ready"}' });
    expect((await probe(port, '/healthz')).headers['x-gateway-workers']).toBe('2/2');
    const exit = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    await until(async () => (await probe(port, '/readyz')).status !== 200);
    const [code] = (await exit) as [number | null];
    expect(code).toBe(0);
  } finally {
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  }
}, 30_000);

it('refuses to start when HEALTH_PORT is taken, naming it', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const address = taken.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const child = spawn(
      process.execPath,
      ['-r', join(__dirname, '../support/register-ts.js'), join(__dirname, '../../src/cli/main.ts')],
      {
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          HOST: '127.0.0.1',
          HEALTH_PORT: String(port),
          HIGHLEVEL_BASE_URL: sim.baseUrl,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain(`HEALTH_PORT ${port}: could not listen (EADDRINUSE)`);
  } finally {
    taken.close();
  }
});
