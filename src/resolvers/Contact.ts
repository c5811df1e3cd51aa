import type { ContactResolvers } from '../__generated__/resolvers-types';
import { countryFromRest, dateTimeFromRest, localDateFromRest } from '../mapping/contact-values';
import { fromUpstream } from './from-upstream';

/** Fields not listed here resolve to the REST property of the same name. */
export const Contact: ContactResolvers = {
  country: (contact, _args, context) => fromUpstream(context, 'Contact.country', contact.country, countryFromRest),
  dateOfBirth: (contact, _args, context) =>
    fromUpstream(context, 'Contact.dateOfBirth', contact.dateOfBirth, localDateFromRest),
  dateAdded: (contact, _args, context) => fromUpstream(context, 'Contact.dateAdded', contact.dateAdded, dateTimeFromRest),
  dateUpdated: (contact, _args, context) =>
    fromUpstream(context, 'Contact.dateUpdated', contact.dateUpdated, dateTimeFromRest),
  lastActivity: (contact, _args, context) =>
    fromUpstream(context, 'Contact.lastActivity', contact.lastActivity, dateTimeFromRest),
};
