import type { MutationResolvers } from '../__generated__/resolvers-types';
import { contactIdIssues } from '../mapping/contact-id';
import { tagsIssues } from '../mapping/contact-tags';
import { errorMember, invalidInput } from '../mapping/failures';
import { toUpdateContactBody } from '../mapping/update-contact-input';

export const Mutation: MutationResolvers = {
  async updateContact(_parent, { id, input }, { contacts, loaders }) {
    const mapped = toUpdateContactBody(input);
    const issues = [...contactIdIssues(id), ...(mapped.ok ? [] : mapped.issues)];
    if (issues.length > 0 || !mapped.ok) return invalidInput(issues);

    const result = await contacts.update(id, mapped.body);
    if (!result.ok) return errorMember(result.failure);
    // Later reads of this contact in the same request see the update without another call.
    loaders.contacts.clear(id).prime(id, result);
    return { __typename: 'UpdateContactSuccess', contact: result.value };
  },

  async addContactTags(_parent, { id, tags }, { contacts, loaders }) {
    const issues = [...contactIdIssues(id), ...tagsIssues(tags)];
    if (issues.length > 0) return invalidInput(issues);

    const result = await contacts.addTags(id, tags);
    if (!result.ok) return errorMember(result.failure);
    loaders.contacts.clear(id);
    return { __typename: 'AddContactTagsSuccess', contactId: id, tags: result.value.tags };
  },

  async removeContactTags(_parent, { id, tags }, { contacts, loaders }) {
    const issues = [...contactIdIssues(id), ...tagsIssues(tags)];
    if (issues.length > 0) return invalidInput(issues);

    const result = await contacts.removeTags(id, tags);
    if (!result.ok) return errorMember(result.failure);
    loaders.contacts.clear(id);
    return { __typename: 'RemoveContactTagsSuccess', contactId: id, tags: result.value.tags };
  },
};
