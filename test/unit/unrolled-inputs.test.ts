import { buildASTSchema, execute, getOperationAST, parse, printType, specifiedRules } from 'graphql';
import { isCompiledQuery } from 'graphql-jit';
import { DocumentCache } from '../../src/execution/document-cache';
import { hasRecursiveVariables, recursiveInputTypes } from '../../src/execution/recursive-inputs';
import { UNROLLED_LEVELS, unrollRecursiveInputs } from '../../src/execution/unrolled-inputs';
import { buildCompileSchema, buildGatewaySchema } from '../../src/schema';

describe('unrollRecursiveInputs', () => {
  const sdl = parse(`
    input Leaf { value: String }
    input Tree { children: [Tree!], leaf: Leaf, name: String! }
    type Query { f(tree: Tree, leaf: Leaf): Int }
  `);

  it('keeps the name at level 0, points each level at the next, and ends without the recursive field', () => {
    const schema = buildASTSchema(unrollRecursiveInputs(sdl, new Set(['Tree']), 3));
    expect(printType(schema.getType('Tree') as never)).toContain('children: [Tree_Unrolled1!]');
    expect(printType(schema.getType('Tree_Unrolled1') as never)).toContain('children: [Tree_Unrolled2!]');
    const last = printType(schema.getType('Tree_Unrolled2') as never);
    expect(last).not.toContain('children');
    expect(last).toContain('name: String!');
    expect(schema.getType('Tree_Unrolled3')).toBeUndefined();
    expect(recursiveInputTypes(schema).size).toBe(0);
    expect(printType(schema.getType('Leaf') as never)).toBe('input Leaf {\n  value: String\n}');
  });

  it('refuses to drop a required recursive field', () => {
    const required = parse('input Chain { next: Chain! } type Query { f(c: Chain): Int }');
    expect(() => unrollRecursiveInputs(required, new Set(['Chain']), 2)).toThrow('Chain.next is required');
  });
});

describe("the gateway's compile schema", () => {
  const schema = buildGatewaySchema();
  const compileSchema = buildCompileSchema(schema);
  const SEARCH = `query S($l: ID!, $f: [ContactFilterInput!]) {
    contacts(locationId: $l, filters: $f) { __typename }
  }`;

  it('has no recursive input, and the real schema has ContactFilterInput', () => {
    expect([...recursiveInputTypes(schema)]).toEqual(['ContactFilterInput']);
    expect(recursiveInputTypes(compileSchema).size).toBe(0);
    const operation = getOperationAST(parse(SEARCH));
    expect(operation && hasRecursiveVariables(schema, operation)).toBe(true);
    expect(operation && hasRecursiveVariables(compileSchema, operation)).toBe(false);
  });

  it('lets graphql-jit compile a search whose filters are a variable, from its second run', () => {
    const cache = new DocumentCache(schema, specifiedRules, {}, 2 ** 24, { compileSchema });
    const entry = cache.get(SEARCH);
    const operation = entry.document && getOperationAST(entry.document);
    if (!operation) throw new Error('no operation');
    expect(cache.compiled(SEARCH, entry, operation)).toBeNull();
    const compiled = cache.compiled(SEARCH, entry, operation);
    expect(compiled && isCompiledQuery(compiled)).toBe(true);

    // Deeper than the copy unrolls: graphql-jit refuses the variables, and the request is handed over.
    let filter: Record<string, unknown> = { field: 'CITY', operator: 'EXISTS' };
    for (let i = 0; i < UNROLLED_LEVELS; i += 1) filter = { group: 'AND', filters: [filter] };
    const result = compiled?.query(undefined, {}, { l: 'x', f: [filter] });
    expect(result).not.toHaveProperty('data');
  });

  it("answers _service with the real schema's SDL", async () => {
    const sdl = async (on: typeof schema) =>
      ((await execute({ schema: on, document: parse('{ _service { sdl } }') })).data as { _service: { sdl: string } })
        ._service.sdl;
    const real = await sdl(schema);
    expect(real).toContain('input ContactFilterInput');
    expect(await sdl(compileSchema)).toBe(real);
    expect(real).not.toContain('_Unrolled');
  });
});
