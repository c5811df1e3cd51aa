import type { ContactFilterInput, QueryContactsArgs } from '../../src/__generated__/resolvers-types';
import { noContactNamedFailureMember } from '../../src/mapping/failures';
import { MAX_CONDITIONS, MAX_GROUP_DEPTH, toContactConnection, toSearchBody } from '../../src/mapping/contact-search';
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from '../../src/mapping/search-cursor';
import type { RestContact, RestSearchHit } from '../../src/highlevel/types';
import { ContactEdge } from '../../src/resolvers/ContactEdge';

const LOCATION = 've9EPM428h8vShlRW1KT';

function body(args: Partial<QueryContactsArgs>) {
  const result = toSearchBody({ locationId: LOCATION, first: 20, ...args });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result.body;
}

function issues(args: Partial<QueryContactsArgs>) {
  const result = toSearchBody({ locationId: LOCATION, first: 20, ...args });
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.body)}`);
  return result.issues;
}

const filterBody = (filter: ContactFilterInput) => body({ filters: [filter] }).filters?.[0];
const filterIssues = (filter: ContactFilterInput) => issues({ filters: [filter] });

describe('toSearchBody', () => {
  it('sends locationId and pageLimit, and only the keys the arguments set', () => {
    expect(body({})).toEqual({ locationId: LOCATION, pageLimit: 20 });
    expect(body({ first: 500, query: 'tom' })).toEqual({ locationId: LOCATION, pageLimit: 500, query: 'tom' });
    // An empty search box searches for everything.
    expect(body({ query: '', filters: [], sort: [] })).toEqual({ locationId: LOCATION, pageLimit: 20 });
    expect(body({ query: null, filters: null, sort: null, after: null })).toEqual({
      locationId: LOCATION,
      pageLimit: 20,
    });
  });

  it('maps the contract sample: a condition and an OR group, sorted', () => {
    expect(
      body({
        query: 'tom',
        filters: [
          { field: 'DND', operator: 'EQ', boolean: true },
          {
            group: 'OR',
            filters: [
              { field: 'FIRST_NAME', operator: 'EQ', text: 'Alex' },
              { field: 'LAST_NAME', operator: 'EQ', text: 'peter' },
            ],
          },
        ],
        sort: [{ field: 'FIRST_NAME', direction: 'DESC' }],
      }),
    ).toEqual({
      locationId: LOCATION,
      pageLimit: 20,
      query: 'tom',
      filters: [
        { field: 'dnd', operator: 'eq', value: true },
        {
          group: 'OR',
          filters: [
            // The lower-case copies are compared with lower-case values.
            { field: 'firstNameLowerCase', operator: 'eq', value: 'alex' },
            { field: 'lastNameLowerCase', operator: 'eq', value: 'peter' },
          ],
        },
      ],
      sort: [{ field: 'firstNameLowerCase', direction: 'desc' }],
    });
  });

  it.each([
    [
      { field: 'EMAIL', operator: 'NOT_EQ', text: 'A@x.com' },
      { field: 'email', operator: 'not_eq', value: 'A@x.com' },
    ],
    [
      { field: 'CITY', operator: 'CONTAINS', text: 'San Jose' },
      { field: 'city', operator: 'contains', value: 'San Jose' },
    ],
    [
      { field: 'PHONE', operator: 'EXISTS' },
      { field: 'phone', operator: 'exists' },
    ],
    [
      { field: 'COMPANY_NAME', operator: 'NOT_EXISTS' },
      { field: 'companyName', operator: 'not_exists' },
    ],
    [
      { field: 'TAGS', operator: 'CONTAINS', values: ['vip', 'trial'] },
      { field: 'tags', operator: 'contains', value: ['vip', 'trial'] },
    ],
    [
      { field: 'TAGS', operator: 'NOT_CONTAINS', values: ['spam'] },
      { field: 'tags', operator: 'not_contains', value: ['spam'] },
    ],
    [
      {
        field: 'DATE_ADDED',
        operator: 'RANGE',
        dateRange: { gte: '2024-01-01T00:00:00.000Z', lt: '2024-02-01T00:00:00.000Z' },
      },
      {
        field: 'dateAdded',
        operator: 'range',
        value: { gte: '2024-01-01T00:00:00.000Z', lt: '2024-02-01T00:00:00.000Z' },
      },
    ],
    [
      {
        field: 'CUSTOM_FIELD',
        customFieldId: 'TeamS1zeNumF1eLd0001',
        operator: 'RANGE',
        numberRange: { gt: 5, lte: 20 },
      },
      { field: 'customFields.TeamS1zeNumF1eLd0001', operator: 'range', value: { gt: 5, lte: 20 } },
    ],
    [
      { field: 'CUSTOM_FIELD', customFieldId: 'abc', operator: 'EQ', number: 3 },
      { field: 'customFields.abc', operator: 'eq', value: 3 },
    ],
    [
      { field: 'CUSTOM_FIELD', customFieldId: 'abc', operator: 'EQ', boolean: false },
      { field: 'customFields.abc', operator: 'eq', value: false },
    ],
    [
      { field: 'ASSIGNED_TO', operator: 'EQ', text: 'y0BeYjuRIlDwsDcOHOJo' },
      { field: 'assignedTo', operator: 'eq', value: 'y0BeYjuRIlDwsDcOHOJo' },
    ],
  ] as [ContactFilterInput, unknown][])('%j -> %j', (filter, expected) => {
    expect(filterBody(filter)).toEqual(expected);
  });

  it('pages with the searchAfter a cursor carries', () => {
    const after = encodeCursor([1717700097221, '102goXVW3lIExEQPOnd3']);
    expect(body({ after, first: 25 })).toEqual({
      locationId: LOCATION,
      pageLimit: 25,
      searchAfter: [1717700097221, '102goXVW3lIExEQPOnd3'],
    });
  });

  it.each([0, -1, 501, 10_000])('refuses first: %d', (first) => {
    expect(issues({ first })).toEqual([{ field: ['first'], message: 'first must be 1 to 500' }]);
  });

  it('refuses a locationId that is not an id, query over 75 characters, and a malformed cursor, all at once', () => {
    expect(
      issues({ locationId: 'a/b', query: 'q'.repeat(76), after: 'not a cursor' }).map((issue) => issue.field),
    ).toEqual([['locationId'], ['after'], ['query']]);
  });

  it.each<[string, ContactFilterInput, string[]]>([
    [
      'a value where the operator takes none',
      { field: 'EMAIL', operator: 'EXISTS', text: 'x' },
      ['filters', '0', 'text'],
    ],
    ['no value where one is needed', { field: 'EMAIL', operator: 'EQ' }, ['filters', '0']],
    [
      'two values',
      { field: 'CUSTOM_FIELD', customFieldId: 'a', operator: 'EQ', text: 'x', number: 1 },
      ['filters', '0'],
    ],
    ['the wrong kind of value', { field: 'DND', operator: 'EQ', text: 'true' }, ['filters', '0', 'text']],
    [
      'an operator the field does not take',
      { field: 'DND', operator: 'CONTAINS', text: 'x' },
      ['filters', '0', 'operator'],
    ],
    [
      'a range on a text field',
      { field: 'CITY', operator: 'RANGE', dateRange: { gt: '2024-01-01T00:00:00.000Z' } },
      ['filters', '0', 'operator'],
    ],
    ['text over 75 characters', { field: 'CITY', operator: 'EQ', text: 'x'.repeat(76) }, ['filters', '0', 'text']],
    ['empty text', { field: 'CITY', operator: 'EQ', text: '' }, ['filters', '0', 'text']],
    [
      'special characters in a contains',
      { field: 'EMAIL', operator: 'CONTAINS', text: 'a@b' },
      ['filters', '0', 'text'],
    ],
    ['no tags', { field: 'TAGS', operator: 'CONTAINS', values: [] }, ['filters', '0', 'values']],
    ['a blank tag', { field: 'TAGS', operator: 'CONTAINS', values: ['ok', ' '] }, ['filters', '0', 'values', '1']],
    ['an empty range', { field: 'DATE_ADDED', operator: 'RANGE', dateRange: {} }, ['filters', '0', 'dateRange']],
    [
      'gt and gte together',
      {
        field: 'DATE_ADDED',
        operator: 'RANGE',
        dateRange: { gt: '2024-01-01T00:00:00.000Z', gte: '2024-01-01T00:00:00.000Z' },
      },
      ['filters', '0', 'dateRange'],
    ],
    ['a custom field without its id', { field: 'CUSTOM_FIELD', operator: 'EXISTS' }, ['filters', '0', 'customFieldId']],
    [
      'a custom field id that is not an id',
      { field: 'CUSTOM_FIELD', customFieldId: 'a.b', operator: 'EXISTS' },
      ['filters', '0', 'customFieldId'],
    ],
    [
      'a custom field id on another field',
      { field: 'CITY', customFieldId: 'abc', operator: 'EXISTS' },
      ['filters', '0', 'customFieldId'],
    ],
    ['a condition without field', { operator: 'EXISTS' }, ['filters', '0', 'field']],
    ['a condition without operator', { field: 'CITY' }, ['filters', '0', 'operator']],
    [
      'a group with condition keys',
      { group: 'AND', field: 'CITY', filters: [{ field: 'CITY', operator: 'EXISTS' }] },
      ['filters', '0'],
    ],
    ['a group without filters', { group: 'OR', filters: [] }, ['filters', '0', 'filters']],
    ['filters without a group', { filters: [{ field: 'CITY', operator: 'EXISTS' }] }, ['filters', '0', 'group']],
  ])('refuses %s, naming its path', (_name, filter, path) => {
    expect(filterIssues(filter).map((issue) => issue.field)).toEqual([path]);
  });

  it('names the path of a refusal inside nested groups', () => {
    const filters: ContactFilterInput[] = [
      { field: 'DND', operator: 'EQ', boolean: false },
      {
        group: 'OR',
        filters: [
          { field: 'CITY', operator: 'EXISTS' },
          { field: 'CITY', operator: 'EQ', text: 'x'.repeat(80) },
        ],
      },
    ];
    expect(issues({ filters })).toEqual([
      {
        field: ['filters', '1', 'filters', '1', 'text'],
        message: 'filters.1.filters.1.text must be 1 to 75 characters',
      },
    ]);
  });

  it(`takes groups ${MAX_GROUP_DEPTH} deep, and refuses one deeper`, () => {
    const nest = (depth: number): ContactFilterInput =>
      depth === 0 ? { field: 'CITY', operator: 'EXISTS' } : { group: 'AND', filters: [nest(depth - 1)] };
    expect(body({ filters: [nest(MAX_GROUP_DEPTH)] }).filters).toHaveLength(1);
    expect(issues({ filters: [nest(MAX_GROUP_DEPTH + 1)] })).toEqual([
      {
        field: ['filters', '0', 'filters', '0', 'filters', '0', 'filters', '0'],
        message: `filters.0.filters.0.filters.0.filters.0 nests groups deeper than ${MAX_GROUP_DEPTH}`,
      },
    ]);
  });

  it(`takes ${MAX_CONDITIONS} conditions, and refuses more, counted inside groups`, () => {
    const condition: ContactFilterInput = { field: 'CITY', operator: 'EXISTS' };
    const conditions = (n: number) => Array.from({ length: n }, () => condition);
    expect(body({ filters: conditions(MAX_CONDITIONS) }).filters).toHaveLength(MAX_CONDITIONS);
    expect(issues({ filters: [...conditions(40), { group: 'OR', filters: conditions(11) }] })).toEqual([
      { field: ['filters'], message: `filters must hold at most ${MAX_CONDITIONS} conditions in all` },
    ]);
  });

  it('refuses more than 3 sort keys and a repeated key', () => {
    expect(
      issues({
        sort: [
          { field: 'CITY', direction: 'ASC' },
          { field: 'CITY', direction: 'DESC' },
        ],
      }),
    ).toEqual([{ field: ['sort', '1', 'field'], message: 'sort.1.field repeats CITY' }]);
    const four = (['CITY', 'STATE', 'COUNTRY', 'EMAIL'] as const).map((field) => ({
      field,
      direction: 'ASC' as const,
    }));
    expect(issues({ sort: four }).map((issue) => issue.field)).toEqual([['sort']]);
  });
});

describe('search cursors', () => {
  it('round-trip the searchAfter they carry, as base64url', () => {
    const cursor = encodeCursor([1717700097221, '102goXVW3lIExEQPOnd3']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual([1717700097221, '102goXVW3lIExEQPOnd3']);
    expect(decodeCursor(encodeCursor(['rosan', 'abc']))).toEqual(['rosan', 'abc']);
  });

  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['padded', `${encodeCursor([1, 'a'])}==`],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['another format', encoded([2, [1, 'a']])],
    ['an object', encoded({ searchAfter: [1, 'a'] })],
    ['no values', encoded([1, []])],
    ['a null value', encoded([1, [null, 'a']])],
    ['a nested value', encoded([1, [[1], 'a']])],
    ['too many values', encoded([1, Array.from({ length: 9 }, () => 1)])],
    ['a long string', encoded([1, ['x'.repeat(257)]])],
    ['over the length cap', 'A'.repeat(MAX_CURSOR_LENGTH + 1)],
    ['another spelling of a valid cursor', Buffer.from('[1, [1,"a"]]').toString('base64url')],
  ])('refuse a cursor that is %s', (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
    expect(issues({ after: cursor })).toEqual([
      { field: ['after'], message: 'after must be a cursor this API returned (an edge cursor or endCursor)' },
    ]);
  });
});

describe('toContactConnection', () => {
  const hit = (id: string, time: number) => ({ contact: { id, firstName: id }, searchAfter: [time, id] });

  const cursorOf = (edge: RestSearchHit | undefined) =>
    edge && (ContactEdge.cursor as (hit: RestSearchHit) => string)(edge);
  const nodeOf = (edge: RestSearchHit) => (ContactEdge.node as (hit: RestSearchHit) => RestContact)(edge);

  it("gives each edge the cursor of its searchAfter and its contact, and endCursor the last edge's cursor", () => {
    const connection = toContactConnection({ hits: [hit('a', 2), hit('b', 1)], received: 2, total: 7 }, 2);
    expect(connection.edges.map((edge) => decodeCursor(cursorOf(edge) ?? ''))).toEqual([
      [2, 'a'],
      [1, 'b'],
    ]);
    expect(connection.nodes).toEqual([
      { id: 'a', firstName: 'a' },
      { id: 'b', firstName: 'b' },
    ]);
    expect(connection.edges.map(nodeOf)).toEqual(connection.nodes);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: cursorOf(connection.edges[1]) });
    expect(connection.totalCount).toBe(7);
  });

  it('a page shorter than asked for is the last; an unknown total is null', () => {
    const connection = toContactConnection({ hits: [hit('a', 2)], received: 1, total: undefined }, 2);
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.totalCount).toBeNull();
  });

  it('an empty page has no end cursor and no next page', () => {
    expect(toContactConnection({ hits: [], received: 0, total: 0 }, 20).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
    });
    // HighLevel sent a full page of contacts the gateway could not read: nothing to resume after.
    expect(toContactConnection({ hits: [], received: 20, total: 40 }, 20).pageInfo.hasNextPage).toBe(false);
  });

  it('counts contacts HighLevel sent but the gateway left out when deciding whether the page was full', () => {
    const connection = toContactConnection({ hits: [hit('a', 2)], received: 2, total: 9 }, 2);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: cursorOf(connection.edges[0]) });
  });
});

describe('search failures', () => {
  it('are the union members of ContactsResult: a "not found" is HighLevel\'s 400', () => {
    expect(noContactNamedFailureMember({ kind: 'not-found', message: 'Not found' })).toEqual({
      __typename: 'BadRequestError',
      code: 'BAD_REQUEST',
      message: 'Not found',
    });
    expect(noContactNamedFailureMember({ kind: 'forbidden', message: 'no' }).__typename).toBe('ForbiddenError');
    expect(
      noContactNamedFailureMember({ kind: 'unprocessable', messages: ['pageLimit must not be greater than 100'] }),
    ).toEqual(expect.objectContaining({ __typename: 'ValidationError', code: 'UNPROCESSABLE' }));
  });
});
