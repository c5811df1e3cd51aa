import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../request/context';
import type { UpstreamResult } from '../highlevel/outcome';
import type { RestTagsResponse } from '../highlevel/types';
import { contactIdIssues } from '../mapping/contact-id';
import { tagsIssues } from '../mapping/contact-tags';
import { createFailureMember, errorMember, invalidInput, noContactNamedFailureMember } from '../mapping/failures';
import { toCreateContactBody, toUpdateContactBody, toUpsertContactBody } from '../mapping/contact-input';

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

  async createContact(_parent, { input }, { contacts, loaders }) {
    const mapped = toCreateContactBody(input);
    if (!mapped.ok) return invalidInput(mapped.issues);

    const result = await contacts.create(mapped.body);
    if (!result.ok) return createFailureMember(result.failure);
    // A read of the new contact later in the same request needs no call.
    loaders.contacts.prime(result.value.id, result);
    return { __typename: 'CreateContactSuccess', contact: result.value };
  },

  async upsertContact(_parent, { input }, { contacts, loaders }) {
    const mapped = toUpsertContactBody(input);
    if (!mapped.ok) return invalidInput(mapped.issues);

    const result = await contacts.upsert(mapped.body);
    if (!result.ok) return noContactNamedFailureMember(result.failure);
    const { contact } = result.value;
    loaders.contacts.clear(contact.id).prime(contact.id, { ok: true, value: contact });
    return { __typename: 'UpsertContactSuccess', contact, created: result.value.new };
  },

  async deleteContact(_parent, { id }, { contacts, loaders }) {
    const issues = contactIdIssues(id);
    if (issues.length > 0) return invalidInput(issues);

    const result = await contacts.delete(id);
    // Whatever the answer, what the request had read of the contact may no longer hold.
    loaders.contacts.clear(id);
    if (!result.ok) return errorMember(result.failure);
    return { __typename: 'DeleteContactSuccess', deletedContactId: id };
  },

  addContactTags: (_parent, { id, tags }, context) =>
    changeTags('AddContactTagsSuccess', id, tags, context, () => context.contacts.addTags(id, tags)),

  removeContactTags: (_parent, { id, tags }, context) =>
    changeTags('RemoveContactTagsSuccess', id, tags, context, () => context.contacts.removeTags(id, tags)),
};

async function changeTags<Typename extends 'AddContactTagsSuccess' | 'RemoveContactTagsSuccess'>(
  typename: Typename,
  id: string,
  tags: string[],
  { loaders }: GatewayContext,
  call: () => Promise<UpstreamResult<RestTagsResponse>>,
) {
  const issues = [...contactIdIssues(id), ...tagsIssues(tags)];
  if (issues.length > 0) return invalidInput(issues);

  const result = await call();
  if (!result.ok) return errorMember(result.failure);
  loaders.contacts.clear(id); // the cached contact's tags are stale now
  return { __typename: typename, contactId: id, tags: result.value.tags };
}
