import { buildSchema, specifiedRules } from 'graphql';
import { DocumentCache } from '../../src/execution/document-cache';
import { ResponseMediaTypes } from '../../src/execution/media-types';

const schema = buildSchema('type Query { hello: String, deep: Query }');

describe('DocumentCache', () => {
  it('parses and validates a document once, and remembers one with errors as null', () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, 1024);
    const first = cache.get('{ hello }');
    expect(first).not.toBeNull();
    expect(cache.get('{ hello }')).toBe(first);
    expect(cache.get('{ nope }')).toBeNull();
    expect(cache.get('{ hello ')).toBeNull();
  });

  it('applies the parser limits it is given', () => {
    const cache = new DocumentCache(schema, specifiedRules, { maxTokens: 5 }, 1024);
    expect(cache.get('{ hello }')).not.toBeNull();
    expect(cache.get('{ deep { deep { hello } } }')).toBeNull();
  });

  it('holds at most its byte budget of query text, evicting the least recently used', () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, 40);
    const a = cache.get('{ a: hello }'); // 12 bytes each
    const b = cache.get('{ b: hello }');
    const c = cache.get('{ c: hello }');
    cache.get('{ a: hello }'); // a is now the most recently used
    cache.get('{ d: hello }'); // 48 bytes asked for: b, the least recently used, goes
    expect(cache.get('{ a: hello }')).toBe(a);
    expect(cache.get('{ c: hello }')).toBe(c);
    expect(cache.get('{ b: hello }')).not.toBe(b); // parsed again
    // A query larger than the whole budget is answered, but not kept.
    const big = `{ ${'hello '.repeat(10)}}`;
    const answered = cache.get(big);
    expect(answered).not.toBeNull();
    expect(cache.get(big)).not.toBe(answered);
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
