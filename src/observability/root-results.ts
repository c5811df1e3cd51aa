/**
 * Records which member (or type) each root field resolved to, e.g. `UpdateContactSuccess`, on the
 * request's context: the `results` of its log line and metrics. Done by wrapping the root fields'
 * resolvers once, when the schema is built, so it costs nothing on the many nested fields and works
 * the same on both execution paths.
 */
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLOutputType, type GraphQLSchema } from 'graphql';

/** What the wrapper needs of a request's context. */
export interface RootResultsHolder {
  rootResults: string[];
}

export function recordRootResults(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      field.resolve = recording(field.resolve ?? defaultFieldResolver, field.type);
    }
  }
  return schema;
}

function recording(
  resolve: GraphQLFieldResolver<unknown, RootResultsHolder>,
  type: GraphQLOutputType,
): GraphQLFieldResolver<unknown, RootResultsHolder> {
  return (source, args, context, info) => {
    let value: unknown;
    try {
      value = resolve(source, args, context, info);
    } catch (error) {
      context.rootResults.push('error');
      throw error;
    }
    if (value instanceof Promise) {
      return value.then(
        (resolved: unknown) => {
          context.rootResults.push(resultName(resolved, type));
          return resolved;
        },
        (error: unknown) => {
          context.rootResults.push('error');
          throw error;
        },
      );
    }
    context.rootResults.push(resultName(value, type));
    return value;
  };
}

export function resultName(result: unknown, type: GraphQLOutputType): string {
  if (typeof result === 'object' && result !== null && '__typename' in result && typeof result.__typename === 'string')
    return result.__typename;
  if (Array.isArray(result)) return `${type.toString()} x${result.length}`;
  return result === null || result === undefined ? 'null' : type.toString().replace(/[![\]]/g, '');
}
