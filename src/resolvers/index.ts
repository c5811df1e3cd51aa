import { JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types';
import {
  AddContactTagsResult,
  ContactResult,
  ContactsResult,
  CreateContactResult,
  CustomFieldValue,
  DeleteContactResult,
  DisplayableError,
  RemoveContactTagsResult,
  UpdateContactResult,
  UpsertContactResult,
} from './abstract-types';
import { Contact } from './Contact';
import { ContactEdge } from './ContactEdge';
import { DateTime } from './DateTime';
import { AddContactTagsSuccess, RemoveContactTagsSuccess } from './ContactTagsSuccess';
import { CustomField } from './CustomField';
import { DuplicateContactError } from './DuplicateContactError';
import { DndChannelSetting } from './DndChannelSetting';
import { DndSettings } from './DndSettings';
import { InboundDndSetting } from './InboundDndSetting';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { User } from './User';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Contact,
  ContactEdge,
  User,
  AddContactTagsSuccess,
  RemoveContactTagsSuccess,
  AddContactTagsResult,
  RemoveContactTagsResult,
  DndSettings,
  DndChannelSetting,
  InboundDndSetting,
  CustomField,
  DuplicateContactError,
  UpdateContactResult,
  UpsertContactResult,
  ContactResult,
  ContactsResult,
  CreateContactResult,
  CustomFieldValue,
  DeleteContactResult,
  DisplayableError,
  DateTime,
  LocalDate: LocalDateResolver,
  JSONObject: JSONObjectResolver,
};
