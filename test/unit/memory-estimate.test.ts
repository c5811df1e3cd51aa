/**
 * The caches' size estimates against the heap itself: for documents of many shapes (under the
 * gateway's schema, validated with graphql-js's own rules only, the loosest an operator can
 * configure), the estimate of a cached document and of a compiled query must be at least what the
 * heap really holds for them.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getOperationAST, specifiedRules } from 'graphql';
import { DocumentCache, type DocumentEntry } from '../../src/execution/document-cache';
import { compiledBytes, documentBytes } from '../../src/execution/memory-estimate';
import { buildGatewaySchema } from '../../src/schema';
import { UPDATE_CONTACT } from '../e2e/harness';

setFlagsFromString('--expose-gc');
// As the gateway runs (src/node-flags.ts).
setFlagsFromString('--no-compilation-cache');
const gc = runInNewContext('gc') as () => void;
const schema = buildGatewaySchema();

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const FRAGMENT = `fragment F on Contact { id name firstName lastName email phone address1 city state postalCode
  website timezone dnd country tags source assignedTo dateOfBirth dateAdded dateUpdated locationId
  dndSettings { call { status message code } email { status } sms { status } }
  inboundDndSettings { all { status message } }
  customFields { id value { __typename ... on CustomFieldText { text } ... on CustomFieldObject { object } } }
  assignedUser { id name email } }`;

// Each shape makes the n-th of many distinct documents; the compiled code differs between them too
// (a literal or an alias carries n), so no two share what V8 compiles.
const SHAPES: Record<string, (n: number) => string> = {
  'the smallest operation': (n) => `{ a${n}: __typename }`,
  'the updateContact mutation': (n) => UPDATE_CONTACT.replace('updateContact(', `u${n}: updateContact(`),
  "the benchmark's mutation, with variables": (n) =>
    `mutation UpdateContact($id: ID!, $input: UpdateContactInput!) { u${n}: updateContact(id: $id, input: $input) {
      __typename
      ... on UpdateContactSuccess { contact { id firstName lastName email phone tags dateUpdated customFields { id } } }
      ... on DisplayableError { code message } } }`,
  'a short mutation on a union': (n) =>
    `mutation { u${n}: updateContact(id: "c", input: { firstName: "A" }) { __typename
      ... on UpdateContactSuccess { contact { id firstName tags customFields { id } } }
      ... on DisplayableError { code message } } }`,
  '_entities over a fragment': (n) =>
    `query($r: [_Any!]!) { e${n}: _entities(representations: $r) { ... on Contact { ...F } ... on User { id name } } } ${FRAGMENT}`,
  'a list literal of 4,800 strings': (n) =>
    `mutation { updateContact(id: "c${n}", input: { tags: [${'"t" '.repeat(4800)}] }) { __typename } }`,
  'a 100 KB comment': (n) => `{ a${n}: __typename } # ${'x'.repeat(100_000)}`,
  'a 50 KB string literal': (n) => `{ contact(id: "${'y'.repeat(50_000)}${n}") { __typename } }`,
  'Latin-1 text': (n) => `{ contact(id: "${'é'.repeat(20_000)}${n}") { __typename } } # ${'ü'.repeat(20_000)}`,
  'two-byte text': (n) => `{ contact(id: "${'ж'.repeat(20_000)}${n}") { __typename } } # ${'→'.repeat(20_000)}`,
  'ten aliases over a fragment': (n) =>
    `{ ${Array.from({ length: 10 }, (_, k) => `c${k}: contact(id: "x${n}") { ... on Contact { ...F } }`).join(' ')} } ${FRAGMENT}`,
  'nested object and list literals': (n) =>
    `mutation { updateContact(id: "c${n}", input: { tags: [${'"t", '.repeat(300)}"t"], customFields: [${Array.from(
      { length: 40 },
      (_, k) => `{ id: "f${k}", value: { object: { a: { b: { c: [1, 2, { d: ${k} }] } } } } }`,
    ).join(', ')}] }) { __typename } }`,
};

const COUNT = 60;

// What runs once per process (lazily compiled code, the caches' first arrays) is not any entry's.
beforeAll(() => {
  const cache = new DocumentCache(schema, specifiedRules, { maxTokens: 100_000 }, 2 ** 30, {
    compilationsPerSecond: Infinity,
  });
  for (const make of Object.values(SHAPES)) {
    for (let n = 0; n < 3; n += 1) {
      const query = `${make(n)} # warm-up`;
      const operation = getOperationAST(cache.get(query).document ?? never());
      for (let run = 0; run < 2; run += 1) cache.compiled(query, cache.get(query), operation ?? never());
    }
  }
});

describe.each(Object.entries(SHAPES))('%s', (_name, make) => {
  const queries = Array.from({ length: COUNT }, (_, n) => make(n));

  it('the estimate of a cached document covers its heap', () => {
    // The least of three caches filled in turn: anything else the process allocates meanwhile (the
    // test runner's own work) only ever adds to a measurement.
    let measured = Number.POSITIVE_INFINITY;
    let cache = new DocumentCache(schema, specifiedRules, { maxTokens: 100_000 }, 2 ** 30);
    let entries: DocumentEntry[] = [];
    for (let round = 0; round < 3; round += 1) {
      cache = new DocumentCache(schema, specifiedRules, { maxTokens: 100_000 }, 2 ** 30);
      const before = heapUsed();
      entries = queries.map((query) => cache.get(query));
      measured = Math.min(measured, (heapUsed() - before) / COUNT);
    }
    expect(entries.every((entry) => entry.document !== null)).toBe(true);
    const estimated =
      entries.reduce((sum, entry, n) => sum + documentBytes(queries[n] ?? '', entry.document), 0) / COUNT;
    expect(estimated).toBeGreaterThanOrEqual(measured);
    expect(cache.heldBytes / COUNT).toBe(estimated);
  });

  it('the estimate of a compiled query covers its heap', () => {
    const cache = new DocumentCache(schema, specifiedRules, { maxTokens: 100_000 }, 2 ** 30, {
      compilationsPerSecond: Infinity,
    });
    const runs = queries.map((query) => {
      const entry = cache.get(query);
      const operation = getOperationAST(entry.document ?? { kind: 'Document' as never, definitions: [] });
      if (!operation) throw new Error('expected one operation');
      cache.compiled(query, entry, operation); // the first run: not compiled yet
      return { query, entry: cache.get(query), operation };
    });
    const held = cache.heldBytes;
    const before = heapUsed();
    const compiled = runs.map(
      ({
        query,
        entry,
        operation,
      }: {
        query: string;
        entry: DocumentEntry;
        operation: ReturnType<typeof getOperationAST> & object;
      }) => cache.compiled(query, entry, operation),
    );
    const measured = (heapUsed() - before) / COUNT;
    expect(compiled.every((query) => query !== null)).toBe(true);
    const estimated =
      runs.reduce(
        (sum, { query, entry, operation }) => sum + compiledBytes(schema, query, entry.document ?? never(), operation),
        0,
      ) / COUNT;
    expect(estimated).toBeGreaterThanOrEqual(measured);
    expect((cache.heldBytes - held) / COUNT).toBe(estimated);
  });
});

function never(): never {
  throw new Error('unreachable');
}
