/**
 * The operations this example sends, typed by the client preset (`npm run codegen` generates `./gql`):
 * each document carries its result and variables types into Apollo Client's calls.
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
          email
          city
          tags
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
        email
        city
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
      ... on RateLimitedError {
        retryAfterSeconds
      }
    }
  }
`);

/** The cache's view of a contact, read back after a mutation (interfaces and unions resolved by possibleTypes). */
export const ContactCityFragment = graphql(`
  fragment ContactCity on Contact {
    id
    city
  }
`);
