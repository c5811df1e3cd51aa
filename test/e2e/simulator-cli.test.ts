/**
 * `npm run simulator` as a person uses it: its own process, a gateway pointed at it, and each error
 * member reached by following what it prints (the fault bodies are read from its output, not
 * restated here); what it received, its reset, and its rate-limit option.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { startGateway, type RunningGateway } from '../../src/server';
import { until } from '../support/until';

const MAIN = join(__dirname, '../../src/dev/simulator/main.ts');
const REGISTER = join(__dirname, '../support/register-ts.js');

interface Simulator {
  child: ChildProcess;
  lines: string[];
  url: string;
}

async function startSimulator(...args: string[]): Promise<Simulator> {
  const child = spawn(process.execPath, ['-r', REGISTER, MAIN, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  await until(() => lines.some((line) => line.startsWith('Ctrl-C')), 20_000);
  const url = /^HighLevel simulator at (\S+)/.exec(lines[0] ?? '')?.[1] ?? '';
  return { child, lines, url };
}

async function stop(simulator: Simulator): Promise<void> {
  const exited = once(simulator.child, 'exit');
  simulator.child.kill('SIGTERM');
  await exited;
}

/** The JSON after `-d` on the printed line naming `member`. */
function printedFault(lines: string[], member: string): string {
  const line = lines.find((candidate) => candidate.trimStart().startsWith(member) && candidate.includes(' -d '));
  const body = /-d '([^']+)'/.exec(line ?? '')?.[1];
  if (!body) throw new Error(`no printed fault for ${member}`);
  return body;
}

function printed(lines: string[], label: string): string {
  const line = lines.find((candidate) => candidate.trimStart().startsWith(label)) ?? '';
  return line.trimStart().slice(label.length).trim().split(/\s+/)[0] ?? '';
}

const UPDATE = `mutation($id: ID!) { updateContact(id: $id, input: { city: "Paris" }) {
  __typename ... on DisplayableError { code } } }`;
const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  __typename ... on DisplayableError { code } } }`;

let simulator: Simulator;
let gateway: RunningGateway;
let token: string;
let contactId: string;

beforeAll(async () => {
  simulator = await startSimulator();
  token = printed(simulator.lines, 'token');
  contactId = printed(simulator.lines, 'contact ids').replace(/,$/, '');
  gateway = await startGateway({
    config: loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HIGHLEVEL_BASE_URL: simulator.url,
      UPSTREAM_TIMEOUT_MS: '1000',
    }),
    logger: createLogger('silent'),
  });
}, 30_000);
afterAll(async () => {
  await gateway?.stop();
  if (simulator) await stop(simulator);
});

async function run(query: string, variables: Record<string, unknown>, bearer = token) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const { data } = (await response.json()) as { data: Record<string, { __typename: string; code?: string }> };
  return Object.values(data)[0];
}

async function queue(member: string): Promise<void> {
  const response = await fetch(`${simulator.url}/_simulator/faults`, {
    method: 'POST',
    body: printedFault(simulator.lines, member),
  });
  expect(response.status).toBe(200);
}

it('prints how to reach each error member, and following it reaches each one', async () => {
  expect(await run(UPDATE, { id: contactId })).toEqual({ __typename: 'UpdateContactSuccess' });
  expect(await run(UPDATE, { id: contactId }, 'not-a-demo-token')).toEqual({
    __typename: 'UnauthorizedError',
    code: 'INVALID_TOKEN',
  });
  expect(await run(UPDATE, { id: printed(simulator.lines, 'other location') })).toMatchObject({
    __typename: 'ForbiddenError',
  });
  expect(await run(UPDATE, { id: 'noSuchContact0000001' })).toMatchObject({ __typename: 'NotFoundError' });
  const locationId = /location (\S+)\)/.exec(simulator.lines.find((line) => line.includes('token')) ?? '')?.[1];
  expect(await run(CREATE, { input: { locationId, email: 'rosan@deos.com' } })).toMatchObject({
    __typename: 'DuplicateContactError',
  });

  const queued: [string, { __typename: string; code?: string }][] = [
    ['ValidationError', { __typename: 'ValidationError', code: 'UNPROCESSABLE' }],
    ['RateLimitedError', { __typename: 'RateLimitedError', code: 'RATE_LIMITED' }],
    ['UpstreamError (UPSTREAM_UNAVAILABLE)', { __typename: 'UpstreamError', code: 'UPSTREAM_UNAVAILABLE' }],
    ['UpstreamError (UPSTREAM_TIMEOUT)', { __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT' }],
  ];
  for (const [member, expected] of queued) {
    await queue(member);
    expect(await run(UPDATE, { id: contactId })).toEqual(expected);
  }
  // And the rest of docs/simulator.md's table.
  for (const [fault, code] of [
    ['{"kind":"reset"}', 'UPSTREAM_UNREACHABLE'],
    ['{"kind":"garbage"}', 'UPSTREAM_BAD_RESPONSE'],
  ] as const) {
    await fetch(`${simulator.url}/_simulator/faults`, { method: 'POST', body: fault });
    expect(await run(UPDATE, { id: contactId })).toEqual({ __typename: 'UpstreamError', code });
  }
  // Each fault was used up: the next call goes through.
  expect(await run(UPDATE, { id: contactId })).toEqual({ __typename: 'UpdateContactSuccess' });
}, 30_000);

it('lists what it received with tokens shortened, and starts over on reset', async () => {
  await fetch(`${simulator.url}/_simulator/reset`, { method: 'POST' });
  await run(UPDATE, { id: contactId });
  const received = (await (await fetch(`${simulator.url}/_simulator/received?last=5`)).json()) as {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: unknown;
  }[];
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ method: 'PUT', path: `/contacts/${contactId}`, body: { city: 'Paris' } });
  expect(received[0]?.headers.authorization).toBe(`Bearer ${token.slice(0, 6)}…`);
  expect(JSON.stringify(received)).not.toContain(token);
  const refused = await fetch(`${simulator.url}/_simulator/faults`, { method: 'POST', body: '{"kind":"fire"}' });
  expect(refused.status).toBe(400);
});

it('holds a given limit with --rate-limit, and none with --rate-limit none', async () => {
  const remaining = async (sim: Simulator) => {
    const response = await fetch(`${sim.url}/contacts/${contactId}`, {
      headers: { authorization: `Bearer ${token}`, version: '2021-07-28' },
    });
    return [response.status, response.headers.get('x-ratelimit-remaining')];
  };
  const tight = await startSimulator('--rate-limit', '1/10000/100');
  const lifted = await startSimulator('--rate-limit', 'none');
  try {
    expect(await remaining(tight)).toEqual([200, '0']);
    expect((await remaining(tight))[0]).toBe(429);
    for (let n = 0; n < 150; n += 1) expect((await remaining(lifted))[0]).toBe(200);
    expect(lifted.lines).toContain('  rate limit      none (--rate-limit none)');
  } finally {
    await Promise.all([stop(tight), stop(lifted)]);
  }
}, 60_000);
