/**
 * Reads a contact out of an upstream JSON body, keeping only the documented fields with the documented
 * types. Whatever else HighLevel sends (a new field, a number where a string was promised) is dropped
 * and named in `dropped`, so the GraphQL response never fails on upstream drift.
 */
import {
  REST_DND_CHANNELS,
  type JsonValue,
  type RestAttributionSource,
  type RestContact,
  type RestContactCustomField,
  type RestContactDndSettings,
  type RestContactInboundDndSettings,
} from './types';

type JsonRecord = Record<string, unknown>;

const STRING_FIELDS = [
  'name',
  'locationId',
  'firstName',
  'lastName',
  'email',
  'emailLowerCase',
  'timezone',
  'companyName',
  'phone',
  'type',
  'source',
  'assignedTo',
  'address1',
  'city',
  'state',
  'country',
  'postalCode',
  'website',
  'dateOfBirth',
  'dateAdded',
  'dateUpdated',
  'attachments',
  'ssn',
  'keyword',
  'firstNameLowerCase',
  'fullNameLowerCase',
  'lastNameLowerCase',
  'lastActivity',
  'businessId',
  'visitorId',
] as const satisfies readonly (keyof RestContact)[];

const ATTRIBUTION_FIELDS = [
  'url',
  'campaign',
  'utmSource',
  'utmMedium',
  'utmContent',
  'referrer',
  'campaignId',
  'fbclid',
  'gclid',
  'msclikid',
  'dclid',
  'fbc',
  'fbp',
  'fbEventId',
  'userAgent',
  'ip',
  'medium',
  'mediumId',
] as const satisfies readonly (keyof RestAttributionSource)[];

export interface ReadContact {
  contact: RestContact;
  /** Paths of the values that were not of the documented type. */
  dropped: string[];
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The contact under `body.contact`, or undefined when there is none with a string id. */
export function readContactEnvelope(body: unknown): ReadContact | undefined {
  if (!isRecord(body)) return undefined;
  return readContact(body.contact);
}

export function readContact(raw: unknown): ReadContact | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return undefined;
  const dropped: string[] = [];
  const contact: RestContact = { id: raw.id };

  for (const field of STRING_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') contact[field] = value;
    else dropped.push(field);
  }
  if (typeof raw.dnd === 'boolean') contact.dnd = raw.dnd;
  else if (raw.dnd !== undefined && raw.dnd !== null) dropped.push('dnd');

  if (raw.tags !== undefined && raw.tags !== null) {
    if (Array.isArray(raw.tags)) {
      contact.tags = raw.tags.filter((tag): tag is string => typeof tag === 'string');
      if (contact.tags.length !== raw.tags.length) dropped.push('tags[]');
    } else dropped.push('tags');
  }
  if (raw.dndSettings !== undefined && raw.dndSettings !== null) {
    contact.dndSettings = readDndSettings(raw.dndSettings, dropped);
  }
  if (raw.inboundDndSettings !== undefined && raw.inboundDndSettings !== null) {
    contact.inboundDndSettings = readInboundDndSettings(raw.inboundDndSettings, dropped);
  }
  if (raw.customFields !== undefined && raw.customFields !== null) {
    contact.customFields = readCustomFields(raw.customFields, dropped);
  }
  for (const field of ['attributionSource', 'lastAttributionSource'] as const) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (isRecord(value)) contact[field] = readAttribution(value, field, dropped);
    else dropped.push(field);
  }
  return { contact, dropped };
}

function readOptionalStrings<K extends string>(
  source: JsonRecord,
  keys: readonly K[],
  path: string,
  dropped: string[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') out[key] = value;
    else dropped.push(`${path}.${key}`);
  }
  return out;
}

function readDndSettings(raw: unknown, dropped: string[]): RestContactDndSettings | undefined {
  if (!isRecord(raw)) {
    dropped.push('dndSettings');
    return undefined;
  }
  const settings: RestContactDndSettings = {};
  for (const channel of REST_DND_CHANNELS) {
    const value = raw[channel];
    if (value === undefined || value === null) continue;
    if (!isRecord(value)) {
      dropped.push(`dndSettings.${channel}`);
      continue;
    }
    settings[channel] = readOptionalStrings(value, ['status', 'message', 'code'], `dndSettings.${channel}`, dropped);
  }
  return settings;
}

function readInboundDndSettings(raw: unknown, dropped: string[]): RestContactInboundDndSettings | undefined {
  if (!isRecord(raw)) {
    dropped.push('inboundDndSettings');
    return undefined;
  }
  if (!isRecord(raw.all)) return {};
  return { all: readOptionalStrings(raw.all, ['status', 'message'], 'inboundDndSettings.all', dropped) };
}

function readCustomFields(raw: unknown, dropped: string[]): RestContactCustomField[] | undefined {
  if (!Array.isArray(raw)) {
    dropped.push('customFields');
    return undefined;
  }
  const fields: RestContactCustomField[] = [];
  raw.forEach((item, index) => {
    if (isRecord(item) && typeof item.id === 'string') {
      fields.push(item.value === undefined ? { id: item.id } : { id: item.id, value: item.value as JsonValue });
    } else {
      dropped.push(`customFields.${index}`);
    }
  });
  return fields;
}

function readAttribution(raw: JsonRecord, path: string, dropped: string[]): RestAttributionSource {
  return readOptionalStrings(raw, ATTRIBUTION_FIELDS, path, dropped);
}
