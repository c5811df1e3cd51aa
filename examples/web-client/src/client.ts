/**
 * A small typed client for the contacts gateway, with plain `fetch`: what a frontend app needs to
 * search, create, update, read and delete contacts and handle every outcome. Result and variable types come from the
 * generated documents, so this file stops compiling when the schema changes under it.
 */
import type { TypedDocumentString } from './gql/graphql';
import {
  AddContactTagsDocument,
  ContactDocument,
  CreateContactDocument,
  DeleteContactDocument,
  RemoveContactTagsDocument,
  SearchContactsDocument,
  UpdateContactDocument,
  UpsertContactDocument,
} from './operations';
import type {
  CreateContactMutation,
  CreateContactMutationVariables,
  DeleteContactMutation,
  SearchContactsQuery,
  SearchContactsQueryVariables,
  UpdateContactMutation,
  UpdateContactMutationVariables,
  UpsertContactMutation,
  UpsertContactMutationVariables,
} from './gql/graphql';

export interface ContactsClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://contacts.example.com/graphql`. */
  endpoint: string;
  /** The signed-in user's HighLevel access token, read at every call (it may be refreshed). */
  getToken: () => string | Promise<string>;
}

/** Transport-level failure: the gateway could not run the operation at all (network, 4xx/5xx, errors[]). */
export class GatewayRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GatewayRequestError';
  }
}

export function createContactsClient({ endpoint, getToken }: ContactsClientOptions) {
  async function execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${await getToken()}`,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = (await response.json()) as { data?: TResult | null; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) {
      throw new GatewayRequestError(
        body.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`,
        response.status,
      );
    }
    return body.data;
  }

  return {
    updateContact: async (variables: UpdateContactMutationVariables) =>
      (await execute(UpdateContactDocument, variables)).updateContact,
    contact: async (id: string) => (await execute(ContactDocument, { id })).contact,
    addTags: async (id: string, tags: string[]) => (await execute(AddContactTagsDocument, { id, tags })).addContactTags,
    removeTags: async (id: string, tags: string[]) =>
      (await execute(RemoveContactTagsDocument, { id, tags })).removeContactTags,
    deleteContact: async (id: string) => (await execute(DeleteContactDocument, { id })).deleteContact,
    createContact: async (variables: CreateContactMutationVariables) =>
      (await execute(CreateContactDocument, variables)).createContact,
    upsertContact: async (variables: UpsertContactMutationVariables) =>
      (await execute(UpsertContactDocument, variables)).upsertContact,
    searchContacts: async (variables: SearchContactsQueryVariables) =>
      (await execute(SearchContactsDocument, variables)).contacts,
  };
}

export type SearchContactsResult = SearchContactsQuery['contacts'];
export type SearchedContact = Extract<
  SearchContactsResult,
  { __typename: 'ContactConnection' }
>['edges'][number]['node'];

/** A page of a search, or why there is none. */
export type SearchOutcome =
  { kind: 'page'; contacts: SearchedContact[]; nextCursor: string | null; totalCount: number | null } | FailureOutcome;

export function toSearchOutcome(result: SearchContactsResult): SearchOutcome {
  if (result.__typename !== 'ContactConnection') return toFailureOutcome(result);
  return {
    kind: 'page',
    contacts: result.edges.map((edge) => edge.node),
    nextCursor: result.pageInfo.hasNextPage ? (result.pageInfo.endCursor ?? null) : null,
    totalCount: result.totalCount ?? null,
  };
}

/**
 * Every contact a search finds, page after page (an export, or "select all"); stops at the first
 * failure and answers it. `maxPages` bounds the walk.
 */
export async function searchAllContacts(
  client: Pick<ReturnType<typeof createContactsClient>, 'searchContacts'>,
  variables: Omit<SearchContactsQueryVariables, 'after'>,
  maxPages = 100,
): Promise<{ kind: 'all'; contacts: SearchedContact[] } | FailureOutcome> {
  const contacts: SearchedContact[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const outcome = toSearchOutcome(await client.searchContacts({ ...variables, after }));
    if (outcome.kind !== 'page') return outcome;
    contacts.push(...outcome.contacts);
    if (outcome.nextCursor === null) break;
    after = outcome.nextCursor;
  }
  return { kind: 'all', contacts };
}

