/**
 * The GraphQL-over-HTTP spec audits from the `graphql-http` package, against the real server.
 * Every MUST passes; the SHOULD/MAY audits that do not are pinned here and explained in docs/operations.md.
 */
import { auditServer, type AuditResult } from 'graphql-http';
import { startStack, type Stack } from './harness';

let stack: Stack;
let results: AuditResult[];
beforeAll(async () => {
  stack = await startStack();
  results = await auditServer({ url: stack.gateway.url });
});
afterAll(() => stack.stop());

describe('GraphQL over HTTP audit (graphql-http)', () => {
  it('passes every MUST audit', () => {
    const must = results.filter((result) => result.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    expect(
      must
        .filter((result) => result.status !== 'ok')
        .map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`),
    ).toEqual([]);
  });

  it('fails only the SHOULD/MAY audits docs/operations.md lists', () => {
    const failing = results
      .filter((result) => result.status !== 'ok')
      .map((result) => `${result.id} ${result.name}`)
      .sort();
    expect(failing).toMatchSnapshot();
  });

  it('called nothing upstream', () => {
    expect(stack.sim.received).toHaveLength(0);
  });
});
