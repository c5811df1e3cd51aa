import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { seedDemoData } from '../../src/simulator/seed';
import { HighLevelSimulator } from '../../src/simulator/simulator';
import { UPDATE_CONTACT } from './harness';

it('on SIGTERM, the server process drops no in-flight request and no log line, then exits 0', async () => {
  const sim = new HighLevelSimulator({ latencyMs: 300 });
  const baseUrl = await sim.start();
  const seed = seedDemoData(sim);
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, '../support/register-ts.js'), join(__dirname, '../../src/main.ts')],
    {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', HIGHLEVEL_BASE_URL: baseUrl, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const entries: { msg: string; url?: string }[] = [];
    const lines = createInterface({ input: child.stdout });
    const closed = once(lines, 'close');
    const url = await new Promise<string>((resolve) => {
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as { msg: string; url?: string };
        entries.push(entry);
        if (entry.msg === 'gateway listening' && entry.url) resolve(entry.url);
      });
    });
    const inFlight = Array.from({ length: 30 }, (_, n) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seed.token}` },
        body: JSON.stringify({
          query: UPDATE_CONTACT,
          variables: { id: seed.contactIds[n % 3], input: { lastName: `n${n}` } },
        }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { data: { updateContact: { __typename: string } } },
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    const [code] = (await once(child, 'exit')) as [number | null];

    expect(answers.map((answer) => answer.status)).toEqual(Array(30).fill(200));
    expect(new Set(answers.map((answer) => answer.body.data.updateContact.__typename))).toEqual(
      new Set(['UpdateContactSuccess']),
    );
    expect(code).toBe(0);
    expect(sim.received).toHaveLength(30);
    // Every operation's log line reached standard output, though the process exited right after.
    await closed;
    expect(entries.filter((entry) => entry.msg === 'graphql operation')).toHaveLength(30);
    expect(entries.map((entry) => entry.msg)).toContain('shutting down');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await sim.stop();
  }
});
