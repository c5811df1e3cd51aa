/**
 * `UpdateContactInput` -> the body of `PUT /contacts/{contactId}`, `CreateContactInput` -> the body of
 * `POST /contacts/`, and back again for the field paths in HighLevel's 422 messages. The one place
 * where GraphQL input names meet HighLevel's keys.
 *
 * Null is not omitted: an input field that is absent is not sent, one set to `null` is sent as `null`
 * where the contract says "string or null" for that body, and is refused where it does not.
 */
import type {
  CreateContactInput,
  CustomFieldInput,
  CustomFieldValueInput,
  DndSettingsInput,
  InboundDndSettingsInput,
  UpdateContactInput,
  UpsertContactInput,
} from '../__generated__/resolvers-types';
import type {
  RestCreateContactBody,
  RestCustomFieldInput,
  RestCustomFieldValue,
  RestDndSettings,
  RestInboundDndSettings,
  RestUpdateContactBody,
  RestUpsertContactBody,
} from '../highlevel/types';
import { contactIdIssues } from './contact-id';
import {
  DND_CHANNELS,
  dndChannelFromRest,
  dndStatusToRest,
  inboundDndStatusToRest,
  type GraphqlDndChannel,
} from './dnd';
import { isEmail, isHttpUrl, isIanaTimeZone } from './formats';
import { JSON_VALUE_MAX_BYTES, jsonValueProblem } from './json-value';

export interface InputIssue {
  /** Path of the offending argument, e.g. `['input', 'email']`; null when unknown. */
  field: string[] | null;
  message: string;
}

export type Mapped<Body> = { ok: true; body: Body } | { ok: false; issues: InputIssue[] };
export type InputMapping = Mapped<RestUpdateContactBody>;

/**
 * GraphQL input field -> HighLevel body key, for both inputs. `satisfies` makes a new field of either
 * input a compile error here.
 */
export const INPUT_FIELDS = {
  locationId: 'locationId',
  firstName: 'firstName',
  lastName: 'lastName',
  name: 'name',
  email: 'email',
  phone: 'phone',
  address1: 'address1',
  city: 'city',
  state: 'state',
  postalCode: 'postalCode',
  website: 'website',
  timezone: 'timezone',
  dnd: 'dnd',
  dndSettings: 'dndSettings',
  inboundDndSettings: 'inboundDndSettings',
  tags: 'tags',
  customFields: 'customFields',
  source: 'source',
  country: 'country',
  assignedTo: 'assignedTo',
  dateOfBirth: 'dateOfBirth',
  gender: 'gender',
  companyName: 'companyName',
  createNewIfDuplicateAllowed: 'createNewIfDuplicateAllowed',
} as const satisfies { [K in keyof Required<UpsertContactInput>]: keyof RestUpsertContactBody } & {
  [K in keyof Required<CreateContactInput>]: keyof RestCreateContactBody;
} & {
  [K in keyof Required<UpdateContactInput>]: keyof RestUpdateContactBody;
};

/** Custom field input member -> HighLevel key. */
const CUSTOM_FIELD_KEYS = { id: 'id', key: 'key', value: 'field_value' } as const satisfies Record<
  keyof CustomFieldInput,
  keyof RestCustomFieldInput
>;

/** The fields both inputs share, and the two only create has (update never sets them). */
type ContactFieldsInput = UpdateContactInput & Partial<Pick<CreateContactInput, 'gender' | 'companyName'>>;
type ContactFieldsBody = Omit<RestCreateContactBody, 'locationId' | 'source' | 'assignedTo'> &
  Pick<RestUpdateContactBody, 'source' | 'assignedTo'>;

/** Text fields, with the check a non-null value must pass. */
const TEXT_FIELDS = {
  firstName: undefined,
  lastName: undefined,
  name: undefined,
  email: (value: string) => (isEmail(value) ? null : 'must be a valid email address'),
  phone: undefined,
  address1: undefined,
  city: undefined,
  state: undefined,
  postalCode: undefined,
  website: (value: string) => (isHttpUrl(value) ? null : 'must be an absolute http or https URL'),
  timezone: (value: string) =>
    isIanaTimeZone(value) ? null : 'must be an IANA time zone name, such as America/Chihuahua',
  source: undefined,
  assignedTo: undefined,
  dateOfBirth: undefined, // already a valid YYYY-MM-DD: the LocalDate scalar checked it
  gender: undefined,
  companyName: undefined,
} as const satisfies Partial<Record<keyof ContactFieldsInput, ((value: string) => string | null) | undefined>>;

