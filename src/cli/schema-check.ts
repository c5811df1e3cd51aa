/**
 * `npm run schema:check [-- --base <git ref>]`: compares the schema in the working tree with the one on
 * the main branch (graphql-inspector) and fails on breaking changes, unless each is acknowledged in
 * schema/acknowledged-breaking-changes.json (a list of `{ "path": ..., "reason": ... }`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { parse, type GraphQLSchema } from 'graphql';
import { loadTypeDefs, SCHEMA_DIR } from '../schema';

const ACKNOWLEDGED = join(SCHEMA_DIR, 'acknowledged-breaking-changes.json');

function git(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The schema as committed on `ref`, or undefined when the ref has none (a first commit). */
function schemaAt(ref: string): GraphQLSchema | undefined {
  const files = git(['ls-tree', '--name-only', ref, 'schema/'])
    .split('\n')
    .filter((file) => file.endsWith('.graphql'));
  if (files.length === 0) return undefined;
  const sdl = files
    .sort()
    .map((file) => git(['show', `${ref}:${file}`]))
    .join('\n');
  return buildSubgraphSchema(parse(sdl));
}

function defaultBase(): string {
  for (const ref of ['origin/main', 'main']) {
    try {
      git(['rev-parse', '--verify', '--quiet', ref]);
      return ref;
    } catch {
      // try the next
    }
  }
  throw new Error('no main branch to compare with; pass --base <ref>');
}

/** Every change from `before` to `after`, and the breaking ones not acknowledged by path. */
export async function compareSchemas(
  before: GraphQLSchema,
  after: GraphQLSchema,
  acknowledgedPaths: ReadonlySet<string>,
): Promise<{ changes: Change[]; unacknowledged: Change[] }> {
  const changes = await diff(before, after);
  const unacknowledged = changes.filter(
    (change) =>
      change.criticality.level === CriticalityLevel.Breaking && !acknowledgedPaths.has(change.path ?? change.message),
  );
  return { changes, unacknowledged };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  const base = values.base ?? defaultBase();
  const before = schemaAt(base);
  if (!before) {
    process.stdout.write(`schema:check: ${base} has no schema yet; nothing to compare.\n`);
    return;
  }
  const acknowledged = new Set(
    existsSync(ACKNOWLEDGED)
      ? (JSON.parse(readFileSync(ACKNOWLEDGED, 'utf8')) as { path: string }[]).map((entry) => entry.path)
      : [],
  );
  const { changes, unacknowledged } = await compareSchemas(before, buildSubgraphSchema(loadTypeDefs()), acknowledged);
  for (const change of changes) {
    process.stdout.write(`${change.criticality.level.padEnd(12)} ${change.path ?? ''}  ${change.message}\n`);
  }
  process.stdout.write(
    `schema:check against ${base}: ${changes.length} change(s), ${unacknowledged.length} breaking and not acknowledged.\n`,
  );
  if (unacknowledged.length > 0) {
    process.stdout.write(`Acknowledge a breaking change by adding its path to ${ACKNOWLEDGED} with a reason.\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`schema:check failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