export type UpdateContactResult = UpdateContactMutation['updateContact'];
export type DeleteContactResult = DeleteContactMutation['deleteContact'];
export type CreateContactResult = CreateContactMutation['createContact'];
export type UpsertContactResult = UpsertContactMutation['upsertContact'];

/** What the UI shows or does for a failure, whichever operation it came from. */
export type FailureOutcome =
  | { kind: 'fix-input'; problems: { field: string | null; message: string }[] }
  | { kind: 'sign-in-again' }
  | { kind: 'not-allowed'; message: string }
  | { kind: 'gone'; message: string }
  | { kind: 'retry-later'; afterSeconds: number | null; message: string };

/** Exhaustive: a new union member is a compile error here. */
export type UpdateOutcome = { kind: 'saved'; contactId: string } | FailureOutcome;
export type DeleteOutcome = { kind: 'deleted'; contactId: string } | FailureOutcome;
/** A duplicate is the outcome a create UI offers to open (or merge) the existing contact for. */
export type CreateOutcome =
  | { kind: 'created'; contactId: string }
  | { kind: 'duplicate'; existingContactId: string; matchingField: string | null }
  | FailureOutcome;

/** An upsert says whether the contact it saved is a new one. */
export type UpsertOutcome = { kind: 'saved'; contactId: string; created: boolean } | FailureOutcome;

export function toUpsertOutcome(result: UpsertContactResult): UpsertOutcome {
  return result.__typename === 'UpsertContactSuccess'
    ? { kind: 'saved', contactId: result.contact.id, created: result.created }
    : toFailureOutcome(result);
}

export function toCreateOutcome(result: CreateContactResult): CreateOutcome {
  switch (result.__typename) {
    case 'CreateContactSuccess':
      return { kind: 'created', contactId: result.contact.id };
    case 'DuplicateContactError':
      return {
        kind: 'duplicate',
        existingContactId: result.existingContactId,
        matchingField: result.matchingField ?? null,
      };
    default:
      return toFailureOutcome(result);
  }
}

export function toOutcome(result: UpdateContactResult): UpdateOutcome {
  return result.__typename === 'UpdateContactSuccess'
    ? { kind: 'saved', contactId: result.contact.id }
    : toFailureOutcome(result);
}

export function toDeleteOutcome(result: DeleteContactResult): DeleteOutcome {
  return result.__typename === 'DeleteContactSuccess'
    ? { kind: 'deleted', contactId: result.deletedContactId }
    : toFailureOutcome(result);
}

type Failure =
  | Exclude<UpdateContactResult, { __typename: 'UpdateContactSuccess' }>
  | Exclude<DeleteContactResult, { __typename: 'DeleteContactSuccess' }>
  | Exclude<CreateContactResult, { __typename: 'CreateContactSuccess' | 'DuplicateContactError' }>
  | Exclude<UpsertContactResult, { __typename: 'UpsertContactSuccess' }>
  | Exclude<SearchContactsResult, { __typename: 'ContactConnection' }>;

function toFailureOutcome(result: Failure): FailureOutcome {
  switch (result.__typename) {
    case 'ValidationError':
      return {
        kind: 'fix-input',
        problems: result.issues.map((issue) => ({ field: issue.field?.join('.') ?? null, message: issue.message })),
      };
    case 'BadRequestError':
      return { kind: 'fix-input', problems: [{ field: null, message: result.message }] };
    case 'UnauthorizedError':
      // A missing or malformed header is a bug in the app; a rejected token means signing in again.
      return { kind: 'sign-in-again' };
    case 'ForbiddenError':
      return { kind: 'not-allowed', message: result.message };
    case 'NotFoundError':
      return { kind: 'gone', message: result.message };
    case 'RateLimitedError':
      return { kind: 'retry-later', afterSeconds: result.retryAfterSeconds ?? null, message: result.message };
    case 'UpstreamError':
      return { kind: 'retry-later', afterSeconds: null, message: result.message };
    default:
      return assertNever(result);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled result: ${JSON.stringify(value)}`);
}