type TextField = keyof typeof TEXT_FIELDS;
const TEXT_ENTRIES = Object.entries(TEXT_FIELDS) as [TextField, ((value: string) => string | null) | undefined][];

/** The text fields whose contract type is "string or null", in each body. */
const NULLABLE_IN_UPDATE: ReadonlySet<TextField> = new Set<TextField>([
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'address1',
  'city',
  'state',
  'website',
  'timezone',
  'source',
  'assignedTo',
  'dateOfBirth',
]);
const NULLABLE_IN_CREATE: ReadonlySet<TextField> = new Set<TextField>([
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'address1',
  'city',
  'state',
  'website',
  'timezone',
  'dateOfBirth',
  'companyName',
]);

const NOT_NULL = 'cannot be null: HighLevel does not allow clearing it';
const NOT_NULL_ON_CREATE = 'cannot be null: leave it out instead';

/** Refusals are reported under `input`, with their path. */
function collector(): { issues: InputIssue[]; refuse: Refuse } {
  const issues: InputIssue[] = [];
  const refuse: Refuse = (path, message) =>
    issues.push({ field: ['input', ...path.map(String)], message: `${path.join('.')} ${message}` });
  return { issues, refuse };
}

export function toUpdateContactBody(input: UpdateContactInput): InputMapping {
  const { issues, refuse } = collector();
  const body: RestUpdateContactBody = contactFields(input, NULLABLE_IN_UPDATE, NOT_NULL, refuse);
  if (issues.length === 0 && Object.keys(body).length === 0) {
    return { ok: false, issues: [{ field: ['input'], message: 'input must set at least one field to change' }] };
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, body };
}

export function toCreateContactBody(input: CreateContactInput): Mapped<RestCreateContactBody> {
  const { issues, refuse } = collector();
  for (const issue of contactIdIssues(input.locationId, 'locationId'))
    refuse(['locationId'], issue.message.replace(/^locationId /, ''));
  const fields = contactFields(input, NULLABLE_IN_CREATE, NOT_NULL_ON_CREATE, refuse);
  if (issues.length > 0) return { ok: false, issues };
  // `source` and `assignedTo` are not nullable here: contactFields refused a null for them above.
  return { ok: true, body: { locationId: input.locationId, ...(fields as Omit<RestCreateContactBody, 'locationId'>) } };
}

/** The create body, and `createNewIfDuplicateAllowed` when given (null refused, like any such field). */
export function toUpsertContactBody(input: UpsertContactInput): Mapped<RestUpsertContactBody> {
  const { createNewIfDuplicateAllowed, ...fields } = input;
  const created = toCreateContactBody(fields);
  if (createNewIfDuplicateAllowed === undefined) return created;
  if (createNewIfDuplicateAllowed === null) {
    const issue = {
      field: ['input', 'createNewIfDuplicateAllowed'],
      message: `createNewIfDuplicateAllowed ${NOT_NULL_ON_CREATE}`,
    };
    return { ok: false, issues: [...(created.ok ? [] : created.issues), issue] };
  }
  return created.ok ? { ok: true, body: { ...created.body, createNewIfDuplicateAllowed } } : created;
}

/** The fields both bodies share, null sent only for the text fields in `nullable`. */
function contactFields(
  input: ContactFieldsInput,
  nullable: ReadonlySet<TextField>,
  notNull: string,
  refuse: Refuse,
): ContactFieldsBody {
  const body: ContactFieldsBody = {};
  for (const [field, check] of TEXT_ENTRIES) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null) {
      if (nullable.has(field)) (body as Record<string, unknown>)[INPUT_FIELDS[field]] = null;
      else refuse([field], notNull);
      continue;
    }
    const problem = check ? check(value) : null;
    if (problem) refuse([field], problem);
    else (body as Record<string, unknown>)[INPUT_FIELDS[field]] = value;
  }
  if (input.dnd !== undefined) {
    if (input.dnd === null) refuse(['dnd'], notNull);
    else body.dnd = input.dnd;
  }
  if (input.country !== undefined) {
    if (input.country === null) refuse(['country'], notNull);
    else body.country = input.country;
  }
  if (input.tags !== undefined) {
    if (input.tags === null)
      refuse(['tags'], notNull === NOT_NULL ? `${NOT_NULL}; send [] to remove every tag` : notNull);
    else body.tags = input.tags;
  }
  if (input.dndSettings !== undefined) {
    if (input.dndSettings === null) refuse(['dndSettings'], notNull);
    else body.dndSettings = toDndSettings(input.dndSettings, refuse);
  }
  if (input.inboundDndSettings !== undefined) {
    if (input.inboundDndSettings === null) refuse(['inboundDndSettings'], notNull);
    else body.inboundDndSettings = toInboundDndSettings(input.inboundDndSettings, refuse);
  }
  if (input.customFields !== undefined) {
    if (input.customFields === null) refuse(['customFields'], notNull);
    else body.customFields = input.customFields.map((item, index) => toCustomField(item, index, refuse));
  }
  return body;
}

