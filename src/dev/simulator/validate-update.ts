/**
 * The simulator's check of a `PUT /contacts/{contactId}` body against `UpdateContactDto`, in the shape
 * HighLevel's NestJS ValidationPipe (class-validator, whitelist + forbidNonWhitelisted) answers 422s:
 * every message starts with the property path, a nested one with its parent's path
 * (`dndSettings.Call.status must be ...`, `customFields.0.property foo should not exist`), unknown
 * properties come first, then the DTO's properties in declaration order. One message per property.
 *
 * Pure: whether a custom field exists in the location, and whether its value fits the field's type, is
 * checked when the update is applied (custom-fields.ts), as HighLevel does after validation.
 */
import { REST_DND_CHANNELS } from '../../highlevel/types';
import { isCountryCode } from './country-codes';

type Check = (value: unknown, path: string) => string[];

const nullableString: Check = (value, path) =>
  value === null || typeof value === 'string' ? [] : [`${path} must be a string`];
const string: Check = (value, path) => (typeof value === 'string' ? [] : [`${path} must be a string`]);

/** `UpdateContactDto`'s properties, in its declaration order, each with its check. */
const PROPERTIES: readonly (readonly [string, Check])[] = [
  ['firstName', nullableString],
  ['lastName', nullableString],
  ['name', nullableString],
  ['email', (value, path) => nullableFormat(value, path, isEmail, 'an email')],
  ['phone', nullableString],
  ['address1', nullableString],
  ['city', nullableString],
  ['state', nullableString],
  ['postalCode', string],
  ['website', (value, path) => nullableFormat(value, path, isUrl, 'a URL address')],
  ['timezone', nullableString],
  ['dnd', (value, path) => (typeof value === 'boolean' ? [] : [`${path} must be a boolean value`])],
  ['dndSettings', checkDndSettings],
  ['inboundDndSettings', checkInboundDndSettings],
  ['tags', checkTags],
  ['customFields', checkCustomFields],
  ['source', nullableString],
  [
    'dateOfBirth',
    (value, path) =>
      value === null || (typeof value === 'string' && parseDateOfBirth(value)) ? [] : [`${path} must be a valid date`],
  ],
  [
    'country',
    (value, path) =>
      typeof value === 'string' && isCountryCode(value) ? [] : [`${path} must be a valid ISO 3166-1 alpha-2 code`],
  ],
  ['assignedTo', nullableString],
];
const KNOWN = new Set(PROPERTIES.map(([name]) => name));

/** Every problem with the body; empty when it is a valid UpdateContactDto. */
export function validateUpdateBody(body: Record<string, unknown>): string[] {
  const problems = unknownProperties(body, KNOWN, '');
  for (const [name, check] of PROPERTIES) {
    if (name in body) problems.push(...check(body[name], name));
  }
  return problems;
}

/**
 * `CreateContactDto`'s properties: `locationId` (required) first, then the update's, with `source` and
 * `assignedTo` not nullable, then `gender` and `companyName`.
 */
const CREATE_PROPERTIES: readonly (readonly [string, Check])[] = [
  ['locationId', (value, path) => (typeof value === 'string' && value !== '' ? [] : [`${path} should not be empty`])],
  ...PROPERTIES.map(([name, check]): readonly [string, Check] =>
    name === 'source' || name === 'assignedTo' ? [name, string] : [name, check],
  ),
  ['gender', string],
  ['companyName', nullableString],
];
const KNOWN_ON_CREATE = new Set(CREATE_PROPERTIES.map(([name]) => name));

/** Every problem with the body; empty when it is a valid CreateContactDto. */
export function validateCreateBody(body: Record<string, unknown>): string[] {
  const problems = unknownProperties(body, KNOWN_ON_CREATE, '');
  for (const [name, check] of CREATE_PROPERTIES) {
    if (name in body || name === 'locationId') problems.push(...check(body[name], name));
  }
  return problems;
}

/** `UpsertContactDto`: the create body and `createNewIfDuplicateAllowed`, a boolean. */
const UPSERT_PROPERTIES: readonly (readonly [string, Check])[] = [
  ...CREATE_PROPERTIES,
  [
    'createNewIfDuplicateAllowed',
    (value, path) => (typeof value === 'boolean' ? [] : [`${path} must be a boolean value`]),
  ],
];
const KNOWN_ON_UPSERT = new Set(UPSERT_PROPERTIES.map(([name]) => name));

/** Every problem with the body; empty when it is a valid UpsertContactDto. */
export function validateUpsertBody(body: Record<string, unknown>): string[] {
  const problems = unknownProperties(body, KNOWN_ON_UPSERT, '');
  for (const [name, check] of UPSERT_PROPERTIES) {
    if (name in body || name === 'locationId') problems.push(...check(body[name], name));
  }
  return problems;
}

/** `TagsDTO`, the body of `POST` and `DELETE /contacts/{contactId}/tags`: `tags` is required. */
export function validateTagsBody(body: Record<string, unknown>): string[] {
  return [...unknownProperties(body, new Set(['tags']), ''), ...checkTags(body.tags, 'tags')];
}

/**
 * The date formats HighLevel documents for `dateOfBirth` (YYYY/MM/DD, MM/DD/YYYY, and the same with
 * `-`, `.` or `_`): one separator used twice.
 */
