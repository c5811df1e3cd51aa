/**
 * What a cached document and a compiled query hold on the heap, estimated from what they are made
 * of, so that the caches callers fill (their keys are the callers' query texts) are bounded in bytes
 * of memory rather than in characters of text. A parsed document is mostly its tokens (graphql-js
 * keeps every token, linked from each node's location) and the nodes and locations built from them;
 * a compiled query is mostly the code graphql-jit generates for each field of the operation, with
 * fragments expanded and literals written into the code.
 *
 * The constants are upper bounds of what was measured over documents of many shapes (the smallest
 * operation, the largest allowed, long literals, long comments, many aliases over fragments);
 * test/unit/memory-estimate.test.ts measures the same shapes again and fails if an estimate falls
 * below what the heap really holds. Overestimating only makes a cache hold fewer entries.
 */
import {
  getNamedType,
  isAbstractType,
  isInputObjectType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The cache entry, its key and the bookkeeping around them. */
const ENTRY_BYTES = 768;
/** One token of a parsed document, with its share of the nodes and locations. */
const TOKEN_BYTES = 450;
/** The fixed part of a compiled query (its closures, resolver table). */
const COMPILED_BYTES = 16 * 1024;
/** The generated code, bytecode and resolve info of one field, for one type it may be on. */
const COMPILED_FIELD_BYTES = 6 * 1024;
/** The generated code that reads one field of an input type of the operation's variables. */
const COMPILED_INPUT_FIELD_BYTES = 4 * 1024;

/** Above this many fields after fragment expansion, an operation is not compiled (graphql-js runs it). */
export const MAX_COMPILED_FIELDS = 2000;

/**
 * A text's bytes: V8 stores a string with one byte per character, or two once any is past U+00FF;
 * a quarter more covers the copies parts of it may get (a token's value, a literal in compiled code).
 */
function textBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  const perCharacter = /[^\u0000-\u00ff]/.test(text) ? 2 : 1;
  return Math.ceil(1.25 * perCharacter * text.length);
}

/** A cache entry for `query`, its parsed document included when there is one. */
export function documentBytes(query: string, document: DocumentNode | null): number {
  let tokens = 0;
  for (let token = document?.loc?.startToken ?? null; token !== null; token = token.next) tokens += 1;
  return ENTRY_BYTES + textBytes(query) + TOKEN_BYTES * tokens;
}

/** An automatic persisted query: its key (the hash) and its text. */
export function persistedQueryBytes(key: string, query: string): number {
  return ENTRY_BYTES + textBytes(key) + textBytes(query);
}

/** A compiled query for `operation` of `query`'s document. */
export function compiledBytes(
  schema: GraphQLSchema,
  query: string,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): number {
  return (
    COMPILED_BYTES +
    COMPILED_FIELD_BYTES * expandedFields(schema, document, operation) +
    COMPILED_INPUT_FIELD_BYTES * variableInputFields(schema, operation) +
    2 * textBytes(query)
  );
}

/** The fields of every input type the operation's variables may hold, each type counted once. */
export function variableInputFields(schema: GraphQLSchema, operation: OperationDefinitionNode): number {
  const seen = new Set<string>();
  const pending: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    let type = definition.type;
    while (type.kind !== Kind.NAMED_TYPE) type = type.type;
    pending.push(type.name.value);
  }
  let fields = 0;
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const type = schema.getType(name);
    fields += 1;
    if (!isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      fields += 1;
      pending.push(getNamedType(field.type).name);
    }
  }
  return fields;
}

/**
 * The fields graphql-jit generates code for: every field of the operation, with each fragment
 * expanded where it is spread, and the selection on a union or interface once for each object type
 * it may be (graphql-jit writes the code of each possible type out). Each fragment is counted once
 * per type and the count reused, so this is linear in the document however often fragments spread
 * fragments; the count stops growing past MAX_COMPILED_FIELDS.
 */
export function expandedFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return MAX_COMPILED_FIELDS + 1;
  const tooMany = MAX_COMPILED_FIELDS + 1;
  const counted = new Map<string, number>();
  const inProgress = new Set<string>();

  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };
  const fieldCount = (type: GraphQLObjectType, name: string, selectionSet: SelectionSetNode | undefined): number => {
    const definition =
      name === SchemaMetaFieldDef.name && type === schema.getQueryType()
        ? SchemaMetaFieldDef
        : name === TypeMetaFieldDef.name && type === schema.getQueryType()
          ? TypeMetaFieldDef
          : type.getFields()[name];
    if (!selectionSet || !definition) return 1;
    const returned = getNamedType(definition.type);
    if (isObjectType(returned)) return 1 + count(selectionSet, returned);
    if (!isAbstractType(returned)) return 1;
    let fields = 1;
    for (const possible of schema.getPossibleTypes(returned)) {
      fields += count(selectionSet, possible);
      if (fields > MAX_COMPILED_FIELDS) return tooMany;
    }
    return fields;
  };
  const count = (selectionSet: SelectionSetNode, type: GraphQLObjectType): number => {
    let fields = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        fields += fieldCount(type, selection.name.value, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) fields += count(selection.selectionSet, type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition.name.value, type)) {
          const key = `${fragment.name.value} ${type.name}`;
          let known = counted.get(key);
          if (known === undefined) {
            // A cycle cannot pass validation; should one reach here, it counts as too large to compile.
            if (inProgress.has(key)) return tooMany;
            inProgress.add(key);
            known = count(fragment.selectionSet, type);
            inProgress.delete(key);
            counted.set(key, known);
          }
          fields += known;
        }
      }
      if (fields > MAX_COMPILED_FIELDS) return tooMany;
    }
    return fields;
  };
  return count(operation.selectionSet, root);
}
