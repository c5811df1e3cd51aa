/**
 * `npm run supergraph:compose`: composes the subgraphs listed in supergraph.yaml (rover's format) into
 * a supergraph schema with @apollo/composition, offline: nothing is downloaded, unlike
 * `rover supergraph compose`, which fetches a composition plugin first.
 *
 *   node -r ./test/support/register-ts.js examples/supergraph/compose.ts \
 *     [--config examples/supergraph/supergraph.yaml] [--out examples/supergraph/supergraph.graphql] \
 *     [--url contacts=http://127.0.0.1:4000/graphql ...]
 *
 * `--url` replaces a subgraph's routing URL (where the router will send its requests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';

interface SubgraphEntry {
  routing_url?: unknown;
  schema?: { file?: unknown };
}

export interface ComposeOptions {
  config: string;
  out: string;
  urls?: Record<string, string>;
}

/** Composes and writes the supergraph; answers the subgraphs' names and routing URLs. */
export function composeSupergraph({ config, out, urls = {} }: ComposeOptions): Record<string, string> {
  const parsed = parseYaml(readFileSync(config, 'utf8')) as { subgraphs?: Record<string, SubgraphEntry> };
  const entries = Object.entries(parsed.subgraphs ?? {});
  if (entries.length === 0) throw new Error(`${config} lists no subgraphs`);
  const services = entries.map(([name, entry]) => {
    const file = entry.schema?.file;
    const url = urls[name] ?? entry.routing_url;
    if (typeof file !== 'string' || typeof url !== 'string')
      throw new Error(`subgraph ${name}: schema.file and routing_url must be strings`);
    return { name, url, typeDefs: parse(readFileSync(resolve(dirname(config), file), 'utf8')) };
  });
  const composed = composeServices(services);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  writeFileSync(out, composed.supergraphSdl);
  return Object.fromEntries(services.map(({ name, url }) => [name, url]));
}

if (require.main === module) {
  try {
    const { values } = parseArgs({
      options: {
        config: { type: 'string', default: join(__dirname, 'supergraph.yaml') },
        out: { type: 'string', default: join(__dirname, 'supergraph.graphql') },
        url: { type: 'string', multiple: true, default: [] },
      },
    });
    const urls = Object.fromEntries(
      values.url.map((pair) => {
        const at = pair.indexOf('=');
        if (at <= 0) throw new Error(`--url must be name=URL, not ${pair}`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    );
    const subgraphs = composeSupergraph({ config: values.config, out: values.out, urls });
    process.stdout.write(
      `composed ${values.out} from ${Object.entries(subgraphs)
        .map(([name, url]) => `${name} (${url})`)
        .join(', ')}\n`,
    );
  } catch (error) {
    process.stderr.write(`supergraph:compose: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
