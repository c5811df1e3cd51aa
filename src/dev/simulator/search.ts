/**
 * `POST /contacts/search` as the contract documents it: the body's checks (422 with class-validator's
 * wording, as HighLevel's NestJS stack answers), the filters and groups over a location's contacts, the
 * full-text `query`, the sort (latest added first by default, the id breaking ties), and paging by
 * `searchAfter` (a contact's sort values, then its id) or `page`, with `total` counting every match.
 */
import type { RestContact } from '../../highlevel/types';

export const MAX_PAGE_LIMIT = 500;
/** `page` reaches at most this many records. */
const MAX_PAGE_DEPTH = 10_000;
const MAX_STRING_VALUE = 75;
const OPERATORS = new Set(['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range']);
const RANGE_KEYS = new Set(['gt', 'gte', 'lt', 'lte']);
const KNOWN_KEYS = new Set(['locationId', 'pageLimit', 'page', 'searchAfter', 'query', 'filters', 'sort']);
/** The documented searchable fields; `customFields.<id>` names a custom field. */
const FIELDS = new Set([
  'firstNameLowerCase',
  'lastNameLowerCase',
  'email',
  'phone',
  'dnd',
  'tags',
  'dateAdded',
  'dateUpdated',
  'assignedTo',
  'country',
  'city',
  'state',
  'postalCode',
  'source',
  'businessId',
  'companyName',
]);
const DATE_FIELDS = new Set(['dateAdded', 'dateUpdated']);
const CUSTOM_FIELD = /^customFields\.([A-Za-z0-9_-]{1,64})$/;
const SPECIAL_CHARACTERS = /[^\p{L}\p{N} ]/u;

type Json = Record<string, unknown>;
type SortValue = string | number;

interface Condition {
  field: string;
  operator: string;
  value?: unknown;
}
interface Group {
  group: 'AND' | 'OR';
  filters: Filter[];
}
type Filter = Condition | Group;

export interface SearchRequest {
  locationId: string;
  pageLimit: number;
  page?: number;
  searchAfter?: SortValue[];
  query?: string;
  filters: Filter[];
  sort: { field: string; direction: 'asc' | 'desc' }[];
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request the body describes, or the 422's messages. */
export function readSearchBody(body: Json): SearchRequest | string[] {
  const problems: string[] = [];
  for (const key of Object.keys(body)) if (!KNOWN_KEYS.has(key)) problems.push(`property ${key} should not exist`);

  if (typeof body.locationId !== 'string' || body.locationId === '')
    problems.push('locationId should not be empty', 'locationId must be a string');
  const { pageLimit, page, searchAfter, query, filters = [], sort = [] } = body;
  if (typeof pageLimit !== 'number' || !Number.isInteger(pageLimit))
    problems.push('pageLimit must be an integer number');
  else if (pageLimit < 1) problems.push('pageLimit must not be less than 1');
  else if (pageLimit > MAX_PAGE_LIMIT) problems.push(`pageLimit must not be greater than ${MAX_PAGE_LIMIT}`);
  if (page !== undefined) {
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 1)
      problems.push('page must be a positive integer');
    else if (typeof pageLimit === 'number' && page * pageLimit > MAX_PAGE_DEPTH)
      problems.push(`page reaches at most ${MAX_PAGE_DEPTH} records: use searchAfter`);
    if (searchAfter !== undefined) problems.push('page and searchAfter cannot be used together');
  }
  if (
    searchAfter !== undefined &&
    (!Array.isArray(searchAfter) ||
      searchAfter.length === 0 ||
      !searchAfter.every((value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))))
  )
    problems.push('searchAfter must be an array of strings and numbers');
  if (query !== undefined) {
    if (typeof query !== 'string') problems.push('query must be a string');
    else if (query.length > MAX_STRING_VALUE)
      problems.push(`query must be shorter than or equal to ${MAX_STRING_VALUE} characters`);
  }
  if (!Array.isArray(filters)) problems.push('filters must be an array');
  else filters.forEach((filter, index) => checkFilter(filter, `filters.${index}`, problems));
  if (!Array.isArray(sort)) problems.push('sort must be an array');
  else
    sort.forEach((key, index) => {
      if (!isRecord(key) || typeof key.field !== 'string' || !isSortable(key.field))
        problems.push(`sort.${index}.field must be a sortable contact field`);
      if (!isRecord(key) || (key.direction !== 'asc' && key.direction !== 'desc'))
        problems.push(`sort.${index}.direction must be one of the following values: asc, desc`);
    });
  if (problems.length > 0) return problems;
  const sortKeys = sort as SearchRequest['sort'];
  if (Array.isArray(searchAfter) && searchAfter.length !== sortOrder(sortKeys).length)
    return ['searchAfter must hold one value for each sort field and the id'];
  return {
    locationId: body.locationId as string,
    pageLimit: pageLimit as number,
    ...(typeof page === 'number' ? { page } : {}),
    ...(Array.isArray(searchAfter) ? { searchAfter: searchAfter as SortValue[] } : {}),
    ...(typeof query === 'string' && query !== '' ? { query } : {}),
    filters: filters as Filter[],
    sort: sortKeys,
  };
}

