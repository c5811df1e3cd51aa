/**
 * Unions and interfaces resolve their member from `__typename`, which every member object carries
 * (the mapping layer sets it; see src/mapping/failures.ts).
 */
import type {
  AddContactTagsResultResolvers,
  ContactResultResolvers,
  ContactsResultResolvers,
  CreateContactResultResolvers,
  CustomFieldValueResolvers,
  DeleteContactResultResolvers,
  DisplayableErrorResolvers,
  RemoveContactTagsResultResolvers,
  UpdateContactResultResolvers,
  UpsertContactResultResolvers,
} from '../__generated__/resolvers-types';

const byTypename = <T extends { __typename: string }>(value: T): T['__typename'] => value.__typename;

export const UpdateContactResult: UpdateContactResultResolvers = { __resolveType: byTypename };
export const ContactResult: ContactResultResolvers = { __resolveType: byTypename };
export const CustomFieldValue: CustomFieldValueResolvers = { __resolveType: byTypename };
export const DisplayableError: DisplayableErrorResolvers = { __resolveType: byTypename };
export const AddContactTagsResult: AddContactTagsResultResolvers = { __resolveType: byTypename };
export const RemoveContactTagsResult: RemoveContactTagsResultResolvers = { __resolveType: byTypename };
export const DeleteContactResult: DeleteContactResultResolvers = { __resolveType: byTypename };
export const CreateContactResult: CreateContactResultResolvers = { __resolveType: byTypename };
export const UpsertContactResult: UpsertContactResultResolvers = { __resolveType: byTypename };
export const ContactsResult: ContactsResultResolvers = { __resolveType: byTypename };
