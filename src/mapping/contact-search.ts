/**
 * The `contacts` query's arguments -> the body of `POST /contacts/search`, and its answer -> a
 * `ContactConnection`. The one place where the search's GraphQL names meet HighLevel's.
 *
 * What the contract rules out is refused here, before any call: a value the operator does not take
 * (or a missing one), text over 75 characters, special characters in a `contains`, nesting deeper than
 * MAX_GROUP_DEPTH, more than MAX_CONDITIONS conditions, `first` outside 1..500, and a cursor that is not
 * one the gateway issued.
 */
import type {
  ContactFilterInput,
  ContactSearchField,
  ContactSortField,
  QueryContactsArgs,
} from '../__generated__/resolvers-types';
import type {
  RestContact,
  RestSearchBody,
  RestSearchCondition,
  RestSearchFilter,
  RestSearchHit,
  RestSearchRange,
  RestSearchResponse,
} from '../highlevel/types';
import { contactIdIssues } from './contact-id';
import type { InputIssue, Mapped } from './contact-input';
import { decodeCursor, encodeCursor } from './search-cursor';

export const MAX_PAGE_SIZE = 500;
export const MAX_TEXT_LENGTH = 75;
export const MAX_GROUP_DEPTH = 3;
export const MAX_CONDITIONS = 50;
export const MAX_SORT_KEYS = 3;
const MAX_TAG_VALUES = 100;
/** HighLevel's `contains` takes no special characters. */
const CONTAINS_TEXT = /^[\p{L}\p{N} ]+$/u;
const CUSTOM_FIELD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** How a field's conditions take their value. */
type FieldKind = 'text' | 'boolean' | 'tags' | 'date' | 'custom';

/** GraphQL field -> HighLevel's search field and how it compares. `satisfies` keeps the enum covered. */
const SEARCH_FIELDS = {
  FIRST_NAME: { rest: 'firstNameLowerCase', kind: 'text', lowerCase: true },
  LAST_NAME: { rest: 'lastNameLowerCase', kind: 'text', lowerCase: true },
  EMAIL: { rest: 'email', kind: 'text' },
  PHONE: { rest: 'phone', kind: 'text' },
  DND: { rest: 'dnd', kind: 'boolean' },
  TAGS: { rest: 'tags', kind: 'tags' },
  DATE_ADDED: { rest: 'dateAdded', kind: 'date' },
  DATE_UPDATED: { rest: 'dateUpdated', kind: 'date' },
  ASSIGNED_TO: { rest: 'assignedTo', kind: 'text' },
  COUNTRY: { rest: 'country', kind: 'text' },
  CITY: { rest: 'city', kind: 'text' },
  STATE: { rest: 'state', kind: 'text' },
  POSTAL_CODE: { rest: 'postalCode', kind: 'text' },
  SOURCE: { rest: 'source', kind: 'text' },
  BUSINESS_ID: { rest: 'businessId', kind: 'text' },
  COMPANY_NAME: { rest: 'companyName', kind: 'text' },
  // Named `customFields.<id>` upstream.
  CUSTOM_FIELD: { rest: 'customFields', kind: 'custom' },
} as const satisfies Record<ContactSearchField, { rest: string; kind: FieldKind; lowerCase?: true }>;

const SORT_FIELDS = {
  FIRST_NAME: 'firstNameLowerCase',
  LAST_NAME: 'lastNameLowerCase',
  EMAIL: 'email',
  DATE_ADDED: 'dateAdded',
  DATE_UPDATED: 'dateUpdated',
  COMPANY_NAME: 'companyName',
  CITY: 'city',
  STATE: 'state',
  COUNTRY: 'country',
  POSTAL_CODE: 'postalCode',
  SOURCE: 'source',
} as const satisfies Record<ContactSortField, string>;

/** The value inputs of a condition, in the order their names are reported. */
const VALUE_KEYS = ['text', 'number', 'boolean', 'values', 'dateRange', 'numberRange'] as const;
type ValueKey = (typeof VALUE_KEYS)[number];

/** Which value each operator takes on each kind of field; a kind missing from an operator is refused. */
const TAKES: Record<RestSearchCondition['operator'], Partial<Record<FieldKind, readonly ValueKey[]>>> = {
  eq: { text: ['text'], boolean: ['boolean'], custom: ['text', 'number', 'boolean'] },
  not_eq: { text: ['text'], boolean: ['boolean'], custom: ['text', 'number', 'boolean'] },
  contains: { text: ['text'], tags: ['values'], custom: ['text'] },
  not_contains: { text: ['text'], tags: ['values'], custom: ['text'] },
  exists: { text: [], boolean: [], tags: [], date: [], custom: [] },
  not_exists: { text: [], boolean: [], tags: [], date: [], custom: [] },
  range: { date: ['dateRange'], custom: ['dateRange', 'numberRange'] },
};

