/**
 * The simulator's check of a `PUT /contacts/{contactId}` body against `UpdateContactDto`, answering
 * messages in the style HighLevel's NestJS/class-validator stack uses: each starts with the property
 * path, and unknown properties are refused (whitelist + forbidNonWhitelisted).
 */
import { REST_DND_CHANNELS } from '../highlevel/types';

const NULLABLE_STRINGS = [
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
] as const;
const KNOWN = new Set<string>([
  ...NULLABLE_STRINGS,
  'postalCode',
  'dnd',
  'dndSettings',
  'inboundDndSettings',
  'tags',
  'customFields',
  'country',
  'dateOfBirth',
]);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The date formats HighLevel documents for dateOfBirth. */
export const DATE_OF_BIRTH_FORMATS = [
  /^(?<y>\d{4})(?<s>[-/._])(?<m>\d{2})\k<s>(?<d>\d{2})$/,
  /^(?<m>\d{2})(?<s>[-/._])(?<d>\d{2})\k<s>(?<y>\d{4})$/,
];

/** `YYYY-MM-DD` for a date of birth in a documented format, undefined otherwise. */
export function parseDateOfBirth(value: string): string | undefined {
  for (const format of DATE_OF_BIRTH_FORMATS) {
    const groups = format.exec(value)?.groups;
    if (!groups?.y || !groups.m || !groups.d) continue;
    const date = new Date(Date.UTC(Number(groups.y), Number(groups.m) - 1, Number(groups.d)));
    if (date.getUTCMonth() === Number(groups.m) - 1 && date.getUTCDate() === Number(groups.d)) {
      return `${groups.y}-${groups.m}-${groups.d}`;
    }
  }
  return undefined;
}

export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false;
  const name = regionNames.of(value);
  return name !== undefined && name !== value && name !== 'Unknown Region';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every problem with the body; empty when it is a valid UpdateContactDto. */
export function validateUpdateBody(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(body)) {
    if (!KNOWN.has(key)) problems.push(`property ${key} should not exist`);
  }
  for (const key of NULLABLE_STRINGS) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') problems.push(`${key} must be a string`);
    else if (key === 'email' && !EMAIL.test(value)) problems.push('email must be an email');
    else if (key === 'website' && !isUrl(value)) problems.push('website must be a URL address');
  }
  if ('postalCode' in body && typeof body.postalCode !== 'string') problems.push('postalCode must be a string');
  if ('dnd' in body && typeof body.dnd !== 'boolean') problems.push('dnd must be a boolean value');
  if ('country' in body && (typeof body.country !== 'string' || !isCountryCode(body.country))) {
    problems.push('country must be a valid ISO 3166-1 alpha-2 code');
  }
  if ('dateOfBirth' in body && body.dateOfBirth !== null) {
    if (typeof body.dateOfBirth !== 'string' || parseDateOfBirth(body.dateOfBirth) === undefined) {
      problems.push('dateOfBirth must be a valid date');
    }
  }
  if ('tags' in body) {
    if (!Array.isArray(body.tags)) problems.push('tags must be an array');
    else if (body.tags.some((tag) => typeof tag !== 'string')) problems.push('each value in tags must be a string');
  }
  if ('dndSettings' in body) validateDndSettings(body.dndSettings, problems);
  if ('inboundDndSettings' in body) validateInboundDndSettings(body.inboundDndSettings, problems);
  if ('customFields' in body) validateCustomFieldItems(body.customFields, problems);
  return problems;
}

function validateDndSettings(value: unknown, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('dndSettings must be an object');
    return;
  }
  for (const [channel, setting] of Object.entries(value)) {
    const path = `dndSettings.${channel}`;
    if (!(REST_DND_CHANNELS as readonly string[]).includes(channel)) {
      problems.push(`property ${path} should not exist`);
    } else if (!isRecord(setting)) {
      problems.push(`${path} must be an object`);
    } else {
      validateStatus(setting, path, ['active', 'inactive', 'permanent'], problems);
      for (const key of ['message', 'code']) {
        if (key in setting && typeof setting[key] !== 'string') problems.push(`${path}.${key} must be a string`);
      }
    }
  }
}

function validateInboundDndSettings(value: unknown, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('inboundDndSettings must be an object');
    return;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'all') problems.push(`property inboundDndSettings.${key} should not exist`);
  }
  if (!('all' in value)) return;
  if (!isRecord(value.all)) {
    problems.push('inboundDndSettings.all must be an object');
    return;
  }
  validateStatus(value.all, 'inboundDndSettings.all', ['active', 'inactive'], problems);
  if ('message' in value.all && typeof value.all.message !== 'string')
    problems.push('inboundDndSettings.all.message must be a string');
}

function validateStatus(setting: Record<string, unknown>, path: string, allowed: string[], problems: string[]): void {
  if (typeof setting.status !== 'string' || !allowed.includes(setting.status)) {
    problems.push(`${path}.status must be one of the following values: ${allowed.join(', ')}`);
  }
}

function validateCustomFieldItems(value: unknown, problems: string[]): void {
  if (!Array.isArray(value)) {
    problems.push('customFields must be an array');
    return;
  }
  value.forEach((item: unknown, index) => {
    const path = `customFields.${index}`;
    if (!isRecord(item)) {
      problems.push(`${path} must be an object`);
      return;
    }
    const hasId = typeof item.id === 'string' && item.id !== '';
    const hasKey = typeof item.key === 'string' && item.key !== '';
    if (!hasId && !hasKey) problems.push(`${path} must have an id or a key`);
    if (!('field_value' in item)) problems.push(`${path}.field_value should not be empty`);
  });
}
