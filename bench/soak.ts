/**
 * `npm run bench:soak [-- --mutations 100000 --connections 32]`: a soak run. The HighLevel simulator
 * runs here; the gateway runs as its own process (dist/main.js), as in production, so its RSS is measured
 * alone. Sends `updateContact` from 200 tokens and reports the gateway's RSS after warm-up, every
 * 10,000 mutations and at the end. Every answer is checked; a run with errors says so and exits 1.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { HighLevelSimulator } from '../src/simulator/simulator';

const { values } = parseArgs({
  options: { mutations: { type: 'string', default: '100000' }, connections: { type: 'string', default: '32' } },
});
const MUTATIONS = Number(values.mutations);
const CONNECTIONS = Number(values.connections);
const WARM_UP = 2000;
const CALLERS = 200;
const QUERY =
  'mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { __typename ... on UpdateContactSuccess { contact { id lastName } } } }';

function rssMiB(pid: number): number {
  const line =
    readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:')) ?? '';
  return Math.round((Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024) * 10) / 10;
}

async function main(): Promise<void> {
  const sim = new HighLevelSimulator({ rateLimit: { max: 1e9, intervalMs: 10_000, daily: 1e12 } });
  const baseUrl = await sim.start();
  const callers = Array.from({ length: CALLERS }, (_, n) => ({
    token: `soak-token-${n}`,
    id: `soakContact${String(n).padStart(9, '0')}`,
  }));
  for (const [n, caller] of callers.entries()) {
    sim.addToken(caller.token, `soakLocation${n}`);
    sim.addContact({ id: caller.id, locationId: `soakLocation${n}`, firstName: 'Soak' });
  }

  // The built gateway (npm run build runs first), exactly as `npm start` runs it.
  const gateway = spawn(process.execPath, [join(__dirname, '../dist/main.js')], {
    // info logs nothing per request (upstream calls log at debug), so logging stays on without a cost here.
    env: {
      PATH: process.env.PATH,
      NODE_OPTIONS: process.env.GATEWAY_NODE_OPTIONS ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      HIGHLEVEL_BASE_URL: baseUrl,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = gateway.pid as number;
  let origin = '';
  for await (const line of createInterface({ input: gateway.stdout })) {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    if (entry.msg === 'gateway listening' && entry.url) {
      origin = new URL(entry.url).origin;
      break;
    }
  }
  gateway.stdout.resume(); // keep draining later log lines
  const pool = new Pool(origin, { connections: CONNECTIONS });

  let sent = 0;
  let errors = 0;
  const samples: { mutations: number; rssMiB: number }[] = [];
  const send = async (n: number) => {
    const caller = callers[n % CALLERS] as (typeof callers)[number];
    const response = await pool.request({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
      body: JSON.stringify({ query: QUERY, variables: { id: caller.id, input: { lastName: `n${n}` } } }),
    });
    const body = (await response.body.json()) as {
      data?: { updateContact?: { __typename: string; contact?: { id: string; lastName: string } } };
    };
    const result = body.data?.updateContact;
    if (
      response.statusCode !== 200 ||
      result?.__typename !== 'UpdateContactSuccess' ||
      result.contact?.id !== caller.id ||
      result.contact.lastName !== `n${n}`
    )
      errors += 1;
  };
  const run = async (total: number, onEvery?: (done: number) => void) => {
    let next = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < total) {
          await send(sent + next++);
          done += 1;
          if (done % 1000 === 0) sim.clearReceived(); // the simulator's log of requests is not what is measured
          onEvery?.(done);
        }
      }),
    );
    sent += total;
  };

  await run(WARM_UP);
  samples.push({ mutations: 0, rssMiB: rssMiB(pid) });
  const started = performance.now();
  await run(MUTATIONS, (done) => {
    if (done % 10_000 === 0) samples.push({ mutations: done, rssMiB: rssMiB(pid) });
  });
  const seconds = (performance.now() - started) / 1000;
  if (samples[samples.length - 1]?.mutations !== MUTATIONS) samples.push({ mutations: MUTATIONS, rssMiB: rssMiB(pid) });

  await pool.close();
  gateway.kill('SIGTERM');
  await sim.stop();

  const first = samples.find((s) => s.mutations >= 10_000) ?? samples[0];
  const last = samples[samples.length - 1];
  process.stdout.write(
    `\nSoak: ${MUTATIONS} updateContact mutations, ${CONNECTIONS} connections, ${CALLERS} tokens, ${Math.round(MUTATIONS / seconds)} req/s\n\n`,
  );
  process.stdout.write('| mutations | gateway RSS (MiB) |\n| ---: | ---: |\n');
  for (const sample of samples) process.stdout.write(`| ${sample.mutations} | ${sample.rssMiB} |\n`);
  process.stdout.write(
    `\nRSS growth from ${first?.mutations} to ${last?.mutations} mutations: ${Math.round(((last?.rssMiB ?? 0) - (first?.rssMiB ?? 0)) * 10) / 10} MiB; errors: ${errors}\n`,
  );
  if (errors > 0) {
    process.stdout.write("INVALID RUN: some answers were not the caller's own UpdateContactSuccess.\n");
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
