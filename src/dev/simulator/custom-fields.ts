/**
 * A location's custom field definitions and how an update's `customFields` items land on a contact:
 * each item names a field by `id` (or, without one, by `key`), its `field_value` must fit the field's
 * data type, and the contact keeps one `{ id, value }` per field.
 */
import type { JsonValue, RestContactCustomField, RestCustomFieldInput } from '../../highlevel/types';

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
  /** e.g. `contact.favourite_car`; callers may name it with or without the `contact.` prefix. */
  key: string;
  dataType: CustomFieldDataType;
}

/** A key without HighLevel's optional `contact.` prefix, so both spellings find the same field. */
export function bareKey(key: string): string {
  return key.replace(/^contact\./, '');
}

/** Adds a definition; one with the same id or key is replaced, as keys are unique in a location. */
export function withDefinition(
  definitions: readonly CustomFieldDefinition[],
  field: CustomFieldDefinition,
): CustomFieldDefinition[] {
  return [...definitions.filter((d) => d.id !== field.id && bareKey(d.key) !== bareKey(field.key)), { ...field }];
}

/**
 * The contact's custom fields after the update's items, or the 422 messages for items that name no
 * field of the location or whose value does not fit the field. Items are already shape-checked
 * (validate-update.ts).
 */
export function applyCustomFieldItems(
  current: readonly RestContactCustomField[],
  items: readonly RestCustomFieldInput[],
  definitions: readonly CustomFieldDefinition[],
): { fields: RestContactCustomField[] } | { problems: string[] } {
  const fields = current.map((field) => ({ ...field }));
  const problems: string[] = [];
  items.forEach((item, index) => {
    const path = `customFields.${index}`;
    const byId = typeof item.id === 'string' && item.id !== '';
    const definition = byId
      ? definitions.find((d) => d.id === item.id)
      : definitions.find((d) => typeof item.key === 'string' && bareKey(d.key) === bareKey(item.key));
    if (!definition) {
      problems.push(`${path}.${byId ? 'id' : 'key'} must be a known custom field`);
      return;
    }
    const value = fieldValue(definition.dataType, item.field_value);
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

/** The value to store, or undefined when it does not fit the type. A numeric string counts as a number. */
function fieldValue(type: CustomFieldDataType, value: JsonValue | undefined): JsonValue | undefined {
  switch (type) {
    case 'TEXT':
    case 'LARGE_TEXT':
    case 'SINGLE_OPTIONS':
    case 'RADIO':
      return typeof value === 'string' ? value : undefined;
    case 'NUMERICAL':
    case 'MONETORY':
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : undefined;
    case 'CHECKBOX':
    case 'MULTIPLE_OPTIONS':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value] : undefined;
    case 'FILE_UPLOAD':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? structuredClone(value) : undefined;
  }
}
