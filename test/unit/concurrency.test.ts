import { createLimit } from '../../src/request/concurrency';

interface Gate {
  promise: Promise<string>;
  open: (value: string) => void;
  fail: (error: Error) => void;
}

function gate(): Gate {
  let open!: (value: string) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimit', () => {
  it('runs at most `concurrency` tasks at once, the rest in the order they came', async () => {
    const limit = createLimit(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const results = gates.map((g, i) =>
      limit(() => {
        started.push(i);
        return g.promise;
      }),
    );
    await turn();
    expect(started).toEqual([0, 1]);
    gates[1]?.open('b');
    await turn();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.open('a');
    gates[2]?.open('c');
    gates[3]?.open('d');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('frees the slot of a task that fails, whether it rejects or throws before returning a promise', async () => {
    const limit = createLimit(1);
    await expect(limit(() => Promise.reject(new Error('rejected')))).rejects.toThrow('rejected');
    await expect(
      limit(() => {
        throw new Error('thrown');
      }),
    ).rejects.toThrow('thrown');
    await expect(limit(() => Promise.resolve('still runs'))).resolves.toBe('still runs');
  });

  it('hands a failed task’s slot to the next waiting one', async () => {
    const limit = createLimit(1);
    const first = gate();
    const failed = limit(() => first.promise);
    const next = limit(() => Promise.resolve('next'));
    first.fail(new Error('upstream down'));
    await expect(failed).rejects.toThrow('upstream down');
    await expect(next).resolves.toBe('next');
  });

  it('keeps separate limits apart (one per request)', async () => {
    const mine = createLimit(1);
    const theirs = createLimit(1);
    const held = gate();
    void mine(() => held.promise);
    await expect(theirs(() => Promise.resolve('not held back'))).resolves.toBe('not held back');
    held.open('done');
  });
});
