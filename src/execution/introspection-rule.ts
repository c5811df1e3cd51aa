/**
 * With INTROSPECTION=false (production's default), a document that asks for `__schema` or `__type`
 * is refused at validation, naming the setting an operator changes: graphql-js's rule, in this
 * gateway's words rather than Apollo Server's ("pass introspection: true to ApolloServer").
 */
import { GraphQLError, getNamedType, isIntrospectionType, type ValidationRule } from 'graphql';

export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type)) {
      context.reportError(
        new GraphQLError(
          `Introspection is off on this gateway, and the document asks for "${node.name.value}": its operator can allow it with INTROSPECTION=true.`,
          { nodes: node },
        ),
      );
    }
  },
});
