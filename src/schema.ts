/**
 * The executable schema: the SDL in schema/*.graphql (the source of truth) with src/resolvers, built
 * as an Apollo Federation 2 subgraph (adds `_service` and `_entities` for the router).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { recursiveInputTypes } from './execution/recursive-inputs';
import { unrollRecursiveInputs, useResolversOf } from './execution/unrolled-inputs';
import { resolvers } from './resolvers';

// schema/ sits beside src/ and dist/, so this holds for ts-jest (src/) and the build (dist/) alike.
export const SCHEMA_DIR = join(__dirname, '..', 'schema');

export function loadTypeDefs(dir: string = SCHEMA_DIR): DocumentNode {
  const sdl = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
  return parse(sdl);
}

/** The resolvers of one schema module, as buildSubgraphSchema's own signature declares them. */
type SubgraphResolvers = NonNullable<
  Exclude<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], DocumentNode>['resolvers']
>;

export function buildGatewaySchema(): GraphQLSchema {
  // Codegen's resolver types are stricter than the subgraph's generic map; they describe the same object.
  return buildSubgraphSchema([{ typeDefs: loadTypeDefs(), resolvers: resolvers as SubgraphResolvers }]);
}

/**
 * The copy of `schema` graphql-jit compiles against: its recursive input types unrolled, every resolver
 * `schema`'s own (src/execution/unrolled-inputs.ts). `schema` itself when it has no recursive input.
 */
export function buildCompileSchema(schema: GraphQLSchema): GraphQLSchema {
  const recursive = recursiveInputTypes(schema);
  if (recursive.size === 0) return schema;
  const typeDefs = unrollRecursiveInputs(loadTypeDefs(), recursive);
  return useResolversOf(schema, buildSubgraphSchema([{ typeDefs, resolvers: resolvers as SubgraphResolvers }]));
}

/** The subgraph SDL as the router sees it (what `_service { sdl }` serves). */
export function printGatewaySubgraphSchema(): string {
  return printSubgraphSchema(buildGatewaySchema());
}
