/**
 * The operations a frontend uses. `graphql()` is generated from the gateway's schema
 * (`npm run codegen`): each document is typed with its result and variables.
 */
import { graphql } from './gql';

export const UpdateContactDocument = graphql(`
  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) {
      __typename
      ... on UpdateContactSuccess {
        contact {
          id
          firstName
          lastName
          email
          phone
          tags
          country
          dateUpdated
        }
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on UpstreamError {
        statusCode
      }
    }
  }
`);

export const ContactDocument = graphql(`
  query Contact($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact {
        id
        firstName
        lastName
        email
        tags
        assignedUser {
          id
          name
        }
      }
      ... on DisplayableError {
        code
        message
      }
    }
  }
`);

export const AddContactTagsDocument = graphql(`
  mutation AddContactTags($id: ID!, $tags: [String!]!) {
    addContactTags(id: $id, tags: $tags) {
      __typename
      ... on AddContactTagsSuccess {
        tags
      }
      ... on DisplayableError {
        code
        message
      }
    }
  }
`);

export const RemoveContactTagsDocument = graphql(`
  mutation RemoveContactTags($id: ID!, $tags: [String!]!) {
    removeContactTags(id: $id, tags: $tags) {
      __typename
      ... on RemoveContactTagsSuccess {
        tags
      }
      ... on DisplayableError {
        code
        message
      }
    }
  }
`);

export const DeleteContactDocument = graphql(`
  mutation DeleteContact($id: ID!) {
    deleteContact(id: $id) {
      __typename
      ... on DeleteContactSuccess {
        deletedContactId
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on UpstreamError {
        statusCode
      }
    }
  }
`);

export const CreateContactDocument = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      __typename
      ... on CreateContactSuccess {
        contact {
          id
          firstName
          lastName
          email
          phone
          tags
        }
      }
      ... on DuplicateContactError {
        existingContactId
        matchingField
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on UpstreamError {
        statusCode
      }
    }
  }
`);

export const UpsertContactDocument = graphql(`
  mutation UpsertContact($input: UpsertContactInput!) {
    upsertContact(input: $input) {
      __typename
      ... on UpsertContactSuccess {
        created
        contact {
          id
          firstName
          lastName
          email
          phone
          tags
        }
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on UpstreamError {
        statusCode
      }
    }
  }
`);

export const SearchContactsDocument = graphql(`
  query SearchContacts(
    $locationId: ID!
    $query: String
    $filters: [ContactFilterInput!]
    $sort: [ContactSortInput!]
    $first: Int
    $after: String
  ) {
    contacts(locationId: $locationId, query: $query, filters: $filters, sort: $sort, first: $first, after: $after) {
      __typename
      ... on ContactConnection {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            firstName
            lastName
            email
            phone
            tags
            dateAdded
          }
        }
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on UpstreamError {
        statusCode
      }
    }
  }
`);
