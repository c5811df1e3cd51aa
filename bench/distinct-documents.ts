/**
 * `npm run bench -- --distinct-documents`: what callers can make the gateway hold by sending documents.
 * After a warm-up on the operations a frontend sends, a flood of documents that differ only in a
 * comment or an alias, down every path that caches by request content: 300,000 distinct `{ __typename }`
 * POSTs with no token (never kept), 20,000 distinct copies of the updateContact mutation sent twice
 * each with a made-up token (kept and compiled: the fast path's cache), 20,000 distinct GETs (Apollo
 * Server's document store) and 20,000 distinct persisted-query registrations (the APQ cache). The gateway's RSS is followed throughout; the known
 * operation's throughput is measured before and after.
 *
 * Targets: RSS after the 300,000 documents, and after the mutations, within 64 MiB above its level
 * after the warm-up plus the configured cache sizes; the known operation at least 0.9 of its speed
 * before the floods.
 */
import { createHash } from 'node:crypto';
import { runLoad } from './load';
import { heapUsedMiB, rssMiB, type GatewayProcess, type SimulatorProcess } from './processes';
import { UPDATE, type BenchRequest, type Scenario } from './workloads';

// The gateway's defaults (docs/operations.md, "Configuration"): DOCUMENT_CACHE_BYTES, a quarter of it again for
// Apollo Server's document store, APQ_CACHE_BYTES.
const CONFIGURED_CACHE_MIB = 32 + 8 + 8;
const RSS_SLACK_MIB = 64;
const MIN_SPEED_RATIO = 0.9;
const QUIET_SECONDS = 15;

const post = (body: string, token?: string): BenchRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body,
});

interface Flood {
  name: string;
  requests: number;
  request: (n: number) => BenchRequest;
  marker: string;
}

const FLOODS: Flood[] = [
  {
    name: 'distinct `{ __typename }` documents, no token',
    requests: 300_000,
    request: (n) => post(`{"query":"{ __typename } #${n}"}`),
    marker: '"__typename":"Query"',
  },
  {
    // With a well-formed token the documents are kept and compiled; the empty input is refused before any
    // upstream call.
    name: 'distinct copies of the updateContact mutation, each twice (kept and compiled), a made-up token',
    requests: 40_000,
    request: (n) =>
      post(
        JSON.stringify({
          query: UPDATE.replace('updateContact(', `u${Math.floor(n / 2)}: updateContact(`),
          variables: { id: 'ocQHyuzHvysMo5N5VsXc', input: {} },
        }),
        'made-up-token-0123456789',
      ),
    marker: '"INVALID_INPUT"',
  },
  {
    name: 'distinct GET documents (Apollo Server document store)',
    requests: 20_000,
    request: (n) => ({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(`{ __typename } #get ${n}`)}`,
      headers: { 'apollo-require-preflight': 'true' },
    }),
    marker: '"__typename":"Query"',
  },
  {
    name: 'distinct persisted-query registrations (APQ cache)',
    requests: 20_000,
    request: (n) => {
      const query = `{ __typename } #apq ${n}`;
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      return post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    },
    marker: '"__typename":"Query"',
  },
];

export interface DistinctDocumentsResult {
  samples: { after: string; requests: number; rssMiB: number; heapUsedMiB: number }[];
  knownBefore: number;
  knownAfter: number;
  speedRatio: number;
  /** The larger RSS growth after the first two floods, which the target bounds. */
  rssGrowthMiB: number;
  peakGrowthMiB: number;
  finalGrowthMiB: number;
  rssLimitMiB: number;
  bad: number;
  passed: boolean;
  lines: string[];
}