function isSortable(field: string): boolean {
  return FIELDS.has(field) && field !== 'tags' && field !== 'dnd';
}

function checkFilter(filter: unknown, path: string, problems: string[]): void {
  if (!isRecord(filter)) {
    problems.push(`${path} must be an object`);
    return;
  }
  if ('group' in filter) {
    if (filter.group !== 'AND' && filter.group !== 'OR')
      problems.push(`${path}.group must be one of the following values: AND, OR`);
    if (!Array.isArray(filter.filters) || filter.filters.length === 0)
      problems.push(`${path}.filters must be a non-empty array`);
    else filter.filters.forEach((nested, index) => checkFilter(nested, `${path}.filters.${index}`, problems));
    for (const key of Object.keys(filter))
      if (key !== 'group' && key !== 'filters') problems.push(`${path}.property ${key} should not exist`);
    return;
  }
  const { field, operator } = filter;
  if (typeof field !== 'string' || (!FIELDS.has(field) && !CUSTOM_FIELD.test(field)))
    problems.push(`${path}.field must be a searchable contact field`);
  if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
    problems.push(`${path}.operator must be one of the following values: ${[...OPERATORS].join(', ')}`);
    return;
  }
  for (const key of Object.keys(filter))
    if (key !== 'field' && key !== 'operator' && key !== 'value')
      problems.push(`${path}.property ${key} should not exist`);
  const { value } = filter;
  switch (operator) {
    case 'exists':
    case 'not_exists':
      if ('value' in filter) problems.push(`${path}.value must not be set for ${operator}`);
      return;
    case 'range':
      if (
        !isRecord(value) ||
        Object.keys(value).length === 0 ||
        !Object.keys(value).every((key) => RANGE_KEYS.has(key))
      )
        problems.push(`${path}.value must be a range of gt, gte, lt and lte`);
      else if (!Object.values(value).every((bound) => typeof bound === 'number' || isIsoDate(bound)))
        problems.push(`${path}.value bounds must be numbers or ISO dates`);
      return;
    case 'contains':
    case 'not_contains':
      if (Array.isArray(value)) {
        if (field !== 'tags' || value.length === 0 || !value.every((tag) => typeof tag === 'string'))
          problems.push(`${path}.value must be a list of tags only for tags`);
        else if (value.some((tag: string) => tag.length > MAX_STRING_VALUE))
          problems.push(`${path}.value must be shorter than or equal to ${MAX_STRING_VALUE} characters`);
        return;
      }
      if (typeof value !== 'string') problems.push(`${path}.value must be a string`);
      else if (SPECIAL_CHARACTERS.test(value)) problems.push(`${path}.value must not contain special characters`);
      else if (value.length > MAX_STRING_VALUE)
        problems.push(`${path}.value must be shorter than or equal to ${MAX_STRING_VALUE} characters`);
      return;
    default: // eq, not_eq
      if (typeof value === 'string') {
        if (value.length > MAX_STRING_VALUE)
          problems.push(`${path}.value must be shorter than or equal to ${MAX_STRING_VALUE} characters`);
      } else if (typeof value !== 'number' && typeof value !== 'boolean') {
        problems.push(`${path}.value must be a number, string or boolean`);
      }
  }
}

function isIsoDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

export interface SearchPage {
  contacts: (RestContact & { searchAfter: SortValue[] })[];
  total: number;
}

/** The page of `contacts` (a location's, any order) that the request asks for. */
export function search(contacts: Iterable<RestContact>, request: SearchRequest): SearchPage {
  const order = sortOrder(request.sort);
  const matches: { contact: RestContact; key: SortValue[] }[] = [];
  for (const contact of contacts) {
    if (request.query !== undefined && !matchesQuery(contact, request.query)) continue;
    if (!request.filters.every((filter) => holds(contact, filter))) continue;
    matches.push({ contact, key: order.map(({ field }) => sortValue(contact, field)) });
  }
  matches.sort((a, b) => compareKeys(a.key, b.key, order));
  let start = 0;
  const { searchAfter } = request;
  if (searchAfter) {
    const after = matches.findIndex((match) => compareKeys(match.key, searchAfter, order) > 0);
    start = after === -1 ? matches.length : after;
  } else if (request.page !== undefined) {
    start = (request.page - 1) * request.pageLimit;
  }
  return {
    contacts: matches
      .slice(start, start + request.pageLimit)
      .map(({ contact, key }) => ({ ...contact, searchAfter: key })),
    total: matches.length,
  };
}

