/**
 * When the bookkeeping of a round of I/O (log lines, metrics) runs: after the round's answers and its
 * upstream requests are on their way.
 *
 * A first setImmediate runs in this round's check phase, but so do the upstream writes: undici writes
 * a request on a reused keep-alive socket from an immediate it queues when the request is dispatched
 * (its fix for GHSA-35p6-xmwp-9g52). Bookkeeping queued earlier in the round would run before them and
 * hold every upstream request of a burst back by its cost (with many answers landing at once). The second
 * setImmediate, queued from the first, runs in the next round's check phase, behind them.
 */
export function afterRound(work: () => void): void {
  setImmediate(setImmediate, work);
}
