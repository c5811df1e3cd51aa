/**
 * The demo's operations and their variables: printed by `npm run demo`, pre-filled in both IDEs, and
 * run by the tests that open them in a browser.
 */
import type { IdeDefaults } from '../http/graphiql';

/** A search a list view sends: a filter group, newest first, a page of 25 (pass endCursor as after). */
export const DEMO_SEARCH = `query SearchContacts($locationId: ID!, $filters: [ContactFilterInput!], $first: Int, $after: String) {
  contacts(locationId: $locationId, filters: $filters, first: $first, after: $after) {
    __typename
    ... on ContactConnection {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name email tags city } }
    }
    ... on DisplayableError { code message }
  }
}`;

/** A create that hits a duplicate (the demo location allows none), opening the existing contact. */
export const DEMO_CREATE = `mutation CreateContact($input: CreateContactInput!) {
  createContact(input: $input) {
    __typename
    ... on CreateContactSuccess { contact { id email } }
    ... on DuplicateContactError { existingContactId matchingField existingContact { id name email } }
    ... on DisplayableError { code message }
  }
}`;

export const DEMO_MUTATION = `mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) {
    __typename
    ... on UpdateContactSuccess {
      contact { id name email phone city country tags dateUpdated dndSettings { sms { status } } }
    }
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field message } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on UpstreamError { statusCode }
  }
}`;

/** The variables of DEMO_MUTATION for one of the seeded contacts. */
export function demoUpdateVariables(contactId: string) {
  return {
    id: contactId,
    input: {
      email: 'rosan@deos.com',
      phone: '+1 888-888-8888',
      city: 'Dolomite',
      country: 'US',
      tags: ['demo', 'vip'],
      dndSettings: { sms: { status: 'ACTIVE' } },
    },
  };
}

/** The variables of DEMO_SEARCH: VIP contacts or contacts in Denver, 25 a page. */
export function demoSearchVariables(locationId: string) {
  return {
    locationId,
    filters: [
      {
        group: 'OR',
        filters: [
          { field: 'TAGS', operator: 'CONTAINS', values: ['vip'] },
          { field: 'CITY', operator: 'EQ', text: 'Denver' },
        ],
      },
    ],
    first: 25,
  };
}

/** What Sandbox and GraphiQL open with: the update, its variables and the demo token. */
export function demoIdeDefaults(contactId: string, token: string): IdeDefaults {
  return {
    document: DEMO_MUTATION,
    variables: demoUpdateVariables(contactId),
    headers: { Authorization: `Bearer ${token}` },
  };
}