/** The sort keys, HighLevel's default when none, and the id last: every contact has its own place. */
function sortOrder(sort: SearchRequest['sort']): SearchRequest['sort'] {
  const keys = sort.length > 0 ? sort : [{ field: 'dateAdded', direction: 'desc' as const }];
  return [...keys, { field: 'id', direction: 'asc' }];
}

function sortValue(contact: RestContact, field: string): SortValue {
  if (DATE_FIELDS.has(field)) {
    const time = Date.parse(String(fieldValue(contact, field) ?? ''));
    return Number.isNaN(time) ? 0 : time;
  }
  // As stored: the name fields' lower-case copies sort without case, the rest as they are.
  const value = fieldValue(contact, field);
  return typeof value === 'string' ? value : '';
}

function compareKeys(a: readonly SortValue[], b: readonly SortValue[], order: SearchRequest['sort']): number {
  for (let i = 0; i < order.length; i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    const ascending = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
    return order[i]?.direction === 'desc' ? -ascending : ascending;
  }
  return 0;
}

/** What a search field reads of a contact; lower-case copies are derived where a contact lacks them. */
function fieldValue(contact: RestContact, field: string): unknown {
  const custom = CUSTOM_FIELD.exec(field)?.[1];
  if (custom !== undefined) return contact.customFields?.find((item) => item.id === custom)?.value;
  switch (field) {
    case 'firstNameLowerCase':
      return contact.firstNameLowerCase ?? contact.firstName?.toLowerCase();
    case 'lastNameLowerCase':
      return contact.lastNameLowerCase ?? contact.lastName?.toLowerCase();
    case 'id':
      return contact.id;
    default:
      return (contact as unknown as Record<string, unknown>)[field];
  }
}

function matchesQuery(contact: RestContact, query: string): boolean {
  const needle = query.toLowerCase();
  const texts = [contact.firstName, contact.lastName, contact.name, contact.email, contact.phone, contact.companyName];
  if (texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle))) return true;
  // A phone number written another way (`(888) 888-8888`) matches by its digits.
  const digits = query.replace(/\D/g, '');
  return (
    digits.length >= 3 && /^[\d\s().+-]+$/.test(query) && (contact.phone ?? '').replace(/\D/g, '').includes(digits)
  );
}

function holds(contact: RestContact, filter: Filter): boolean {
  if ('group' in filter) {
    return filter.group === 'OR'
      ? filter.filters.some((nested) => holds(contact, nested))
      : filter.filters.every((nested) => holds(contact, nested));
  }
  const actual = fieldValue(contact, filter.field);
  switch (filter.operator) {
    case 'exists':
      return isPresent(actual);
    case 'not_exists':
      return !isPresent(actual);
    case 'eq':
      return equals(actual, filter.value, filter.field);
    case 'not_eq':
      return !equals(actual, filter.value, filter.field);
    case 'contains':
      return contains(actual, filter.value);
    case 'not_contains':
      return !contains(actual, filter.value);
    case 'range':
      return inRange(actual, filter.value as Record<string, string | number>);
    default:
      return false;
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function equals(actual: unknown, expected: unknown, field: string): boolean {
  if (field === 'dnd') return (actual === true) === expected;
  if (Array.isArray(actual)) return actual.some((item) => equals(item, expected, field));
  if (field === 'email' && typeof actual === 'string' && typeof expected === 'string')
    return actual.toLowerCase() === expected.toLowerCase();
  return actual === expected;
}

/** Text: without case, anywhere in the value. Tags (a list): any of them. */
function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    const tags = Array.isArray(actual) ? actual.filter((tag): tag is string => typeof tag === 'string') : [];
    return expected.some((tag) => tags.some((have) => have.toLowerCase() === String(tag).toLowerCase()));
  }
  const needle = String(expected).toLowerCase();
  if (Array.isArray(actual))
    return actual.some((item) => typeof item === 'string' && item.toLowerCase().includes(needle));
  return typeof actual === 'string' && actual.toLowerCase().includes(needle);
}

function inRange(actual: unknown, range: Record<string, string | number>): boolean {
  const value = typeof actual === 'number' ? actual : typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
  if (Number.isNaN(value)) return false;
  const bound = (key: string): number | undefined => {
    const raw = range[key];
    return raw === undefined ? undefined : typeof raw === 'number' ? raw : Date.parse(raw);
  };
  const [gt, gte, lt, lte] = ['gt', 'gte', 'lt', 'lte'].map(bound);
  return (
    (gt === undefined || value > gt) &&
    (gte === undefined || value >= gte) &&
    (lt === undefined || value < lt) &&
    (lte === undefined || value <= lte)
  );
}
