/**
 * Unions and interfaces resolve their member from `__typename`, which every member object carries
 * (the mapping layer sets it; see src/mapping/failures.ts).
 */
import type {
  ContactResultResolvers,
  CustomFieldValueResolvers,
  DisplayableErrorResolvers,
  UpdateContactResultResolvers,
} from '../__generated__/resolvers-types';

const byTypename = <T extends { __typename: string }>(value: T): T['__typename'] => value.__typename;

export const UpdateContactResult: UpdateContactResultResolvers = { __resolveType: byTypename };
export const ContactResult: ContactResultResolvers = { __resolveType: byTypename };
export const CustomFieldValue: CustomFieldValueResolvers = { __resolveType: byTypename };
export const DisplayableError: DisplayableErrorResolvers = { __resolveType: byTypename };
