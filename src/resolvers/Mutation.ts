import type { MutationResolvers } from '../__generated__/resolvers-types';
import { errorMember, invalidInput } from '../mapping/failures';
import { contactIdIssues } from '../mapping/contact-id';
import { toUpdateContactBody } from '../mapping/update-contact-input';

export const Mutation: MutationResolvers = {
  async updateContact(_parent, { id, input }, { contacts }) {
    const mapped = toUpdateContactBody(input);
    const issues = [...contactIdIssues(id), ...(mapped.ok ? [] : mapped.issues)];
    if (issues.length > 0 || !mapped.ok) return invalidInput(issues);

    const result = await contacts.update(id, mapped.body);
    return result.ok ? { __typename: 'UpdateContactSuccess', contact: result.value } : errorMember(result.failure);
  },
};
