/**
 * A concurrency limit: at most `concurrency` tasks run at once, the rest wait in order. One is made per
 * request, so one large `_entities` call cannot burst past HighLevel's rate limit by itself, while
 * other callers' requests are not held back by it.
 */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimit(concurrency: number): Limit {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < concurrency) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing task hands over its slot
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
