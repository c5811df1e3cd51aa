/**
 * The HighLevel simulator as the benchmark's upstream, in a process of its own (forked with an IPC
 * channel). Seeded with the demo data, 200 callers (each a token, a location and a contact), 50
 * more contacts for `_entities`, a location of contacts to search and, with `--deletes`, contacts to
 * delete; the rate limit is lifted so the load is never refused. Answers
 * `stats` over IPC with the requests received since the last `stats`, and forgets them (the simulator
 * otherwise keeps every request for tests to inspect).
 */
import { DEMO_CUSTOM_FIELDS, seedDemoData } from '../src/dev/simulator/seed';
import { HighLevelSimulator } from '../src/dev/simulator/simulator';
import {
  BENCH_CALLERS,
  DELETE_POOL,
  deleteContactId,
  ENTITY_IDS,
  SEARCH_CALLER,
  SEARCH_CONTACT_COUNT,
  searchContact,
  type SimulatorMessage,
  type SimulatorStats,
} from './workloads';

async function main(): Promise<void> {
  const latencyMs = Number(process.argv[2] ?? '0');
  const deletes = process.argv.includes('--deletes');
  const sim = new HighLevelSimulator({ latencyMs, rateLimit: { max: 1e12, intervalMs: 10_000, daily: 1e15 } });
  const url = await sim.start(0, '127.0.0.1');
  const seed = seedDemoData(sim);
  for (const caller of BENCH_CALLERS) {
    sim.addToken(caller.token, caller.locationId);
    sim.addContact({ id: caller.contactId, locationId: caller.locationId, firstName: 'Bench' });
    for (const field of DEMO_CUSTOM_FIELDS) sim.addCustomField(caller.locationId, field);
  }
  for (const id of ENTITY_IDS) sim.addContact({ id, locationId: seed.locationId, firstName: 'Entity' });
  sim.addToken(SEARCH_CALLER.token, SEARCH_CALLER.locationId);
  for (let n = 1; n <= SEARCH_CONTACT_COUNT; n += 1) sim.addContact(searchContact(n));
  // Only for a run that measures deleteContact: a store this large makes every scenario's GC dearer.
  if (deletes)
    for (let n = 1; n <= DELETE_POOL; n += 1) sim.addContact({ id: deleteContactId(n), locationId: seed.locationId });

  process.on('message', (message: SimulatorMessage) => {
    if (message !== 'stats') return;
    const stats: SimulatorStats = { requests: sim.received.length, byMethod: {} };
    for (const request of sim.received) stats.byMethod[request.method] = (stats.byMethod[request.method] ?? 0) + 1;
    sim.clearReceived();
    process.send?.(stats);
  });
  process.send?.({ ready: url });
  process.on('disconnect', () => void sim.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
