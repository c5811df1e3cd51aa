import { createServer } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { loadConfig } from '../../src/config';
import type { GatewayContext } from '../../src/request/context';
import { buildPipeline, type GraphqlPipeline } from '../../src/execution/pipeline';
import { createLogger } from '../../src/logging/logger';
import { GatewayMetrics } from '../../src/observability/metrics';
import { OperationLog } from '../../src/observability/operation-log';
import { printGatewaySubgraphSchema } from '../../src/schema';

function pipelineFor(env: Record<string, string>): GraphqlPipeline {
  return buildPipeline({
    config: loadConfig(env),
    logger: createLogger('silent'),
    operations: new OperationLog(new GatewayMetrics()),
    httpServer: createServer(),
  });
}

/** The plugins Apollo Server holds once started (its own included) that the pipeline does not declare. */
async function undeclaredPlugins(pipeline: GraphqlPipeline, extra: ApolloServerPlugin<GatewayContext>[] = []) {
  const apollo = new ApolloServer<GatewayContext>({
    ...pipeline.apollo,
    plugins: [...(pipeline.apollo.plugins ?? []), ...extra],
  });
  await apollo.start();
  try {
    // Apollo Server keeps its plugins, the ones it installs by itself too, in its internals.
    const held = (apollo as unknown as { internals: { plugins: ApolloServerPlugin<GatewayContext>[] } }).internals
      .plugins;
    const declared = new Set(pipeline.plugins.map(({ plugin }) => plugin));
    // Apollo Server adds its default landing page to every server, marked as installed implicitly,
    // and drops it when another landing page is installed, as the pipeline's always is.
    const inert = (plugin: ApolloServerPlugin<GatewayContext>) =>
      (plugin as { __internal_installed_implicitly__?: boolean }).__internal_installed_implicitly__ === true;
    return held.filter((plugin) => !declared.has(plugin) && !inert(plugin));
  } finally {
    await apollo.stop();
  }
}

describe('the pipeline both execution paths share', () => {
  it.each([
    ['development', {}],
    ['production', { NODE_ENV: 'production' }],
  ])('declares every plugin Apollo Server runs in %s, its own included', async (_mode, env) => {
    expect(await undeclaredPlugins(pipelineFor(env))).toEqual([]);
  });

  it('declares every plugin even where Apollo Server would add reporting by itself (APOLLO_KEY)', async () => {
    const saved = { key: process.env.APOLLO_KEY, ref: process.env.APOLLO_GRAPH_REF };
    process.env.APOLLO_KEY = 'service:test:0123456789';
    process.env.APOLLO_GRAPH_REF = 'test@current';
    try {
      expect(await undeclaredPlugins(pipelineFor({}))).toEqual([]);
    } finally {
      if (saved.key === undefined) delete process.env.APOLLO_KEY;
      else process.env.APOLLO_KEY = saved.key;
      if (saved.ref === undefined) delete process.env.APOLLO_GRAPH_REF;
      else process.env.APOLLO_GRAPH_REF = saved.ref;
    }
  });

  it('finds a plugin added without a disposition', async () => {
    const audit: ApolloServerPlugin<GatewayContext> = { requestDidStart: async () => ({}) };
    expect(await undeclaredPlugins(pipelineFor({}), [audit])).toEqual([audit]);
  });

  it('gives every plugin a reason', () => {
    for (const { fastPath } of pipelineFor({ NODE_ENV: 'production' }).plugins)
      expect(fastPath.why.length).toBeGreaterThan(10);
  });

  it('hands a request for a federated trace to Apollo Server, and only such a request', () => {
    const pipeline = pipelineFor({});
    expect(pipeline.handsOver({ 'apollo-federation-include-trace': 'ftv1' })).toBe(true);
    expect(pipeline.handsOver({ 'content-type': 'application/json' })).toBe(false);
  });

  it('has no cache hints in the schema, so no-store is the answer on both paths', () => {
    expect(printGatewaySubgraphSchema()).not.toMatch(/cacheControl/i);
  });
});
