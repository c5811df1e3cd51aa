/**
 * The contacts gateway through Apollo Client 4, as a frontend app calls it: an HttpLink behind a
 * SetContextLink that sends the signed-in user's token on every operation, and an InMemoryCache told
 * the schema's unions and interfaces (`possibleTypes`, generated) so it matches fragments on
 * `DisplayableError` and normalizes each `Contact` by id. Every member of each result union is turned
 * into an outcome the UI can render; a member added to the schema stops this file compiling until it is
 * handled.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import type { ContactQuery, UpdateContactMutation, UpdateContactMutationVariables } from './gql/graphql';
import { ContactDocument, UpdateContactDocument } from './operations';
import introspection from './possible-types';

export interface ContactsApolloOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://contacts.example.com/graphql`. */
  uri: string;
  /** The signed-in user's HighLevel access token, read for every operation (it may be refreshed). */
  getToken: () => string | Promise<string>;
}

export function createContactsApolloClient({ uri, getToken }: ContactsApolloOptions) {
  const withToken = new SetContextLink(async (previous) => ({
    headers: { ...previous.headers, authorization: `Bearer ${await getToken()}` },
  }));
  return new ApolloClient({
    link: withToken.concat(new HttpLink({ uri })),
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
}

/** What a screen shows after an update: every member of UpdateContactResult, one case each. */
export type UpdateOutcome =
  | { kind: 'updated'; contactId: string; city: string | null }
  | { kind: 'fix-input'; issues: { field: string[] | null; message: string }[] }
  | { kind: 'sign-in-again'; code: string }
  | { kind: 'not-allowed' }
  | { kind: 'gone' }
  | { kind: 'retry-later'; afterSeconds: number }
  | { kind: 'upstream-failed'; code: string; statusCode: number | null }
  | { kind: 'rejected'; message: string };

type UpdateResult = UpdateContactMutation['updateContact'];

export function toUpdateOutcome(result: UpdateResult): UpdateOutcome {
  switch (result.__typename) {
    case 'UpdateContactSuccess':
      return { kind: 'updated', contactId: result.contact.id, city: result.contact.city ?? null };
    case 'ValidationError':
      return { kind: 'fix-input', issues: result.issues };
    case 'UnauthorizedError':
      return { kind: 'sign-in-again', code: result.code };
    case 'ForbiddenError':
      return { kind: 'not-allowed' };
    case 'NotFoundError':
      return { kind: 'gone' };
    case 'RateLimitedError':
      return { kind: 'retry-later', afterSeconds: result.retryAfterSeconds ?? 1 };
    case 'UpstreamError':
      return { kind: 'upstream-failed', code: result.code, statusCode: result.statusCode ?? null };
    case 'BadRequestError':
      return { kind: 'rejected', message: result.message };
    default:
      return unhandled(result);
  }
}

type ContactResult = ContactQuery['contact'];

export type ContactOutcome =
  | { kind: 'contact'; contact: Extract<ContactResult, { __typename: 'Contact' }> }
  | { kind: 'not-shown'; code: string; message: string };

export function toContactOutcome(result: ContactResult): ContactOutcome {
  switch (result.__typename) {
    case 'Contact':
      return { kind: 'contact', contact: result };
    case 'ValidationError':
    case 'BadRequestError':
    case 'UnauthorizedError':
    case 'ForbiddenError':
    case 'NotFoundError':
    case 'RateLimitedError':
    case 'UpstreamError':
      return { kind: 'not-shown', code: result.code, message: result.message };
    default:
      return unhandled(result);
  }
}

/** Compiles only when every member was handled above. */
function unhandled(result: never): never {
  throw new Error(`unhandled result ${JSON.stringify(result)}`);
}

export async function updateContact(
  client: ReturnType<typeof createContactsApolloClient>,
  variables: UpdateContactMutationVariables,
): Promise<UpdateOutcome> {
  const { data } = await client.mutate({ mutation: UpdateContactDocument, variables });
  if (!data) throw new Error('updateContact: no data');
  return toUpdateOutcome(data.updateContact);
}

export async function readContact(
  client: ReturnType<typeof createContactsApolloClient>,
  id: string,
): Promise<ContactOutcome> {
  const { data } = await client.query({ query: ContactDocument, variables: { id }, fetchPolicy: 'network-only' });
  if (!data) throw new Error('contact: no data');
  return toContactOutcome(data.contact);
}
