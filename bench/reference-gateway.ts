/**
 * The issue's yardstick, measured on the same machine against the same simulator: Apollo Server 5's
 * standalone server with one undici resolver, and nothing else (no limits, logging, metrics, error
 * mapping or isolation beyond the token it forwards). Issue 6 quotes 0.17-0.20 for it at 32
 * connections, CPU ratio 5.6; `npm run bench -- --reference` runs the updateContact scenarios through it
 * instead of the gateway, which shows whether the simulator is a fair stand-in for that figure (a
 * costlier upstream would flatter every gateway's ratio).
 *
 * Not the gateway's code and not a model for it: the smallest server that answers the benchmark's
 * mutation. Started by bench/processes.ts with the upstream URL as its argument; reports its URL over IPC.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Pool } from 'undici';

const typeDefs = `#graphql
  type Query {
    "Unused: a schema needs a query type."
    ok: Boolean
  }
  input CustomFieldValueInput {
    text: String
  }
  input CustomFieldInput {
    id: ID!
    value: CustomFieldValueInput
  }
  input UpdateContactInput {
    firstName: String
    lastName: String
    email: String
    phone: String
    address1: String
    city: String
    state: String
    postalCode: String
    website: String
    timezone: String
    tags: [String!]
    customFields: [CustomFieldInput!]
  }
  type CustomField {
    id: ID!
  }
  type Contact {
    id: ID!
    firstName: String
    lastName: String
    email: String
    phone: String
    tags: [String!]
    dateUpdated: String
    customFields: [CustomField!]
  }
  type UpdateContactSuccess {
    contact: Contact!
  }
  interface DisplayableError {
    code: String!
    message: String!
  }
  type UpstreamError implements DisplayableError {
    code: String!
    message: String!
  }
  union UpdateContactResult = UpdateContactSuccess | UpstreamError
  type Mutation {
    updateContact(id: ID!, input: UpdateContactInput!): UpdateContactResult!
  }
`;

interface Context {
  authorization: string;
}
interface UpdateArgs {
  id: string;
  input: Record<string, unknown> & { customFields?: { id: string; value?: { text?: string } }[] };
}

async function main(): Promise<void> {
  const upstream = process.argv[2];
  if (!upstream) throw new Error('usage: reference-gateway.ts <upstream url>');
  const pool = new Pool(upstream, { connections: 256 });

  const server = new ApolloServer<Context>({
    typeDefs,
    resolvers: {
      UpdateContactResult: {
        __resolveType: (result: { __typename: string }) => result.__typename,
      },
      Mutation: {
        updateContact: async (_root: unknown, { id, input }: UpdateArgs, { authorization }: Context) => {
          const body = {
            ...input,
            customFields: input.customFields?.map((field) => ({ id: field.id, field_value: field.value?.text })),
          };
          const response = await pool.request({
            method: 'PUT',
            path: `/contacts/${encodeURIComponent(id)}`,
            headers: { authorization, version: '2021-07-28', 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          const json = (await response.body.json()) as { contact?: unknown };
          return response.statusCode === 200 && json.contact
            ? { __typename: 'UpdateContactSuccess', contact: json.contact }
            : { __typename: 'UpstreamError', code: 'UPSTREAM', message: `HighLevel answered ${response.statusCode}` };
        },
      },
    },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization ?? '' }),
  });
  process.send?.({ ready: new URL(url).origin });
}

main().catch((error: unknown) => {
  process.stderr.write(`reference gateway failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
