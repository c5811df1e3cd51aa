/**
 * The V8 settings the gateway is tuned for. They are command-line flags (Node allows neither in
 * NODE_OPTIONS, and setting them once the process runs is undefined behaviour): `npm start` passes
 * them, as do the benchmark and the tests that start the gateway as a process of its own, and
 * src/cli/main.ts warns at start-up when one is missing. test/unit/node-flags.test.ts keeps package.json's
 * scripts in step with this list.
 *
 * - `--no-allocation-site-pretenuring`: V8 allocates straight into the old generation the objects of
 *   any allocation site whose objects once survived young-generation collections at a high rate.
 *   Under load a request's objects do survive a collection while its upstream call is in flight, so
 *   V8 would pretenure sites whose objects usually die with the request, and only full collections
 *   would free them. Without the heuristic they die young and cheaply.
 * - `--no-compilation-cache`: V8 keeps the code of every `new Function` in its compilation cache,
 *   keyed by its source, until a collection made to free all it can. graphql-jit compiles each
 *   operation so, and each document a caller sends (a comment or an alias is enough) is new source:
 *   with the cache, distinct documents would grow the heap without a bound; without it, a compiled
 *   query is freed with its cache entry. The cache saves nothing else here: each module is compiled
 *   once anyway.
 *
 * docs/performance.md has the measurements.
 */
export const GATEWAY_NODE_FLAGS = ['--no-allocation-site-pretenuring', '--no-compilation-cache'] as const;

/** The flags missing from a process started with `execArgv`. */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return GATEWAY_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
