/**
 * Two gateway replicas side by side, sharing a real redis-server, in front of one simulator: a burst for
 * one token spread across both is held to what HighLevel said is left; a persisted query registered
 * through one is served by the other from its hash; Redis killed and restarted during load loses no
 * request, each replica says so once, and both return to shared state.
 */
import { createHash } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';
import { createLogger } from '../../src/logging/logger';
import { startGateway, type RunningGateway } from '../../src/server';
import { startRedis, type RedisServer } from '../support/redis-server';
import { UPDATE_CONTACT } from './harness';
import { until } from '../support/until';

interface Replica {
  gateway: RunningGateway;
  logs: string[];
}

let redis: RedisServer;
let sim: HighLevelSimulator;
let seed: ReturnType<typeof seedDemoData>;
let replicas: Replica[];

async function startReplica(simulatorUrl: string): Promise<Replica> {
  const logs: string[] = [];
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    HIGHLEVEL_BASE_URL: simulatorUrl,
    UPSTREAM_TIMEOUT_MS: '2000',
    REDIS_URL: redis.url,
    // Both replicas, the simulator and the load share this one event loop: an answer from Redis can
    // wait behind a whole burst here, which a replica of its own would not make it do.
    REDIS_COMMAND_TIMEOUT_MS: '300',
  });
  const gateway = await startGateway({
    config,
    logger: createLogger('info', { write: (l: string) => void logs.push(l) }),
  });
  return { gateway, logs };
}

async function post(replica: Replica, body: Record<string, unknown>, token: string) {
  const response = await fetch(replica.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { data?: Record<string, { __typename: string }> },
  };
}

const sharedUp = async (replica: Replica) =>
  /gateway_shared_state_up 1/.test(await (await fetch(replica.gateway.url.replace('/graphql', '/metrics'))).text());

beforeAll(async () => {
  redis = await startRedis();
  sim = new HighLevelSimulator({ rateLimit: { max: 10, intervalMs: 60_000, daily: 100_000 } });
  await sim.start(0, '127.0.0.1');
  seed = seedDemoData(sim);
  replicas = [await startReplica(sim.baseUrl), await startReplica(sim.baseUrl)];
  for (const replica of replicas) await until(() => sharedUp(replica));
});
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.gateway.stop()));
  await sim.stop();
  await redis.stop();
});
beforeEach(() => sim.reset());

it('holds a burst for one token across both replicas to what HighLevel said is left', async () => {
  const token = 'burst-caller-token-0001';
  sim.addToken(token, seed.locationId);
  const update = (replica: Replica) =>
    post(replica, { query: UPDATE_CONTACT, variables: { id: seed.contactIds[0], input: { city: 'Burst' } } }, token);
  // HighLevel's first answer reports 9 left in its window of 10.
  expect((await update(replicas[0] as Replica)).json.data?.updateContact?.__typename).toBe('UpdateContactSuccess');
  await new Promise((resolve) => setTimeout(resolve, 50));

  const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => update(replicas[n % 2] as Replica)));
  const typenames = answers.map((answer) => answer.json.data?.updateContact?.__typename);
  expect(typenames.filter((name) => name === 'UpdateContactSuccess')).toHaveLength(9);
  expect(typenames.filter((name) => name === 'RateLimitedError')).toHaveLength(21);
  // Every refusal was the gateway's own: HighLevel received exactly its budget, and never answered 429.
  const sent = sim.received.filter((request) => request.headers.authorization === `Bearer ${token}`);
  expect(sent).toHaveLength(10);
});

it('serves a persisted query registered through one replica from its hash alone on the other', async () => {
  const query = '{ __typename }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const [first, second] = replicas as [Replica, Replica];
  expect((await post(second, { extensions }, seed.token)).json).toMatchObject({
    errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
  });
  expect((await post(first, { query, extensions }, seed.token)).json).toEqual({ data: { __typename: 'Query' } });
  expect((await post(second, { extensions }, seed.token)).json).toEqual({ data: { __typename: 'Query' } });
});

it('loses no request when Redis is killed, restarted, paused and resumed during 2,000 mutations, and returns to shared state', async () => {
  const [first, second] = replicas as [Replica, Replica];
  const warnsBefore = replicas.map((replica) => replica.logs.filter((line) => line.includes('"level":40')).length);
  let next = 0;
  const failures: string[] = [];
  const worker = async () => {
    while (next < 2000) {
      const n = next++;
      if (n === 500) await redis.kill();
      if (n === 900) await redis.restart();
      if (n === 1300) {
        // Both replicas back on Redis before the next outage.
        await until(async () => (await Promise.all(replicas.map(sharedUp))).every(Boolean));
        redis.pause();
      }
      if (n === 1600) redis.resume();
      const answer = await post(
        n % 2 ? first : second,
        { query: UPDATE_CONTACT, variables: { id: seed.contactIds[1], input: { city: `Load ${n}` } } },
        `load-${n % 250}-token-000001`,
      );
      const typename = answer.json.data?.updateContact?.__typename;
      if (answer.status !== 200 || typename !== 'UpdateContactSuccess')
        failures.push(`${n}: ${JSON.stringify(answer.json)}`);
    }
  };
  // 250 callers, 8 mutations each: none comes near HighLevel's 10 a window, which is not what this tests.
  for (let n = 0; n < 250; n += 1) sim.addToken(`load-${n}-token-000001`, seed.locationId);
  await Promise.all(Array.from({ length: 20 }, worker));

  expect(failures).toEqual([]);
  for (const [index, replica] of replicas.entries()) {
    await until(() => sharedUp(replica));
    // One line for each outage (killed, then paused), not one per request.
    const warns = replica.logs.filter((line) => line.includes('"level":40')).slice(warnsBefore[index] ?? 0);
    expect(warns).toHaveLength(2);
    for (const warn of warns) expect(warn).toContain('shared state (Redis) unavailable');
  }
}, 60_000);
