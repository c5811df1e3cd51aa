/**
 * Operation limits, each refused before execution with a clear error and nothing sent upstream:
 * depth, aliases and directives (GraphQL Armor's validation rules), root fields (below), tokens (the
 * parser's `maxTokens`, set in server.ts), and, once the operation and its variables are known,
 * `_entities` representations and the nesting of variables of a recursive input type.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { recursiveVariables } from './recursive-inputs';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  maxTokens: number;
  maxEntities: number;
}

// Armor's rules throw on rejection by default, which Apollo answers as a 500; reported as validation
// errors they are a 400 like any other invalid operation.
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [
    // Introspection is bounded by graphql-js's own MaxIntrospectionDepthRule (a specified rule), so it
    // is left out here: the full introspection query Sandbox sends is deeper than 15 by this count.
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true, ...asValidationError }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...asValidationError }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true, ...asValidationError }),
    maxRootFieldsRule(limits.maxRootFields),
  ];
}

/** At most `max` fields at the root of an operation, counting those reached through fragments. */
function maxRootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = countFields(operation.selectionSet, context, new Set());
      if (count > max) {
        context.reportError(
          new GraphQLError(`Operation has ${count} root fields; the limit is ${max}.`, { nodes: [operation] }),
        );
      }
    },
  });
}

function countFields(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countFields(selection.selectionSet, context, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countFields(fragment.selectionSet, context, seen);
    }
  }
  return count;
}

/**
 * Refuses an operation asking for more than `max` `_entities` representations in all, before any is
 * resolved, so one request cannot fan out into thousands of upstream calls.
 */
export function entitiesLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) return;
          const count = countEntityRepresentations(operation, request.variables);
          if (count > max) {
            throw new GraphQLError(`The operation asks for ${count} entity representations; the limit is ${max}.`, {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** The `_entities` representations an operation asks for, given its variables. */
export function countEntityRepresentations(
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): number {
  let count = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
    const argument = selection.arguments?.find((arg) => arg.name.value === 'representations')?.value;
    if (argument?.kind === Kind.LIST) count += argument.values.length;
    else if (argument?.kind === Kind.VARIABLE) {
      const value = variables?.[argument.name.value];
      count += Array.isArray(value) ? value.length : 1;
    }
  }
  return count;
}

/**
 * How deep, in JSON levels, a variable of a recursive input type may nest. graphql-js coerces input
 * values recursively, so without a bound a request well under the body limit (a thousand nested
 * filter groups) exhausts the stack; the schema's own documented limits are far below this one.
 */
export const MAX_RECURSIVE_VARIABLE_DEPTH = 32;

/**
 * The message refusing the operation's variables when one of a recursive input type nests deeper
 * than MAX_RECURSIVE_VARIABLE_DEPTH; undefined when none does.
 */
export function variableNestingProblem(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): string | undefined {
  for (const name of recursiveVariables(schema, operation)) {
    if (jsonDepthExceeds(variables?.[name], MAX_RECURSIVE_VARIABLE_DEPTH)) {
      return `Variable "$${name}" nests deeper than ${MAX_RECURSIVE_VARIABLE_DEPTH} levels.`;
    }
  }
  return undefined;
}

/** Whether `value` nests arrays and objects more than `max` deep; iterative, so any depth is safe. */
function jsonDepthExceeds(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Refuses, before execution, variables that nest past MAX_RECURSIVE_VARIABLE_DEPTH (a 400). */
export function variableNestingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          const problem = operation && variableNestingProblem(schema, operation, request.variables);
          if (problem) {
            throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
