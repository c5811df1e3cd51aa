/**
 * Input types that refer back to themselves (`ContactFilterInput.filters`), and the variables of an
 * operation that have one. graphql-jit cannot compile such a variable against the schema itself
 * (src/execution/unrolled-inputs.ts), and graphql-js coerces such values recursively, so
 * src/execution/limits.ts bounds how deep they nest.
 */
import {
  getNamedType,
  isInputObjectType,
  Kind,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The input types of the schema from which a cycle of input types can be reached. */
export function recursiveInputTypes(schema: GraphQLSchema): ReadonlySet<string> {
  const recursive = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  /** Whether a cycle is reachable from `type`. */
  const visit = (type: GraphQLInputObjectType): boolean => {
    const seen = state.get(type.name);
    if (seen === 'visiting') return true;
    if (seen === 'done') return recursive.has(type.name);
    state.set(type.name, 'visiting');
    let cyclic = false;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named) && visit(named)) cyclic = true;
    }
    state.set(type.name, 'done');
    if (cyclic) recursive.add(type.name);
    return cyclic;
  };
  for (const type of Object.values(schema.getTypeMap())) if (isInputObjectType(type)) visit(type);
  return recursive;
}

const bySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The names of the operation's variables whose input type refers back to itself (or holds one that does). */
export function recursiveVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): string[] {
  let recursive = bySchema.get(schema);
  if (!recursive) bySchema.set(schema, (recursive = recursiveInputTypes(schema)));
  if (recursive.size === 0 || !operation.variableDefinitions) return [];
  const names: string[] = [];
  for (const definition of operation.variableDefinitions) {
    let type = definition.type;
    while (type.kind !== Kind.NAMED_TYPE) type = type.type;
    if (recursive.has(type.name.value)) names.push(definition.variable.name.value);
  }
  return names;
}

export function hasRecursiveVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return recursiveVariables(schema, operation).length > 0;
}
