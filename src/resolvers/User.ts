import type { UserResolvers } from '../__generated__/resolvers-types';
import { isContactId } from '../mapping/formats';
import { entityOrNull } from './entity-result';

export const User: UserResolvers = {
  // HighLevel user ids have the same shape as contact ids; anything else cannot exist and is not sent.
  __resolveReference: async ({ id }, { loaders }) =>
    isContactId(id) ? entityOrNull(await loaders.users.load(id)) : null,
};
