import type { DuplicateContactErrorResolvers } from '../__generated__/resolvers-types';
import { entityOrNull } from './entity-result';

/** The contact a create duplicated, read with the caller's token only when a client selects it. */
export const DuplicateContactError: DuplicateContactErrorResolvers = {
  existingContact: async ({ existingContactId }, _args, { loaders }) =>
    entityOrNull(await loaders.contacts.load(existingContactId)),
};
