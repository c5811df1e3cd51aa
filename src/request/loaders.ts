/**
 * The request's DataLoaders: contacts and users by id. Built per request in src/request/context.ts (each holds
 * that caller's client and cache), so no caller ever receives data loaded with another caller's token.
 * Within a request an id is fetched at most once; a loader answers the upstream result, failures
 * included, so each resolver decides what a failure means for its field.
 */
import DataLoader from 'dataloader';
import type { ContactsApi } from '../highlevel/contacts';
import type { UpstreamResult } from '../highlevel/outcome';
import type { RestContact, RestUser } from '../highlevel/types';
import type { UsersApi } from '../highlevel/users';

export interface Loaders {
  contacts: DataLoader<string, UpstreamResult<RestContact>>;
  users: DataLoader<string, UpstreamResult<RestUser>>;
}

export function createLoaders(contacts: ContactsApi, users: UsersApi): Loaders {
  return {
    contacts: new DataLoader((ids) => Promise.all(ids.map((id) => contacts.get(id)))),
    users: new DataLoader((ids) => Promise.all(ids.map((id) => users.get(id)))),
  };
}
