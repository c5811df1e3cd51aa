import type {
  AddContactTagsSuccessResolvers,
  RemoveContactTagsSuccessResolvers,
} from '../__generated__/resolvers-types';
import { entityOrNull } from './entity-result';

/** The contact after a tag change, read only when a client selects it. */
export const AddContactTagsSuccess: AddContactTagsSuccessResolvers = {
  contact: async ({ contactId }, _args, { loaders }) => entityOrNull(await loaders.contacts.load(contactId)),
};

export const RemoveContactTagsSuccess: RemoveContactTagsSuccessResolvers = {
  contact: async ({ contactId }, _args, { loaders }) => entityOrNull(await loaders.contacts.load(contactId)),
};
