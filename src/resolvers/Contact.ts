import type { ContactResolvers } from '../__generated__/resolvers-types';
import { countryFromRest, dateTimeFromRest, localDateFromRest } from '../mapping/contact-values';
import { isContactId } from '../mapping/formats';
import { entityOrNull } from './entity-result';
import { fromUpstream } from './from-upstream';

/** Fields not listed here resolve to the REST property of the same name. */
export const Contact: ContactResolvers = {
  // A reference from another subgraph: an id that cannot exist is null without an upstream call.
  __resolveReference: async ({ id }, { loaders }) =>
    isContactId(id) ? entityOrNull(await loaders.contacts.load(id)) : null,
  assignedUser: async ({ assignedTo }, _args, { loaders }) =>
    assignedTo && isContactId(assignedTo) ? entityOrNull(await loaders.users.load(assignedTo)) : null,
  country: (contact, _args, context) => fromUpstream(context, 'Contact.country', contact.country, countryFromRest),
  dateOfBirth: (contact, _args, context) =>
    fromUpstream(context, 'Contact.dateOfBirth', contact.dateOfBirth, localDateFromRest),
  dateAdded: (contact, _args, context) =>
    fromUpstream(context, 'Contact.dateAdded', contact.dateAdded, dateTimeFromRest),
  dateUpdated: (contact, _args, context) =>
    fromUpstream(context, 'Contact.dateUpdated', contact.dateUpdated, dateTimeFromRest),
  lastActivity: (contact, _args, context) =>
    fromUpstream(context, 'Contact.lastActivity', contact.lastActivity, dateTimeFromRest),
};
