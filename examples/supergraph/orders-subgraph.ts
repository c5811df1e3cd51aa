/**
 * The foreign subgraph of the example: orders that refer to contacts by id, served by Apollo Server
 * as a Federation 2 subgraph. A stand-in for a team's own service.
 *
 *   ORDERS_PORT=4001 ORDER_CONTACT_IDS=ocQHyuzHvysMo5N5VsXc,seD4PfOuKoVMLkEZqohJ \
 *     node -r ./test/support/register-ts.js examples/supergraph/orders-subgraph.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export const ORDERS_SDL = readFileSync(join(__dirname, 'orders.graphql'), 'utf8');

export interface OrdersSubgraph {
  url: string;
  stop(): Promise<void>;
}

/** Serves one order per contact id, in order (ids may repeat: several orders of one contact). */
export async function startOrdersSubgraph(contactIds: () => readonly string[], port = 0): Promise<OrdersSubgraph> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema([
      {
        typeDefs: parse(ORDERS_SDL),
        resolvers: {
          Query: { orders: () => contactIds().map((id, n) => ({ id: `order-${n + 1}`, contact: { id } })) },
        },
      },
    ]),
    // No router here asks for federated traces.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

if (require.main === module) {
  const ids = (process.env.ORDER_CONTACT_IDS ?? 'ocQHyuzHvysMo5N5VsXc,seD4PfOuKoVMLkEZqohJ').split(',');
  startOrdersSubgraph(() => ids, Number(process.env.ORDERS_PORT ?? 4001)).then(
    ({ url }) => process.stdout.write(`orders subgraph at ${url}\n`),
    (error: unknown) => {
      process.stderr.write(`orders subgraph failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