type Path = string[];

interface Walk {
  issues: InputIssue[];
  conditions: number;
}

/** The search body for these arguments, or every reason it is refused. */
export function toSearchBody(args: QueryContactsArgs): Mapped<RestSearchBody> {
  const issues: InputIssue[] = [...contactIdIssues(args.locationId, 'locationId')];
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    issues.push({ field: ['first'], message: `first must be 1 to ${MAX_PAGE_SIZE}` });

  const body: RestSearchBody = { locationId: args.locationId, pageLimit: first };
  if (args.after !== undefined && args.after !== null) {
    const searchAfter = decodeCursor(args.after);
    if (searchAfter) body.searchAfter = searchAfter;
    else
      issues.push({
        field: ['after'],
        message: 'after must be a cursor this API returned (an edge cursor or endCursor)',
      });
  }
  if (args.query !== undefined && args.query !== null && args.query !== '') {
    if (args.query.length > MAX_TEXT_LENGTH)
      issues.push({ field: ['query'], message: `query must be at most ${MAX_TEXT_LENGTH} characters` });
    else body.query = args.query;
  }
  if (args.filters && args.filters.length > 0) {
    const walk: Walk = { issues, conditions: 0 };
    body.filters = args.filters.map((filter, index) => toFilter(filter, ['filters', String(index)], 0, walk));
    if (walk.conditions > MAX_CONDITIONS)
      issues.push({ field: ['filters'], message: `filters must hold at most ${MAX_CONDITIONS} conditions in all` });
  }
  if (args.sort && args.sort.length > 0) {
    if (args.sort.length > MAX_SORT_KEYS)
      issues.push({ field: ['sort'], message: `sort must have at most ${MAX_SORT_KEYS} keys` });
    const seen = new Set<string>();
    body.sort = args.sort.map(({ field, direction }, index) => {
      if (seen.has(field))
        issues.push({ field: ['sort', String(index), 'field'], message: `sort.${index}.field repeats ${field}` });
      seen.add(field);
      return { field: SORT_FIELDS[field], direction: direction === 'DESC' ? 'desc' : 'asc' };
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, body };
}

function toFilter(filter: ContactFilterInput, path: Path, depth: number, walk: Walk): RestSearchFilter {
  const refuse = (at: Path, message: string) => walk.issues.push({ field: at, message: `${at.join('.')} ${message}` });
  if (isSet(filter.group) || isSet(filter.filters)) return toGroup(filter, path, depth, walk, refuse);
  walk.conditions += 1;
  return toCondition(filter, path, refuse);
}

function toGroup(
  filter: ContactFilterInput,
  path: Path,
  depth: number,
  walk: Walk,
  refuse: (at: Path, message: string) => void,
): RestSearchFilter {
  const stray = (['field', 'customFieldId', 'operator', ...VALUE_KEYS] as const).filter((key) => isSet(filter[key]));
  if (stray.length > 0) refuse(path, `is a group: it cannot also set ${stray.join(', ')}`);
  if (!isSet(filter.group)) refuse([...path, 'group'], 'must be AND or OR when filters are set');
  if (depth + 1 > MAX_GROUP_DEPTH) refuse(path, `nests groups deeper than ${MAX_GROUP_DEPTH}`);
  const filters = filter.filters ?? [];
  if (filters.length === 0) refuse([...path, 'filters'], 'must hold at least one filter');
  return {
    group: filter.group === 'OR' ? 'OR' : 'AND',
    // Past the depth limit, the nested filters are refused already: not walked, so not reported again.
    filters:
      depth + 1 > MAX_GROUP_DEPTH
        ? []
        : filters.map((nested, index) => toFilter(nested, [...path, 'filters', String(index)], depth + 1, walk)),
  };
}

function toCondition(
  filter: ContactFilterInput,
  path: Path,
  refuse: (at: Path, message: string) => void,
): RestSearchCondition {
  const condition: RestSearchCondition = { field: '', operator: 'eq' };
  if (!isSet(filter.field)) {
    refuse([...path, 'field'], 'must be set, or group and filters for a group');
    return condition;
  }
  if (!isSet(filter.operator)) {
    refuse([...path, 'operator'], 'must be set');
    return condition;
  }
  const field = SEARCH_FIELDS[filter.field];
  condition.operator = filter.operator.toLowerCase() as RestSearchCondition['operator'];
  condition.field = field.rest;

  if (field.kind === 'custom') {
    if (!isSet(filter.customFieldId) || !CUSTOM_FIELD_ID.test(filter.customFieldId))
      refuse([...path, 'customFieldId'], 'must be 1 to 64 characters of A-Z, a-z, 0-9, _ and - with CUSTOM_FIELD');
    else condition.field = `${field.rest}.${filter.customFieldId}`;
  } else if (isSet(filter.customFieldId)) {
    refuse([...path, 'customFieldId'], 'is only for CUSTOM_FIELD');
  }

  const takes = TAKES[condition.operator][field.kind];
  if (!takes) {
    refuse([...path, 'operator'], `${filter.operator} does not apply to ${filter.field}`);
    return condition;
  }
  const given = VALUE_KEYS.filter((key) => isSet(filter[key]));
  const stray = given.filter((key) => !takes.includes(key));
  if (stray.length > 0) {
    const takesText = takes.length === 0 ? 'no value' : takes.join(' or ');
    refuse([...path, stray[0] ?? 'field'], `${filter.operator} on ${filter.field} takes ${takesText}`);
    return condition;
  }
  if (takes.length > 0 && given.length !== 1) {
    refuse(path, `${filter.operator} on ${filter.field} takes exactly one of ${takes.join(', ')}`);
    return condition;
  }
  const value = conditionValue(filter, given[0], condition.operator, 'lowerCase' in field, path, refuse);
  if (value !== undefined) condition.value = value;
  return condition;
}

function conditionValue(
  filter: ContactFilterInput,
  key: ValueKey | undefined,
  operator: RestSearchCondition['operator'],
  lowerCase: boolean,
  path: Path,
  refuse: (at: Path, message: string) => void,
): RestSearchCondition['value'] {
  switch (key) {
    case undefined:
      return undefined;
    case 'text': {
      const text = filter.text ?? '';
      const contains = operator === 'contains' || operator === 'not_contains';
      if (text.length === 0 || text.length > MAX_TEXT_LENGTH)
        refuse([...path, 'text'], `must be 1 to ${MAX_TEXT_LENGTH} characters`);
      else if (contains && !CONTAINS_TEXT.test(text))
        refuse([...path, 'text'], 'of a CONTAINS or NOT_CONTAINS may hold only letters, digits and spaces');
      return lowerCase ? text.toLowerCase() : text;
    }
    case 'number':
      return filter.number ?? undefined;
    case 'boolean':
      return filter.boolean ?? undefined;
    case 'values': {
      const values = filter.values ?? [];
      if (values.length === 0 || values.length > MAX_TAG_VALUES)
        refuse([...path, 'values'], `must list 1 to ${MAX_TAG_VALUES} tags`);
      values.forEach((tag, index) => {
        if (tag.trim() === '' || tag.length > MAX_TEXT_LENGTH)
          refuse([...path, 'values', String(index)], `must be 1 to ${MAX_TEXT_LENGTH} characters, not blank`);
      });
      return values;
    }
    case 'dateRange':
    case 'numberRange':
      return toRange(filter[key] ?? {}, [...path, key], refuse);
  }
}

function toRange(
  bounds: Partial<Record<'gt' | 'gte' | 'lt' | 'lte', string | number | null>>,
  path: Path,
  refuse: (at: Path, message: string) => void,
): RestSearchRange {
  const range: RestSearchRange = {};
  for (const key of ['gt', 'gte', 'lt', 'lte'] as const) {
    const bound = bounds[key];
    if (bound !== undefined && bound !== null) range[key] = bound;
  }
  if (Object.keys(range).length === 0) refuse(path, 'must set at least one of gt, gte, lt and lte');
  if (range.gt !== undefined && range.gte !== undefined) refuse(path, 'cannot set both gt and gte');
  if (range.lt !== undefined && range.lte !== undefined) refuse(path, 'cannot set both lt and lte');
  return range;
}

function isSet<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/**
 * A `ContactConnection` as resolvers return it: each edge is HighLevel's hit (the ContactEdge
 * resolvers make its cursor, only when selected), each node a REST contact.
 */
export interface ContactConnectionParent {
  __typename: 'ContactConnection';
  edges: RestSearchHit[];
  nodes: RestContact[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

/**
 * A search page -> the connection. A page shorter than asked for is the last one (the contract's
 * rule); a full page may be followed by an empty one.
 */
export function toContactConnection(page: RestSearchResponse, pageLimit: number): ContactConnectionParent {
  const last = page.hits.at(-1);
  return {
    __typename: 'ContactConnection',
    edges: page.hits,
    nodes: page.hits.map(({ contact }) => contact),
    // Without an edge there is nothing to resume after: asking again would repeat this page.
    pageInfo: {
      hasNextPage: page.received >= pageLimit && last !== undefined,
      endCursor: last ? encodeCursor(last.searchAfter) : null,
    },
    totalCount: page.total ?? null,
  };
}
