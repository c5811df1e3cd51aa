/**
 * Applies a valid `UpdateContactDto` to a stored contact as HighLevel does: absent keys are kept,
 * `null` clears, derived fields (lower-case names, email) follow, custom fields are matched to the
 * location's definitions by id or key and their values checked against the field's type.
 */
import type { JsonValue, RestContact, RestContactCustomField } from '../highlevel/types';
import { parseDateOfBirth } from './validate-update';

export type CustomFieldDataType =
  | 'TEXT'
  | 'LARGE_TEXT'
  | 'SINGLE_OPTIONS'
  | 'RADIO'
  | 'NUMERICAL'
  | 'MONETORY'
  | 'CHECKBOX'
  | 'MULTIPLE_OPTIONS'
  | 'FILE_UPLOAD';

export interface CustomFieldDefinition {
  id: string;
  /** e.g. `contact.favourite_car`; callers may send it with or without the `contact.` prefix. */
  key: string;
  dataType: CustomFieldDataType;
}

type Body = Record<string, JsonValue>;

const SIMPLE_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'phone',
  'address1',
  'city',
  'state',
  'postalCode',
  'website',
  'timezone',
  'dnd',
  'tags',
  'source',
  'country',
  'assignedTo',
] as const;

/** The updated copy, or the 422 messages for custom fields that do not fit the location's definitions. */
export function applyUpdate(
  stored: RestContact,
  body: Body,
  definitions: CustomFieldDefinition[],
): { contact: RestContact } | { problems: string[] } {
  const contact = structuredClone(stored);
  const fields: Partial<Record<(typeof SIMPLE_FIELDS)[number], unknown>> = contact;
  for (const field of SIMPLE_FIELDS) {
    if (!(field in body)) continue;
    if (body[field] === null) delete fields[field];
    else fields[field] = structuredClone(body[field]);
  }
  if ('dateOfBirth' in body) {
    const date = typeof body.dateOfBirth === 'string' ? parseDateOfBirth(body.dateOfBirth) : undefined;
    if (date) contact.dateOfBirth = `${date}T00:00:00.000Z`;
    else delete contact.dateOfBirth;
  }
  if (isObject(body.dndSettings))
    contact.dndSettings = { ...contact.dndSettings, ...structuredClone(body.dndSettings) };
  if (isObject(body.inboundDndSettings) && isObject(body.inboundDndSettings.all)) {
    contact.inboundDndSettings = { all: structuredClone(body.inboundDndSettings.all) };
  }
  if (Array.isArray(body.customFields)) {
    const result = applyCustomFields(contact.customFields ?? [], body.customFields, definitions);
    if ('problems' in result) return result;
    contact.customFields = result.fields;
  }

  const nameParts = [contact.firstName, contact.lastName].filter((part): part is string => Boolean(part));
  if (!('name' in body) && ('firstName' in body || 'lastName' in body)) {
    if (nameParts.length > 0) contact.name = nameParts.join(' ');
    else delete contact.name;
  }
  setLowerCase(contact, 'emailLowerCase', contact.email);
  setLowerCase(contact, 'firstNameLowerCase', contact.firstName);
  setLowerCase(contact, 'lastNameLowerCase', contact.lastName);
  setLowerCase(contact, 'fullNameLowerCase', nameParts.length > 0 ? nameParts.join(' ') : undefined);
  contact.dateUpdated = new Date().toISOString();
  return { contact };
}

function setLowerCase(
  contact: RestContact,
  field: 'emailLowerCase' | 'firstNameLowerCase' | 'lastNameLowerCase' | 'fullNameLowerCase',
  source: string | null | undefined,
): void {
  if (source) contact[field] = source.toLowerCase();
  else delete contact[field];
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function applyCustomFields(
  current: RestContactCustomField[],
  items: JsonValue[],
  definitions: CustomFieldDefinition[],
): { fields: RestContactCustomField[] } | { problems: string[] } {
  const fields = current.map((field) => ({ ...field }));
  const problems: string[] = [];
  items.forEach((item, index) => {
    if (!isObject(item)) return;
    const path = `customFields.${index}`;
    const bareKey = typeof item.key === 'string' ? item.key.replace(/^contact\./, '') : undefined;
    const definition = definitions.find(
      (d) => d.id === item.id || (bareKey !== undefined && d.key.replace(/^contact\./, '') === bareKey),
    );
    if (!definition) {
      problems.push(`${path}.${typeof item.id === 'string' ? 'id' : 'key'} must be a known custom field`);
      return;
    }
    const value = coerceValue(definition.dataType, item.field_value);
    if (value === undefined) {
      problems.push(`${path}.field_value must be ${EXPECTED[definition.dataType]}`);
      return;
    }
    const existing = fields.find((field) => field.id === definition.id);
    if (existing) existing.value = value;
    else fields.push({ id: definition.id, value });
  });
  return problems.length > 0 ? { problems } : { fields };
}

const EXPECTED: Record<CustomFieldDataType, string> = {
  TEXT: 'a string',
  LARGE_TEXT: 'a string',
  SINGLE_OPTIONS: 'a string',
  RADIO: 'a string',
  NUMERICAL: 'a number',
  MONETORY: 'a number',
  CHECKBOX: 'an array of strings',
  MULTIPLE_OPTIONS: 'an array of strings',
  FILE_UPLOAD: 'an object',
};

function coerceValue(type: CustomFieldDataType, value: JsonValue | undefined): JsonValue | undefined {
  switch (type) {
    case 'TEXT':
    case 'LARGE_TEXT':
    case 'SINGLE_OPTIONS':
    case 'RADIO':
      return typeof value === 'string' ? value : undefined;
    case 'NUMERICAL':
    case 'MONETORY':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : undefined;
    case 'CHECKBOX':
    case 'MULTIPLE_OPTIONS':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
    case 'FILE_UPLOAD':
      return isObject(value) ? value : undefined;
  }
}