export async function distinctDocuments(
  { gateway, simulator }: { gateway: GatewayProcess; simulator: SimulatorProcess },
  known: Scenario,
  durationSeconds: number,
): Promise<DistinctDocumentsResult> {
  // The best of three runs: on a shared machine a single run can lose a tenth to a neighbour.
  const knownLoad = async () => {
    let best = { perSecond: 0 };
    for (let run = 0; run < 3; run += 1) {
      const result = await runLoad({
        url: gateway.url,
        connections: 32,
        durationSeconds,
        request: known.gateway,
        marker: known.gatewayMarker,
      });
      if (result.perSecond > best.perSecond) best = result;
    }
    return best;
  };
  // Warm-up: the known operation only.
  await runLoad({ url: gateway.url, connections: 32, amount: 20_000, request: known.gateway });
  const knownBefore = (await knownLoad()).perSecond;
  await simulator.stats();
  const sample = async (after: string, requests: number) => ({
    after,
    requests,
    rssMiB: rssMiB(gateway.pid),
    heapUsedMiB: await heapUsedMiB(gateway),
  });
  const samples = [await sample('warm-up', 0)];
  let bad = 0;
  let sent = 0;
  for (const flood of FLOODS) {
    const step = 50_000;
    for (let done = 0; done < flood.requests; done += step) {
      const amount = Math.min(step, flood.requests - done);
      const result = await runLoad({
        url: gateway.url,
        connections: 32,
        amount,
        request: (n) => flood.request(done + n),
        marker: flood.marker,
      });
      bad += result.bad;
      sent += amount;
      const taken = await sample(flood.name, sent);
      samples.push(taken);
      process.stdout.write(
        `  ${sent} requests (${flood.name}): RSS ${taken.rssMiB} MiB, heap ${taken.heapUsedMiB} MiB\n`,
      );
    }
  }
  // V8 collects the old generation in full only once allocation slows down (its memory reducer):
  // what is left after a quiet spell is what the gateway holds.
  await new Promise((resolve) => setTimeout(resolve, QUIET_SECONDS * 1000));
  samples.push(await sample(`${QUIET_SECONDS} s without requests`, sent));
  const upstream = (await simulator.stats()).requests;
  const knownAfter = (await knownLoad()).perSecond;
  const baseline = samples[0]?.rssMiB ?? 0;
  const rssLimitMiB = RSS_SLACK_MIB + CONFIGURED_CACHE_MIB;
  // The target is the issue's: RSS after each of its two floods (300,000 distinct documents; the
  // distinct mutations). The RSS after the others, and at the end, are reported beside it.
  const growthAfter = (flood: Flood | undefined) =>
    (samples.filter((taken) => taken.after === flood?.name).at(-1)?.rssMiB ?? Number.NaN) - baseline;
  const checked = FLOODS.slice(0, 2).map((flood) => ({ flood, growth: growthAfter(flood) }));
  const rssGrowthMiB = Math.max(...checked.map(({ growth }) => growth));
  const peakGrowthMiB = Math.max(...samples.map((taken) => taken.rssMiB)) - baseline;
  const finalGrowthMiB = (samples.at(-1)?.rssMiB ?? Number.NaN) - baseline;
  const speedRatio = knownAfter / knownBefore;
  const passed = rssGrowthMiB <= rssLimitMiB && speedRatio >= MIN_SPEED_RATIO && bad === 0 && upstream === 0;
  const lines = [
    `Distinct documents: ${sent} requests in ${FLOODS.length} floods, 32 connections`,
    '',
    '| after | requests | gateway RSS MiB | gateway heap used MiB |',
    '| --- | ---: | ---: | ---: |',
    ...samples.map((taken) => `| ${taken.after} | ${taken.requests} | ${taken.rssMiB} | ${taken.heapUsedMiB} |`),
    '',
    ...checked.map(
      ({ flood, growth }) =>
        `${growth <= rssLimitMiB ? 'PASS' : 'MISS'}  RSS after ${flood.name} (${flood.requests.toLocaleString('en-US')} requests): +${growth.toFixed(1)} MiB over the warm-up (target <= ${RSS_SLACK_MIB} + ${CONFIGURED_CACHE_MIB} configured)`,
    ),
    `      RSS at its highest: +${peakGrowthMiB.toFixed(1)} MiB; after every flood and ${QUIET_SECONDS} s without requests: +${finalGrowthMiB.toFixed(1)} MiB`,
    `${speedRatio >= MIN_SPEED_RATIO ? 'PASS' : 'MISS'}  ${known.name} @32 after / before: ${Math.round(knownAfter)} / ${Math.round(knownBefore)} req/s = ${speedRatio.toFixed(3)} (target >= ${MIN_SPEED_RATIO})`,
    `bad answers: ${bad}; upstream requests during the flood: ${upstream}`,
  ];
  return {
    samples,
    knownBefore,
    knownAfter,
    speedRatio,
    rssGrowthMiB,
    peakGrowthMiB,
    finalGrowthMiB,
    rssLimitMiB,
    bad,
    passed,
    lines,
  };
}
