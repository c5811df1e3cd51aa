/**
 * The DateTime scalar: graphql-scalars' DateTime, except that it answers a string. graphql-scalars
 * serializes every value to a Date, which the response's JSON.stringify then writes back out with
 * `toJSON`; for a value already in canonical form (what src/mapping/contact-values.ts produces) that
 * would be a parse and a format per field, and a Date in the result takes JSON.stringify off its fast
 * path (it must call `toJSON`), about doubling the cost of serializing an answer. The JSON is the same: any
 * other value goes through graphql-scalars (the same checks and errors) and is written as its
 * `toISOString`, as JSON.stringify wrote its Date.
 */
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isCanonicalDateTime } from '../mapping/contact-values';

const config = DateTimeResolver.toConfig();

export const DateTime = new GraphQLScalarType<string, string>({
  ...config,
  // An input is checked by graphql-scalars and handed to resolvers as its canonical `toISOString`
  // (what codegen types it as, and what HighLevel's range filters take).
  parseValue: (value) => DateTimeResolver.parseValue(value).toISOString(),
  parseLiteral: (ast, variables) => DateTimeResolver.parseLiteral(ast, variables).toISOString(),
  serialize(value) {
    if (typeof value === 'string' && isCanonicalDateTime(value)) return value;
    const serialized: unknown = DateTimeResolver.serialize(value);
    return serialized instanceof Date ? serialized.toISOString() : String(serialized);
  },
});