type Refuse = (path: (string | number)[], message: string) => void;

function toDndSettings(input: DndSettingsInput, refuse: Refuse): RestDndSettings {
  const settings: RestDndSettings = {};
  for (const channel of Object.keys(DND_CHANNELS) as GraphqlDndChannel[]) {
    const setting = input[channel];
    if (setting === undefined) continue;
    if (setting === null) {
      refuse(['dndSettings', channel], NOT_NULL);
      continue;
    }
    const rest: RestDndSettings[keyof RestDndSettings] = { status: dndStatusToRest(setting.status) };
    for (const key of ['message', 'code'] as const) {
      const value = setting[key];
      if (value === null) refuse(['dndSettings', channel, key], NOT_NULL);
      else if (value !== undefined) rest[key] = value;
    }
    settings[DND_CHANNELS[channel]] = rest;
  }
  return settings;
}

function toInboundDndSettings(input: InboundDndSettingsInput, refuse: Refuse): RestInboundDndSettings {
  if (input.all === undefined) return {};
  if (input.all === null) {
    refuse(['inboundDndSettings', 'all'], NOT_NULL);
    return {};
  }
  const all: RestInboundDndSettings['all'] = { status: inboundDndStatusToRest(input.all.status) };
  if (input.all.message === null) refuse(['inboundDndSettings', 'all', 'message'], NOT_NULL);
  else if (input.all.message !== undefined) all.message = input.all.message;
  return { all };
}

function toCustomField(input: CustomFieldInput, index: number, refuse: Refuse): RestCustomFieldInput {
  const item: RestCustomFieldInput = { field_value: '' };
  const named = (input.id ?? null) !== null ? 1 : 0;
  const keyed = (input.key ?? null) !== null ? 1 : 0;
  if (named + keyed !== 1) refuse(['customFields', index], 'must name the field by exactly one of id or key');
  if (input.id) item[CUSTOM_FIELD_KEYS.id] = input.id;
  if (input.key) item[CUSTOM_FIELD_KEYS.key] = input.key;
  const value = customFieldValue(input.value);
  const objectProblem =
    input.value.object === undefined || input.value.object === null
      ? undefined
      : jsonValueProblem(input.value.object, { maxBytes: JSON_VALUE_MAX_BYTES });
  if (value === undefined)
    refuse(['customFields', index, 'value'], 'must set exactly one of text, texts, number or object');
  else if (objectProblem) refuse(['customFields', index, 'value', 'object'], objectProblem);
  else item[CUSTOM_FIELD_KEYS.value] = value;
  return item;
}

function customFieldValue(input: CustomFieldValueInput): RestCustomFieldValue | undefined {
  const present = [input.text, input.texts, input.number, input.object].filter((v) => v !== undefined && v !== null);
  return present.length === 1 ? present[0] : undefined;
}

/**
 * A HighLevel body path (`dndSettings.Call.status`, `customFields.0.field_value`) -> the GraphQL input
 * path (`['input', 'dndSettings', 'call', 'status']`); null when it names nothing in the input.
 */
export function inputPathFromRest(restPath: string): string[] | null {
  const [head, ...rest] = restPath.split('.');
  const field = (Object.keys(INPUT_FIELDS) as (keyof typeof INPUT_FIELDS)[]).find((key) => INPUT_FIELDS[key] === head);
  if (!field) return null;
  if (field === 'dndSettings' && rest[0] !== undefined) {
    const channel = dndChannelFromRest(rest[0]);
    return channel ? ['input', field, channel, ...rest.slice(1)] : ['input', field];
  }
  if (field === 'customFields' && rest.length > 0) {
    const key = (Object.keys(CUSTOM_FIELD_KEYS) as (keyof typeof CUSTOM_FIELD_KEYS)[]).find(
      (k) => CUSTOM_FIELD_KEYS[k] === rest[1],
    );
    return [
      'input',
      field,
      ...(rest[0] !== undefined && /^\d+$/.test(rest[0]) ? [rest[0]] : []),
      ...(key ? [key] : []),
    ];
  }
  return ['input', field, ...rest];
}
