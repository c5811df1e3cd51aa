/**
 * Applies a validated `UpdateContactDto` to a stored contact as HighLevel does: an absent key changes
 * nothing, `null` clears (the key is removed, so a GET shows it absent), a value replaces. Derived
 * fields (`name`, the lower-case copies) are kept true, `dndSettings` merges per channel,
 * `inboundDndSettings.all` and `tags` replace, custom fields are resolved against the location.
 */
import type { RestContact, RestUpdateContactBody } from '../../highlevel/types';
import { applyCustomFieldItems, type CustomFieldDefinition } from './custom-fields';
import { parseDateOfBirth } from './validate-update';

/** Keys copied as they are: null removes them. */
const PLAIN_KEYS = [
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
  'source',
  'country',
  'assignedTo',
] as const satisfies readonly (keyof RestUpdateContactBody & keyof RestContact)[];

/** The updated copy (the stored contact is not touched), or the 422 messages about custom fields. */
export function applyUpdate(
  stored: RestContact,
  body: RestUpdateContactBody,
  definitions: readonly CustomFieldDefinition[],
  now: Date = new Date(),
): { contact: RestContact } | { problems: string[] } {
  const contact = structuredClone(stored);
  const target: Partial<Record<(typeof PLAIN_KEYS)[number], unknown>> = contact;
  for (const key of PLAIN_KEYS) {
    if (!(key in body)) continue;
    const value = body[key];
    if (value === null || value === undefined) delete target[key];
    else target[key] = value;
  }
  if ('dateOfBirth' in body) {
    const date = typeof body.dateOfBirth === 'string' ? parseDateOfBirth(body.dateOfBirth) : undefined;
    if (date) contact.dateOfBirth = `${date}T00:00:00.000Z`;
    else delete contact.dateOfBirth;
  }
  if (body.tags) contact.tags = [...body.tags];
  if (body.dndSettings) contact.dndSettings = { ...contact.dndSettings, ...structuredClone(body.dndSettings) };
  if (body.inboundDndSettings?.all) contact.inboundDndSettings = { all: { ...body.inboundDndSettings.all } };
  if (body.customFields) {
    const result = applyCustomFieldItems(contact.customFields ?? [], body.customFields, definitions);
    if ('problems' in result) return result;
    contact.customFields = result.fields;
  }
  deriveNames(contact, 'firstName' in body || 'lastName' in body, 'name' in body);
  contact.dateUpdated = now.toISOString();
  return { contact };
}

/** `name` follows first/last unless it was sent itself; the lower-case copies always follow. */
function deriveNames(contact: RestContact, namePartsSent: boolean, nameSent: boolean): void {
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  if (namePartsSent && !nameSent) setOrDelete(contact, 'name', fullName);
  setOrDelete(contact, 'emailLowerCase', contact.email?.toLowerCase());
  setOrDelete(contact, 'firstNameLowerCase', contact.firstName?.toLowerCase());
  setOrDelete(contact, 'lastNameLowerCase', contact.lastName?.toLowerCase());
  setOrDelete(contact, 'fullNameLowerCase', fullName.toLowerCase());
}

function setOrDelete(
  contact: RestContact,
  key: 'name' | 'emailLowerCase' | 'firstNameLowerCase' | 'lastNameLowerCase' | 'fullNameLowerCase',
  value: string | undefined,
): void {
  if (value) contact[key] = value;
  else delete contact[key];
}
