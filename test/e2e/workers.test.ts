/**
 * Gateway processes as an operator runs them. WORKERS=2: one process (the primary) forks two gateway
 * workers on one port; both serve, one /metrics scrape answers for the group, a killed worker is
 * restarted, and SIGTERM drains them all. And with REDIS_URL, two gateway processes side by side, or
 * two workers, hold a burst for one token to what HighLevel said is left.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';
import { spawnGateway } from '../support/gateway-process';
import { startRedis } from '../support/redis-server';
import { UPDATE_CONTACT } from './harness';
import { freePort } from '../support/ports';
import { until } from '../support/until';

/** A gateway process (TypeScript compiled as it loads) or a worker takes seconds to listen on a busy machine. */
const STARTS_WITHIN_MS = 20_000;

/** The gateway as its own process; resolves once `listening` workers (or the process) listen. */
async function startWorkers(env: Record<string, string>, listening = 1) {
  const { child, entries } = await spawnGateway({ SHUTDOWN_DELAY_MS: '0', ...env });
  const logged = (msg: string) => entries.filter((entry) => entry.msg === msg).length;
  await until(() => logged('gateway listening') >= listening, STARTS_WITHIN_MS);
  await until(() => !env.REDIS_URL || logged('shared state (Redis) in use') >= listening);
  return {
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

it('serves on one port from two workers, scrapes them as one, restarts a killed one and drains on SIGTERM', async () => {
  const sim = new HighLevelSimulator({ rateLimit: { max: 10_000, intervalMs: 10_000, daily: 1_000_000 } });
  const simulatorUrl = await sim.start(0, '127.0.0.1');
  const seed = seedDemoData(sim);
  const port = await freePort();
  const gateway = await spawnGateway({
    PORT: String(port),
    HIGHLEVEL_BASE_URL: simulatorUrl,
    WORKERS: '2',
    SHUTDOWN_DELAY_MS: '200',
  });
  const { child: primary, entries } = gateway;
  const listening = () => entries.filter((entry) => entry.msg === 'gateway listening').length;
  const base = `http://127.0.0.1:${port}`;
  try {
    await until(() => listening() === 2, STARTS_WITHIN_MS);
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
    await until(() => listening() === 3, STARTS_WITHIN_MS);
    await until(
      async () => (await fetch(`${base}/healthz`)).headers.get('x-gateway-workers') === '2/2',
      STARTS_WITHIN_MS,
    );
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

describe('with REDIS_URL, a burst for one token is held to what HighLevel said is left', () => {
  it.each([
    ['two gateway processes side by side', 2, '1'],
    ['WORKERS=2', 1, '2'],
  ])(
    '%s',
    async (_name, processes, workers) => {
      const redis = await startRedis();
      const sim = new HighLevelSimulator({ rateLimit: { max: 10, intervalMs: 60_000, daily: 100_000 } });
      const simulatorUrl = await sim.start(0, '127.0.0.1');
      const seed = seedDemoData(sim);
      const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
      const env = (port: number) => ({
        PORT: String(port),
        HIGHLEVEL_BASE_URL: simulatorUrl,
        REDIS_URL: redis.url,
        WORKERS: workers,
      });
      const gateways = await Promise.all(ports.map((port) => startWorkers(env(port), Number(workers))));
      try {
        const token = 'burst-process-token-01';
        sim.addToken(token, seed.locationId);
        const update = (port: number) =>
          fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, connection: 'close' },
            body: JSON.stringify({
              query: UPDATE_CONTACT,
              variables: { id: seed.contactIds[0], input: { city: 'B' } },
            }),
          }).then(
            async (response) =>
              ((await response.json()) as { data: { updateContact: { __typename: string } } }).data.updateContact
                .__typename,
          );
        // HighLevel's first answer: 9 left of its 10.
        expect(await update(ports[0] as number)).toBe('UpdateContactSuccess');
        await new Promise((resolve) => setTimeout(resolve, 100));
        const answers = await Promise.all(
          Array.from({ length: 30 }, (_, n) => update(ports[n % ports.length] as number)),
        );
        expect(answers.filter((name) => name === 'UpdateContactSuccess')).toHaveLength(9);
        expect(answers.filter((name) => name === 'RateLimitedError')).toHaveLength(21);
        expect(sim.received.filter((request) => request.headers.authorization === `Bearer ${token}`)).toHaveLength(10);
      } finally {
        await Promise.all(gateways.map((gateway) => gateway.stop()));
        await sim.stop();
        await redis.stop();
      }
    },
    60_000,
  );
});
