import { DateTimeResolver, JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types';
import { ContactResult, CustomFieldValue, DisplayableError, UpdateContactResult } from './abstract-types';
import { Contact } from './Contact';
import { CustomField } from './CustomField';
import { DndChannelSetting } from './DndChannelSetting';
import { DndSettings } from './DndSettings';
import { InboundDndSetting } from './InboundDndSetting';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Contact,
  DndSettings,
  DndChannelSetting,
  InboundDndSetting,
  CustomField,
  UpdateContactResult,
  ContactResult,
  CustomFieldValue,
  DisplayableError,
  DateTime: DateTimeResolver,
  LocalDate: LocalDateResolver,
  JSONObject: JSONObjectResolver,
};
