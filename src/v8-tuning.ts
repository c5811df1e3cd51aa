/**
 * Two V8 settings for the gateway process, applied before the rest is loaded (main.ts imports this
 * module first); the same as starting node with `--no-allocation-site-pretenuring` and
 * `--no-compilation-cache`, but it also holds when the process is started as `node dist/main.js`.
 *
 * Allocation-site pretenuring makes V8 allocate straight into the old generation the objects of any
 * allocation site whose objects once survived young-generation collections at a high rate. Under
 * load, a request's objects do survive a collection while its upstream call is in flight, so V8
 * pretenured sites whose objects usually die with the request; only full collections freed them.
 * With the heuristic off, they die young and cheaply (README "Performance" has the measurements).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');

// V8 keeps the code of every `new Function` in its compilation cache, keyed by the source, until a
// collection made to free all it can: graphql-jit compiles each operation so, and each document a
// caller sends (a comment or an alias is enough) is new source. With the cache, a caller's distinct
// documents would grow the heap without a bound; without it, a compiled query is freed with its
// cache entry. The cache saves nothing else here: each module is compiled once anyway.
setFlagsFromString('--no-compilation-cache');