const DATE_OF_BIRTH_FORMATS = [
  /^(?<y>\d{4})(?<s>[-/._])(?<m>\d{2})\k<s>(?<d>\d{2})$/,
  /^(?<m>\d{2})(?<s>[-/._])(?<d>\d{2})\k<s>(?<y>\d{4})$/,
];

/** `YYYY-MM-DD` for a real calendar date in a documented format, undefined otherwise. */
export function parseDateOfBirth(value: string): string | undefined {
  for (const format of DATE_OF_BIRTH_FORMATS) {
    const groups = format.exec(value)?.groups;
    if (!groups?.y || !groups.m || !groups.d) continue;
    const date = new Date(Date.UTC(Number(groups.y), Number(groups.m) - 1, Number(groups.d)));
    // Date.UTC rolls 02-30 over into March: a date that does not survive the round trip is not real.
    if (date.getUTCMonth() === Number(groups.m) - 1 && date.getUTCDate() === Number(groups.d)) {
      return `${groups.y}-${groups.m}-${groups.d}`;
    }
  }
  return undefined;
}

/**
 * An approximation of validator.js `isEmail` (what class-validator's `IsEmail` runs): a local part
 * without spaces or `@`, and a dotted domain whose last label is at least two letters.
 */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(value);
}

/**
 * validator.js `isURL` with its defaults, approximately: http, https or ftp, the scheme optional, and a
 * host that is an IP address or a domain with a top-level label.
 */
export function isUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'ftp:'].includes(url.protocol)) return false;
  const host = url.hostname;
  return (
    /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) ||
    host.startsWith('[') ||
    /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(host)
  );
}

function nullableFormat(value: unknown, path: string, test: (text: string) => boolean, what: string): string[] {
  if (value === null) return [];
  if (typeof value !== 'string') return [`${path} must be a string`];
  return test(value) ? [] : [`${path} must be ${what}`];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** forbidNonWhitelisted: class-validator names the property, NestJS puts the parent path in front. */
function unknownProperties(value: Record<string, unknown>, known: ReadonlySet<string>, parent: string): string[] {
  return Object.keys(value)
    .filter((key) => !known.has(key))
    .map((key) => `${parent}property ${key} should not exist`);
}

function checkTags(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path} must be an array`];
  return value.every((tag) => typeof tag === 'string') ? [] : [`each value in ${path} must be a string`];
}

const DND_CHANNELS: ReadonlySet<string> = new Set(REST_DND_CHANNELS);
const DND_SETTING_KEYS: ReadonlySet<string> = new Set(['status', 'message', 'code']);
const INBOUND_DND_SETTING_KEYS: ReadonlySet<string> = new Set(['status', 'message']);

function checkDndSettings(value: unknown, path: string): string[] {
  if (!isRecord(value)) return [`${path} must be an object`];
  const problems = unknownProperties(value, DND_CHANNELS, `${path}.`);
  for (const channel of REST_DND_CHANNELS) {
    if (channel in value)
      problems.push(
        ...checkSetting(value[channel], `${path}.${channel}`, ['active', 'inactive', 'permanent'], DND_SETTING_KEYS),
      );
  }
  return problems;
}

function checkInboundDndSettings(value: unknown, path: string): string[] {
  if (!isRecord(value)) return [`${path} must be an object`];
  const problems = unknownProperties(value, new Set(['all']), `${path}.`);
  if ('all' in value)
    problems.push(...checkSetting(value.all, `${path}.all`, ['active', 'inactive'], INBOUND_DND_SETTING_KEYS));
  return problems;
}

/** A `DndSettingSchema` or `InboundDndSettingSchema`: `status` required and enumerated, the rest strings. */
function checkSetting(value: unknown, path: string, statuses: string[], known: ReadonlySet<string>): string[] {
  if (!isRecord(value)) return [`${path} must be an object`];
  const problems = unknownProperties(value, known, `${path}.`);
  if (typeof value.status !== 'string' || !statuses.includes(value.status)) {
    problems.push(`${path}.status must be one of the following values: ${statuses.join(', ')}`);
  }
  for (const key of ['message', 'code']) {
    if (known.has(key) && key in value) problems.push(...string(value[key], `${path}.${key}`));
  }
  return problems;
}

const CUSTOM_FIELD_KEYS: ReadonlySet<string> = new Set(['id', 'key', 'field_value']);

/**
 * The items' shape only (TextField, NumericField, ... all name the field by `id` or `key` and carry a
 * `field_value` that is text, a number, a list of text or an object).
 */
function checkCustomFields(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path} must be an array`];
  return value.flatMap((item: unknown, index) => {
    const itemPath = `${path}.${index}`;
    if (!isRecord(item)) return [`${itemPath} must be an object`];
    const problems = unknownProperties(item, CUSTOM_FIELD_KEYS, `${itemPath}.`);
    for (const key of ['id', 'key']) {
      if (key in item) problems.push(...string(item[key], `${itemPath}.${key}`));
    }
    if (!isNonEmptyString(item.id) && !isNonEmptyString(item.key))
      problems.push(`${itemPath} must have an id or a key`);
    const fieldValue = item.field_value;
    if (fieldValue === undefined || fieldValue === null) {
      problems.push(`${itemPath}.field_value should not be null or undefined`);
    } else if (!isFieldValueShape(fieldValue)) {
      problems.push(`${itemPath}.field_value must be a string, a number, an array of strings or an object`);
    }
    return problems;
  });
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isFieldValueShape(value: unknown): boolean {
  if (typeof value === 'string' || isRecord(value)) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
