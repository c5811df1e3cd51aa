/**
 * The schema graphql-jit compiles against. graphql-jit writes the coercion of a variable out field by
 * field, so an input type that refers back to itself (`ContactFilterInput.filters`) makes its compiler
 * recurse without end. Its copy of the schema has each such type unrolled: level 0 keeps the type's
 * name, each field that leads back to a recursive type points at the next level's copy, and the last
 * level has no such fields. A variable nested deeper than that fails graphql-jit's coercion, and a
 * request that fails there is handed to Apollo Server (src/execution/fast-path.ts), whose graphql-js
 * coerces it against the real schema: every request is answered as the real schema answers it.
 *
 * Every resolver of the copy is the real schema's own, so the copy differs only in what graphql-jit
 * reads of the variables' types.
 */
import {
  isAbstractType,
  isObjectType,
  Kind,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  type InputObjectTypeDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';

/**
 * Levels of each recursive input type in the copy: well past the groups a search takes (3), so that
 * every search the gateway accepts is compiled.
 */
export const UNROLLED_LEVELS = 6;

const levelName = (name: string, level: number) => (level === 0 ? name : `${name}_Unrolled${level}`);

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function renamed(type: TypeNode, name: string): TypeNode {
  if (type.kind === Kind.NAMED_TYPE) return { ...type, name: { ...type.name, value: name } };
  return type.kind === Kind.LIST_TYPE
    ? { ...type, type: renamed(type.type, name) }
    : { ...type, type: renamed(type.type, name) as Exclude<TypeNode, { kind: Kind.NON_NULL_TYPE }> };
}

/** The type definitions with each type of `recursive` unrolled to `levels` levels. */
export function unrollRecursiveInputs(
  typeDefs: DocumentNode,
  recursive: ReadonlySet<string>,
  levels: number = UNROLLED_LEVELS,
): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION || !recursive.has(definition.name.value)) {
      definitions.push(definition);
      continue;
    }
    for (let level = 0; level < levels; level += 1) definitions.push(unrolled(definition, recursive, level, levels));
  }
  return { ...typeDefs, definitions };
}

function unrolled(
  definition: InputObjectTypeDefinitionNode,
  recursive: ReadonlySet<string>,
  level: number,
  levels: number,
): InputObjectTypeDefinitionNode {
  const fields: InputValueDefinitionNode[] = [];
  for (const field of definition.fields ?? []) {
    const target = namedType(field.type);
    if (!recursive.has(target)) {
      fields.push(field);
    } else if (level + 1 < levels) {
      fields.push({ ...field, type: renamed(field.type, levelName(target, level + 1)) });
    } else if (field.type.kind === Kind.NON_NULL_TYPE && field.defaultValue === undefined) {
      throw new Error(`${definition.name.value}.${field.name.value} is required: the type cannot be unrolled`);
    }
  }
  return { ...definition, name: { ...definition.name, value: levelName(definition.name.value, level) }, fields };
}

/**
 * Makes every resolver of `copy` the one `real` has for the same field or type: the copy is built from
 * the same resolver map, but what a schema builder adds (`_service`'s SDL, the federation resolvers)
 * would otherwise describe the copy.
 */
export function useResolversOf(real: GraphQLSchema, copy: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(copy.getTypeMap())) {
    const original = real.getType(type.name);
    if (isObjectType(type) && isObjectType(original)) {
      type.isTypeOf = original.isTypeOf;
      const fields = original.getFields();
      for (const [name, field] of Object.entries(type.getFields())) {
        const same = fields[name];
        if (!same) continue;
        field.resolve = same.resolve;
        field.subscribe = same.subscribe;
      }
    } else if (isAbstractType(type) && isAbstractType(original)) {
      type.resolveType = original.resolveType;
    }
  }
  return copy;
}
