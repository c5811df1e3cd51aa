/**
 * The gateway as its own process, stopped the way an orchestrator stops it: SIGTERM.
 */
import { once } from 'node:events';
import { get } from 'node:http';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';
import { UPDATE_CONTACT } from './harness';
import { GATEWAY_NODE_FLAGS } from '../../src/node-flags';
import { spawnGateway } from '../support/gateway-process';

function updateContact(url: string, token: string, id: string | undefined, n: number) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: UPDATE_CONTACT, variables: { id, input: { lastName: `n${n}` } } }),
  }).then(async (response) => ({
    status: response.status,
    connection: response.headers.get('connection'),
    typename: ((await response.json()) as { data: { updateContact: { __typename: string } } }).data.updateContact
      .__typename,
  }));
}

/** GET /readyz on a connection of its own, as a kubelet probes: the status, or 0 when refused. */
function probeReady(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(new URL('/readyz', url), { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

let sim: HighLevelSimulator;
let seed: ReturnType<typeof seedDemoData>;
beforeEach(async () => {
  sim = new HighLevelSimulator({ latencyMs: 300 });
  await sim.start();
  seed = seedDemoData(sim);
});
afterEach(() => sim.stop());

it('on SIGTERM, the server process drops no in-flight request and no log line, then exits 0', async () => {
  const gateway = await spawnGateway({ HIGHLEVEL_BASE_URL: sim.baseUrl, SHUTDOWN_DELAY_MS: '0' });
  try {
    const inFlight = Array.from({ length: 30 }, (_, n) =>
      updateContact(gateway.url, seed.token, seed.contactIds[n % 3], n),
    );
    // Every request is at the upstream before the signal: none is still on its way to the gateway.
    await until(() => sim.received.length === 30);
    gateway.child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    const [code] = (await once(gateway.child, 'exit')) as [number | null];

    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
    expect(new Set(answers.map((answer) => answer.typename))).toEqual(new Set(['UpdateContactSuccess']));
    expect(code).toBe(0);
    expect(sim.received).toHaveLength(30);
    // Every operation's log line reached standard output, though the process exited right after.
    await gateway.closed;
    expect(gateway.entries.filter((entry) => entry.msg === 'graphql operation')).toHaveLength(30);
    expect(gateway.entries.map((entry) => entry.msg)).toContain('shutting down');
  } finally {
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  }
});

it('on SIGTERM, /readyz answers 503 on new connections while requests are still served for SHUTDOWN_DELAY_MS, then the process drains and exits 0', async () => {
  const delayMs = 1500;
  const gateway = await spawnGateway({ HIGHLEVEL_BASE_URL: sim.baseUrl, SHUTDOWN_DELAY_MS: String(delayMs) });
  try {
    const probes: { at: number; status: number }[] = [];
    let signalledAt = Number.POSITIVE_INFINITY;
    let exited = false;
    const exit = once(gateway.child, 'exit').then(([code]) => {
      exited = true;
      return code as number | null;
    });
    const polling = (async () => {
      while (!exited) {
        probes.push({ at: performance.now(), status: await probeReady(gateway.url) });
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();

    await until(() => probes.filter((probe) => probe.status === 200).length >= 3);
    signalledAt = performance.now();
    gateway.child.kill('SIGTERM');
    await until(() => probes.some((probe) => probe.status === 503));
    // Well inside the delay: a new request, on a new connection, is served, and told to close it.
    const during = await updateContact(gateway.url, seed.token, seed.contactIds[0], 1);
    const code = await exit;
    await polling;

    expect(during).toEqual({ status: 200, connection: 'close', typename: 'UpdateContactSuccess' });
    expect(code).toBe(0);
    const after = probes.filter((probe) => probe.at >= signalledAt);
    // 503 from the first probe after the signal until the delay is over, then (if a probe came in
    // before the process exited) refused: never 200 again.
    expect(after.map((probe) => probe.status).join(' ')).toMatch(/^503(?: 503)*(?: 0)*$/);
    const lastReady503 = after.filter((probe) => probe.status === 503).at(-1);
    expect((lastReady503?.at ?? 0) - signalledAt).toBeGreaterThanOrEqual(delayMs - 300);
    const firstRefusal = after.find((probe) => probe.status === 0);
    if (firstRefusal) expect(firstRefusal.at - signalledAt).toBeGreaterThanOrEqual(delayMs - 50);
  } finally {
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  }
}, 20_000);

it('started without the V8 flags npm start passes, the process says which are missing', async () => {
  const gateway = await spawnGateway({ HIGHLEVEL_BASE_URL: sim.baseUrl, SHUTDOWN_DELAY_MS: '0' }, []);
  try {
    expect(gateway.entries.find((entry) => entry.missing)).toMatchObject({
      level: 40,
      missing: [...GATEWAY_NODE_FLAGS],
    });
  } finally {
    gateway.child.kill('SIGKILL');
  }
});
