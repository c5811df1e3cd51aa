import { JSON_VALUE_MAX_DEPTH, jsonValueProblem } from '../../src/mapping/json-value';

/** `levels` objects nested in one another, built without recursion. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('jsonValueProblem', () => {
  it.each([
    ['a flat object', { url: 'https://example.com/f.pdf', size: 12, ok: true, none: null }],
    ['the deepest object allowed', nested(JSON_VALUE_MAX_DEPTH)],
    ['arrays and objects mixed, at the depth limit', nested(JSON_VALUE_MAX_DEPTH - 1, [1, 2])],
    [
      'the largest safe integers and fractions',
      { max: 9007199254740991, min: -9007199254740991, f: 0.1, g: -2.5e-300 },
    ],
  ])('accepts %s', (_name, value) => {
    expect(jsonValueProblem(value, { maxBytes: 1024 })).toBeUndefined();
  });

  it.each([
    ['one level too deep', nested(JSON_VALUE_MAX_DEPTH + 1), 'nested deeper than 32 levels'],
    ['an array one level too deep', nested(JSON_VALUE_MAX_DEPTH, []), 'nested deeper than 32 levels'],
    ['nested a million levels (no stack overflow)', nested(1_000_000), 'nested deeper than 32 levels'],
    ['Infinity', { a: [Infinity] }, 'number JSON cannot carry'],
    ['NaN', { a: NaN }, 'number JSON cannot carry'],
    ['a whole number past 2^53', { id: 2 ** 53 }, 'would lose digits'],
    ['1e300 (a whole number too)', { n: 1e300 }, 'would lose digits'],
    ['more bytes than allowed', { text: 'é'.repeat(600) }, 'larger than 1024 bytes'],
  ])('refuses %s', (_name, value, problem) => {
    expect(jsonValueProblem(value, { maxBytes: 1024 })).toContain(problem);
  });

  it('checks the size only when asked to', () => {
    expect(jsonValueProblem({ text: 'x'.repeat(10_000) })).toBeUndefined();
  });
});
