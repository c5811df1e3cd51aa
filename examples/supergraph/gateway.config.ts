/**
 * Hive Gateway in front of the example supergraph:
 *
 *   cd examples/supergraph && CONTACTS_ROUTER_SECRET=... npx hive-gateway supergraph supergraph.graphql
 *
 * The caller's Authorization header goes to every subgraph through `propagateHeaders`, which sets it on
 * the subgraph request before anything else sees it. Not from an `onFetch` hook: Hive Gateway merges
 * identical subgraph requests in flight at once, and a header added after that merge lets one caller's
 * request stand in for another's (another caller's contact in the answer). Any response or entity cache
 * in front of the contacts subgraph must key on the token too.
 */
import { defineConfig } from '@graphql-hive/gateway';

/** The contacts gateway's ROUTER_SECRET: sent as Router-Authorization to it, and to no other subgraph. */
const routerSecret = process.env.CONTACTS_ROUTER_SECRET;

export const gatewayConfig = defineConfig({
  supergraph: './supergraph.graphql',
  propagateHeaders: {
    fromClientToSubgraphs({ request, subgraphName }) {
      const headers: Record<string, string> = {};
      const authorization = request.headers.get('authorization');
      if (authorization) headers.authorization = authorization;
      if (subgraphName === 'contacts' && routerSecret) headers['router-authorization'] = routerSecret;
      return headers;
    },
  },
});
