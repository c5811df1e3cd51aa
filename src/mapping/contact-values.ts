/**
 * HighLevel contact values -> GraphQL values, for the fields whose shape differs: enums, dates, custom
 * field values. A value outside the schema's enum or scalar format yields undefined; the resolver
 * returns null for it and logs, so upstream drift never fails a whole response.
 */
import { CountryCode } from '../__generated__/resolvers-types';
import type { JsonObject, JsonValue } from '../highlevel/types';
import { jsonValueProblem } from './json-value';

const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.values(CountryCode));

export function countryFromRest(value: string): CountryCode | undefined {
  const code = value.trim().toUpperCase();
  return COUNTRY_CODES.has(code) ? (code as CountryCode) : undefined;
}

/** An upstream timestamp as RFC 3339 UTC (`2021-07-02T05:18:26.704Z`). */
export function dateTimeFromRest(value: string): string | undefined {
  // HighLevel's timestamps are already in that form: no Date round trip for them.
  if (isCanonicalDateTime(value)) return value;
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Whether `value` is a valid instant written exactly as `Date.prototype.toISOString` writes it
 * (`2021-07-02T05:18:26.704Z`, years 0000-9999): the same answer as `new Date(value).toISOString()
 * === value`, without building a Date. Read character by character: it runs for every timestamp of
 * every answer (twice, here and in the DateTime scalar), and a regex with captures costs far more.
 */
export function isCanonicalDateTime(value: string): boolean {
  if (
    value.length !== 24 ||
    value[4] !== '-' ||
    value[7] !== '-' ||
    value[10] !== 'T' ||
    value[13] !== ':' ||
    value[16] !== ':' ||
    value[19] !== '.' ||
    value[23] !== 'Z' ||
    digitsAt(value, 20, 3) < 0
  )
    return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  return (
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** The decimal number in `count` characters from `start`, or -1 if any of them is not a digit. */
function digitsAt(value: string, start: number, count: number): number {
  let number = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// The date formats HighLevel documents for dateOfBirth, year first or month first, with any of - / . _
const YEAR_FIRST = /^(\d{4})[-/._](\d{2})[-/._](\d{2})(?:$|T)/;
const MONTH_FIRST = /^(\d{2})[-/._](\d{2})[-/._](\d{4})$/;

/** An upstream date of birth (`1990-09-25T00:00:00.000Z`, `1990-09-25`, `09/25/1990`) as `YYYY-MM-DD`. */
export function localDateFromRest(value: string): string | undefined {
  const yearFirst = YEAR_FIRST.exec(value);
  const monthFirst = yearFirst ? null : MONTH_FIRST.exec(value);
  const [year, month, day] = yearFirst
    ? [yearFirst[1], yearFirst[2], yearFirst[3]]
    : monthFirst
      ? [monthFirst[3], monthFirst[1], monthFirst[2]]
      : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : undefined;
}

export type CustomFieldValue =
  | { __typename: 'CustomFieldText'; text: string }
  | { __typename: 'CustomFieldTextList'; texts: string[] }
  | { __typename: 'CustomFieldNumber'; number: number }
  | { __typename: 'CustomFieldObject'; object: JsonObject };

/** A custom field's value by its JSON shape; null for an empty value, undefined for an unknown shape. */
export function customFieldValueFromRest(value: JsonValue | undefined): CustomFieldValue | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return { __typename: 'CustomFieldText', text: value };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { __typename: 'CustomFieldNumber', number: value } : undefined;
  if (Array.isArray(value)) {
    return value.every((item): item is string => typeof item === 'string')
      ? { __typename: 'CustomFieldTextList', texts: value }
      : undefined;
  }
  // Too deep to serialize, or numbers JSON would write changed: off the contract, like any other shape.
  if (typeof value === 'object')
    return jsonValueProblem(value) === undefined ? { __typename: 'CustomFieldObject', object: value } : undefined;
  return undefined;
}
