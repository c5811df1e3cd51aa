import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, print } from 'graphql';
import { compareSchemas } from '../../src/cli/schema-check';
import { loadTypeDefs } from '../../src/schema';

const current = () => buildSubgraphSchema(loadTypeDefs());
const changed = (edit: (sdl: string) => string) => {
  const sdl = print(loadTypeDefs());
  return buildSubgraphSchema(parse(edit(sdl)));
};

describe('schema:check', () => {
  it('finds no change between the schema and itself', async () => {
    expect(await compareSchemas(current(), current(), new Set())).toEqual({ changes: [], unacknowledged: [] });
  });

  it('fails on a breaking change (a removed field) unless its path is acknowledged', async () => {
    const after = changed((sdl) => sdl.replace(/\n\s*"Postal code\."\n\s*postalCode: String\n/, '\n'));
    const { unacknowledged } = await compareSchemas(current(), after, new Set());
    expect(unacknowledged.map((change) => change.path)).toEqual(['Contact.postalCode']);
    expect((await compareSchemas(current(), after, new Set(['Contact.postalCode']))).unacknowledged).toEqual([]);
  });

  it('lets an added field through', async () => {
    const after = changed((sdl) =>
      sdl.replace(
        'type Contact @key(fields: "id") {',
        'type Contact @key(fields: "id") {\n  "New."\n  nickname: String',
      ),
    );
    const { changes, unacknowledged } = await compareSchemas(current(), after, new Set());
    expect(new Set(changes.map((change) => change.path))).toEqual(new Set(['Contact.nickname']));
    expect(unacknowledged).toEqual([]);
  });
});
