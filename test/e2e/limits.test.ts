import { getIntrospectionQuery } from 'graphql';
import { EXECUTION_PATHS, startStack, type Stack } from './harness';

describe.each(EXECUTION_PATHS)('on %s', (_path, fastPathOff) => {
  let stack: Stack;
  beforeAll(async () => {
    // Our schema's valid paths are shallow (contact > ... on Contact > dndSettings > call > status is 5,
    // counting the fragment as Armor does), so the depth limit is shown with MAX_DEPTH=4; the default
    // (15) is pinned in the config tests.
    stack = await startStack({ fastPathOff, env: { MAX_ENTITIES: '3', MAX_DEPTH: '4' } });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  const id = 'ocQHyuzHvysMo5N5VsXc';
  async function refused(query: string, pattern: RegExp, variables: Record<string, unknown> = {}) {
    const response = await stack.graphql(query, variables, { token: stack.seed.token });
    expect(response.status).toBe(400);
    expect(response.json.data).toBeUndefined();
    expect(response.json.errors?.[0]?.message).toMatch(pattern);
    expect(stack.sim.received).toHaveLength(0);
  }

  describe('operation limits: refused before execution, nothing sent upstream', () => {
    it('lets the full introspection query Apollo Sandbox sends through at the defaults', async () => {
      const query = getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      });
      const response = await stack.graphql(query);
      expect(response.status).toBe(200);
      expect(response.json.errors).toBeUndefined();
      expect(JSON.stringify(response.json.data)).toContain('UpdateContactInput');
    });

    it('depth (MAX_DEPTH, here 4)', async () => {
      const allowed = await stack.graphql(
        `{ contact(id: "${id}") { ... on Contact { dndSettings { __typename } } } }`,
        {},
        { token: stack.seed.token },
      );
      expect(allowed.json.errors).toBeUndefined();
      stack.sim.reset();
      await refused(
        `{ contact(id: "${id}") { ... on Contact { dndSettings { call { status } } } } }`,
        /depth limit of 4 exceeded, found 5/,
      );
    });

    it("deep introspection is refused by graphql-js's own introspection depth rule", async () => {
      let nested = 'name';
      for (let level = 0; level < 5; level += 1) nested = `fields { type { ${nested} } }`;
      await refused(`{ __schema { types { ${nested} } } }`, /Maximum introspection depth exceeded/);
    });

    it('aliases (default 15)', async () => {
      const aliases = Array.from({ length: 16 }, (_, n) => `a${n}: name`).join(' ');
      await refused(`{ __type(name: "Contact") { ${aliases} } }`, /Aliases limit of 15 exceeded/);
    });

    it('root fields (default 10)', async () => {
      const fields = Array.from({ length: 11 }, () => `contact(id: "${id}") { __typename }`);
      // repeated identical fields merge into one; fragments count too
      await refused(
        `{ ...A ...B } fragment A on Query { ${fields
          .slice(0, 6)
          .map((f, n) => `c${n}: ${f}`)
          .join(' ')} } fragment B on Query { ${fields
          .slice(6)
          .map((f, n) => `d${n}: ${f}`)
          .join(' ')} }`,
        /11 root fields; the limit is 10/,
      );
    });

    it('directives (default 20)', async () => {
      await refused(`{ __typename ${'@include(if: true) '.repeat(21)} }`, /Directives limit of 20 exceeded/);
    });

    it('tokens (default 5000): a parse error, 400 not 500', async () => {
      await refused(`{ ${'__typename '.repeat(5001)} }`, /more that 5000 tokens/);
    });

    it('_entities representations (MAX_ENTITIES, here 3), in literals or variables', async () => {
      const reps = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ __typename: 'Contact', id: `contact${String(i).padStart(13, '0')}` }));
      await refused(
        'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        /4 entity representations; the limit is 3/,
        { r: reps(4) },
      );
      await refused(
        `{ a: _entities(representations: [{__typename: "Contact", id: "x"}, {__typename: "Contact", id: "y"}]) { __typename } b: _entities(representations: [{__typename: "Contact", id: "z"}, {__typename: "Contact", id: "w"}]) { __typename } }`,
        /4 entity representations/,
      );
      const allowed = await stack.graphql(
        'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        { r: reps(3) },
        { token: stack.seed.token },
      );
      expect(allowed.status).toBe(200);
      expect(stack.sim.received).toHaveLength(3);
    });
  });

  describe('request size and schema details', () => {
    it('MAX_REQUEST_BYTES is configurable: 413, nothing upstream', async () => {
      const small = await startStack({ fastPathOff, env: { MAX_REQUEST_BYTES: '2048' } });
      try {
        const response = await small.graphql(
          `mutation { updateContact(id: "${id}", input: { city: "${'x'.repeat(3000)}" }) { __typename } }`,
          {},
          { token: small.seed.token },
        );
        expect(response.status).toBe(413);
        expect(small.sim.received).toHaveLength(0);
      } finally {
        await small.stop();
      }
    });

    it('hides "Did you mean" suggestions in production, shows them in development', async () => {
      const development = await stack.graphql('{ contac(id: "x") { __typename } }');
      expect(development.json.errors?.[0]?.message).toMatch(/Did you mean/);
      const production = await startStack({ fastPathOff, env: { NODE_ENV: 'production' } });
      try {
        const response = await production.graphql('{ contac(id: "x") { __typename } }');
        expect(response.status).toBe(400);
        expect(response.json.errors?.[0]?.message).not.toMatch(/Did you mean/);
      } finally {
        await production.stop();
      }
    });
  });
});
