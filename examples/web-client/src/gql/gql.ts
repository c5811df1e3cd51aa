/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {\n    updateContact(id: $id, input: $input) {\n      __typename\n      ... on UpdateContactSuccess {\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n          country\n          dateUpdated\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        email\n        tags\n        assignedUser {\n          id\n          name\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ContactDocument,
    "\n  mutation AddContactTags($id: ID!, $tags: [String!]!) {\n    addContactTags(id: $id, tags: $tags) {\n      __typename\n      ... on AddContactTagsSuccess {\n        tags\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n": typeof types.AddContactTagsDocument,
    "\n  mutation RemoveContactTags($id: ID!, $tags: [String!]!) {\n    removeContactTags(id: $id, tags: $tags) {\n      __typename\n      ... on RemoveContactTagsSuccess {\n        tags\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RemoveContactTagsDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id) {\n      __typename\n      ... on DeleteContactSuccess {\n        deletedContactId\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": typeof types.DeleteContactDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on CreateContactSuccess {\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n        }\n      }\n      ... on DuplicateContactError {\n        existingContactId\n        matchingField\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": typeof types.CreateContactDocument,
    "\n  mutation UpsertContact($input: UpsertContactInput!) {\n    upsertContact(input: $input) {\n      __typename\n      ... on UpsertContactSuccess {\n        created\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": typeof types.UpsertContactDocument,
};
const documents: Documents = {
    "\n  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {\n    updateContact(id: $id, input: $input) {\n      __typename\n      ... on UpdateContactSuccess {\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n          country\n          dateUpdated\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": types.UpdateContactDocument,
    "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        email\n        tags\n        assignedUser {\n          id\n          name\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n": types.ContactDocument,
    "\n  mutation AddContactTags($id: ID!, $tags: [String!]!) {\n    addContactTags(id: $id, tags: $tags) {\n      __typename\n      ... on AddContactTagsSuccess {\n        tags\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n": types.AddContactTagsDocument,
    "\n  mutation RemoveContactTags($id: ID!, $tags: [String!]!) {\n    removeContactTags(id: $id, tags: $tags) {\n      __typename\n      ... on RemoveContactTagsSuccess {\n        tags\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n": types.RemoveContactTagsDocument,
    "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id) {\n      __typename\n      ... on DeleteContactSuccess {\n        deletedContactId\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": types.DeleteContactDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on CreateContactSuccess {\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n        }\n      }\n      ... on DuplicateContactError {\n        existingContactId\n        matchingField\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": types.CreateContactDocument,
    "\n  mutation UpsertContact($input: UpsertContactInput!) {\n    upsertContact(input: $input) {\n      __typename\n      ... on UpsertContactSuccess {\n        created\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n": types.UpsertContactDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {\n    updateContact(id: $id, input: $input) {\n      __typename\n      ... on UpdateContactSuccess {\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n          country\n          dateUpdated\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      __typename\n      ... on Contact {\n        id\n        firstName\n        lastName\n        email\n        tags\n        assignedUser {\n          id\n          name\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddContactTags($id: ID!, $tags: [String!]!) {\n    addContactTags(id: $id, tags: $tags) {\n      __typename\n      ... on AddContactTagsSuccess {\n        tags\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AddContactTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveContactTags($id: ID!, $tags: [String!]!) {\n    removeContactTags(id: $id, tags: $tags) {\n      __typename\n      ... on RemoveContactTagsSuccess {\n        tags\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RemoveContactTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContact($id: ID!) {\n    deleteContact(id: $id) {\n      __typename\n      ... on DeleteContactSuccess {\n        deletedContactId\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n"): typeof import('./graphql').DeleteContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      __typename\n      ... on CreateContactSuccess {\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n        }\n      }\n      ... on DuplicateContactError {\n        existingContactId\n        matchingField\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n"): typeof import('./graphql').CreateContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertContact($input: UpsertContactInput!) {\n    upsertContact(input: $input) {\n      __typename\n      ... on UpsertContactSuccess {\n        created\n        contact {\n          id\n          firstName\n          lastName\n          email\n          phone\n          tags\n        }\n      }\n      ... on DisplayableError {\n        code\n        message\n      }\n      ... on ValidationError {\n        issues {\n          field\n          message\n        }\n      }\n      ... on RateLimitedError {\n        retryAfterSeconds\n      }\n      ... on UpstreamError {\n        statusCode\n      }\n    }\n  }\n"): typeof import('./graphql').UpsertContactDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
