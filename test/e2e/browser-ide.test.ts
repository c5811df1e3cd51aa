/**
 * The IDEs in a real browser with no internet (Debian's chromium, every host but loopback
 * unresolvable: test/support/chromium.ts), against a gateway set up as the demo's. GraphiQL at
 * /graphiql loads everything from the gateway and runs the pre-filled mutation; the landing page,
 * whose Apollo Sandbox cannot load offline, says where GraphiQL is.
 */
import type { Browser } from 'playwright-core';
import { demoIdeDefaults } from '../../src/dev/demo-operations';
import { launchOffline, recordingPage } from '../support/chromium';
import { startStack, type Stack } from './harness';

/** Chromium's first start on a busy machine, and GraphiQL's first render, take seconds. */
const WITHIN_MS = 20_000;

let browser: Browser;
let stack: Stack;
let origin: string;

beforeAll(async () => {
  [browser, stack] = await Promise.all([
    launchOffline(),
    startStack({ ideDefaults: (seed) => demoIdeDefaults(seed.contactIds[0] ?? '', seed.token) }),
  ]);
  origin = new URL(stack.gateway.url).origin;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('GraphiQL opens pre-filled from the gateway alone and runs the mutation when its button is clicked', async () => {
  const { page, requested } = await recordingPage(browser);
  await page.goto(`${origin}/graphiql`);
  const run = page.locator('.graphiql-execute-button');
  await run.waitFor({ timeout: WITHIN_MS });
  stack.sim.reset();
  await run.click();
  const result = page.locator('.result-window');
  await result.getByText('"UpdateContactSuccess"').waitFor({ timeout: WITHIN_MS });
  expect(await result.textContent()).toContain('"city": "Dolomite"');

  // HighLevel was called once, with the demo token from GraphiQL's headers editor.
  const puts = stack.sim.received.filter((request) => request.method === 'PUT');
  expect(puts).toHaveLength(1);
  expect(puts[0]?.headers.authorization).toBe(`Bearer ${stack.seed.token}`);
  expect(puts[0]?.body).toMatchObject({ city: 'Dolomite', tags: ['demo', 'vip'] });
  // Nothing but the gateway: the page, its four files, the schema's introspection and the mutation.
  expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(requested).toContain(`${origin}/graphiql/graphiql.js`);
  await page.close();
});

it('the landing page, offline, says where the offline IDE is, and its link opens it', async () => {
  const { page, requested } = await recordingPage(browser);
  await page.goto(stack.gateway.url);
  const note = page.getByText('No internet? This gateway serves its own GraphiQL');
  await note.waitFor({ timeout: WITHIN_MS });
  // What Sandbox's page asks of the internet, as docs/api.md lists it (its frame, from
  // sandbox.embed.apollographql.com, only comes once its script has loaded).
  const outside = new Set(requested.map((url) => new URL(url).host).filter((host) => host !== new URL(origin).host));
  expect([...outside].sort()).toEqual([
    'apollo-server-landing-page.cdn.apollographql.com',
    'embeddable-sandbox.cdn.apollographql.com',
    'fonts.googleapis.com',
  ]);
  await page.getByRole('link', { name: '/graphiql' }).click();
  await page.locator('.graphiql-execute-button').waitFor({ timeout: WITHIN_MS });
  expect(page.url()).toBe(`${origin}/graphiql`);
  await page.close();
});
