/**
 * `npm run schema:print [-- <file>]`: writes the subgraph SDL (default `dist/contacts.subgraph.graphql`)
 * for `rover subgraph publish` and composition checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { printGatewaySubgraphSchema } from '../schema';

const target = resolve(process.argv[2] ?? 'dist/contacts.subgraph.graphql');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, printGatewaySubgraphSchema());
process.stdout.write(`wrote the subgraph SDL to ${target}\n`);
