import type { QueryResolvers } from '../__generated__/resolvers-types';
import { contactIdIssues } from '../mapping/contact-id';
import { toContactConnection, toSearchBody } from '../mapping/contact-search';
import { errorMember, invalidInput, noContactNamedFailureMember } from '../mapping/failures';

export const Query: QueryResolvers = {
  async contact(_parent, { id }, { loaders }) {
    const issues = contactIdIssues(id);
    if (issues.length > 0) return invalidInput(issues);

    const result = await loaders.contacts.load(id);
    return result.ok ? { __typename: 'Contact', ...result.value } : errorMember(result.failure);
  },

  async contacts(_parent, args, { contacts, loaders }) {
    const mapped = toSearchBody(args);
    if (!mapped.ok) return invalidInput(mapped.issues);

    const result = await contacts.search(mapped.body);
    if (!result.ok) return noContactNamedFailureMember(result.failure);
    // A later read of a found contact in this request needs no call. `prime` keeps what the request
    // already holds: search results may lag writes, so they never replace a fresher read or write.
    for (const { contact } of result.value.hits) loaders.contacts.prime(contact.id, { ok: true, value: contact });
    return toContactConnection(result.value, mapped.body.pageLimit);
  },
};
