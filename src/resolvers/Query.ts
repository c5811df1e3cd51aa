import type { QueryResolvers } from '../__generated__/resolvers-types';
import { contactIdIssues } from '../mapping/contact-id';
import { errorMember, invalidInput } from '../mapping/failures';

export const Query: QueryResolvers = {
  async contact(_parent, { id }, { loaders }) {
    const issues = contactIdIssues(id);
    if (issues.length > 0) return invalidInput(issues);

    const result = await loaders.contacts.load(id);
    return result.ok ? { __typename: 'Contact', ...result.value } : errorMember(result.failure);
  },
};
