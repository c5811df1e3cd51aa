import { buildSchema, getOperationAST, parse, specifiedRules, type DocumentNode } from 'graphql';
import { DocumentCache } from '../../src/execution/document-cache';
import { expandedFields, MAX_COMPILED_FIELDS } from '../../src/execution/memory-estimate';
import { ResponseMediaTypes } from '../../src/execution/media-types';

const schema = buildSchema('type Query { hello: String, deep: Query }');

const MiB = 1024 * 1024;
const operationOf = (document: DocumentNode | null) => {
  const operation = document && getOperationAST(document);
  if (!operation) throw new Error('expected one operation');
  return operation;
};

describe('DocumentCache', () => {
  it('parses and validates a document once, and remembers one with errors as null', () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, MiB);
    const first = cache.get('{ hello }').document;
    expect(first).not.toBeNull();
    expect(cache.get('{ hello }').document).toBe(first);
    expect(cache.get('{ hello }').document).toBe(first);
    expect(cache.get('{ nope }').document).toBeNull();
    expect(cache.get('{ hello ').document).toBeNull();
  });

  it('applies the parser limits it is given', () => {
    const cache = new DocumentCache(schema, specifiedRules, { maxTokens: 5 }, MiB);
    expect(cache.get('{ hello }').document).not.toBeNull();
    expect(cache.get('{ deep { deep { hello } } }').document).toBeNull();
  });

  it('holds at most its budget of estimated heap, whatever the documents', () => {
    const budget = 256 * 1024;
    const cache = new DocumentCache(schema, specifiedRules, {}, budget);
    const shapes = [
      (n: number) => `{ hello } #${n}`,
      (n: number) => `{ ${'deep { '.repeat(8)}hello${' }'.repeat(8)} } #${n}`,
      (n: number) => `{ nope${n} }`,
      (n: number) => `{ hello } # ${'x'.repeat(5000)} ${n}`,
    ];
    for (let n = 0; n < 2000; n += 1) {
      const query = (shapes[n % shapes.length] ?? shapes[0])?.(n) ?? '';
      cache.get(query);
      if (n % 3 === 0) cache.get(query); // some asked for twice: the protected segment fills too
      expect(cache.heldBytes).toBeLessThanOrEqual(budget);
    }
    expect(cache.heldBytes).toBeGreaterThan(budget / 2);
  });

  it('keeps documents asked for again through a flood of documents asked for once', () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, 128 * 1024);
    const hot = ['{ hello }', '{ deep { hello } }', 'query Named { hello }'];
    const first = hot.map((query) => {
      cache.get(query);
      return cache.get(query).document;
    });
    for (let n = 0; n < 10_000; n += 1) cache.get(`{ hello } #${n}`);
    expect(hot.map((query) => cache.get(query).document)).toEqual(first);
    hot.forEach((query, index) => expect(cache.get(query).document).toBe(first[index]));
  });

  it('compiles an operation on its second run and charges the compiled query to the budget', () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, MiB);
    const query = '{ hello deep { hello } }';
    const entry = cache.get(query);
    const operation = operationOf(entry.document);
    expect(cache.compiled(query, entry, operation)).toBeNull();
    const before = cache.heldBytes;
    const compiled = cache.compiled(query, cache.get(query), operation);
    expect(compiled).not.toBeNull();
    expect(cache.heldBytes).toBeGreaterThan(before);
    expect(cache.compiled(query, cache.get(query), operation)).toBe(compiled);
  });

  it('compiles at most its rate a second, and compiles the rest on a later run', async () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, MiB, { compilationsPerSecond: 2 });
    const queries = ['{ a: hello }', '{ b: hello }', '{ c: hello }', '{ d: hello }'];
    const compiledRun = () =>
      queries.map((query) => {
        const entry = cache.get(query);
        return cache.compiled(query, entry, operationOf(entry.document)) !== null;
      });
    compiledRun(); // each operation's first run
    expect(compiledRun()).toEqual([true, true, false, false]);
    await new Promise((resolve) => setTimeout(resolve, 600)); // one more compilation earned
    expect(compiledRun()).toEqual([true, true, true, false]);
  });

  it('does not compile an operation with more fields than MAX_COMPILED_FIELDS once fragments are expanded', () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, MiB);
    // Each fragment spreads the one below it twice, under two fields: 2^12 fields in all from 13 lines.
    const levels = Array.from(
      { length: 12 },
      (_, n) => `fragment F${n} on Query { hello deep { ...F${n + 1} } again: deep { ...F${n + 1} } }`,
    );
    const query = `{ ...F0 } ${levels.join(' ')} fragment F12 on Query { hello }`;
    const entry = cache.get(query);
    const operation = operationOf(entry.document);
    expect(expandedFields(schema, entry.document ?? parse(query), operation)).toBeGreaterThan(MAX_COMPILED_FIELDS);
    cache.compiled(query, entry, operation);
    expect(cache.compiled(query, cache.get(query), operation)).toBeNull();
  });
});

describe('ResponseMediaTypes', () => {
  const types = new ResponseMediaTypes();
  it.each([
    [undefined, 'application/json; charset=utf-8'],
    ['', 'application/json; charset=utf-8'],
    ['*/*', 'application/json; charset=utf-8'],
    ['application/json', 'application/json; charset=utf-8'],
    ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json; charset=utf-8'],
    ['application/json;q=0.5, application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
    ['text/html', undefined],
    ['application/json; callbackSpec=1.0', undefined],
  ])('Accept %p -> %p, as Apollo Server chooses', (accept, expected) => {
    expect(types.choose(accept)).toBe(expected);
    expect(types.choose(accept)).toBe(expected); // remembered
  });
});
