/**
 * JSONObject values (a custom field's `object`) past what JSON carries: nested thousands of levels
 * deep, too large, or with numbers JSON would change. In: a ValidationError naming the field, at every
 * repeat (graphql-js runs an operation first, graphql-jit's compiled query from then on), and nothing
 * sent. Out: the field is null with a warn line, and the response does not fail.
 */
import { JSON_VALUE_MAX_BYTES, JSON_VALUE_MAX_DEPTH } from '../../src/mapping/json-value';
import { startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.sim.reset());

const UPDATE = `mutation U($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) {
    __typename
    ... on DisplayableError { code message }
    ... on ValidationError { issues { field message } }
  }
}`;

/** `{"a":{"a":...1}}` nested `depth` levels, written as text: JSON.stringify itself overflows on it. */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** POSTs an updateContact whose custom field object is `objectJson`, spliced in as raw JSON text. */
async function updateWithObject(objectJson: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const variables =
    `{"id":"${stack.seed.contactIds[0]}","input":{"customFields":` +
    `[{"id":"F1LeUpL0aDf1eLd00001","value":{"object":${objectJson}}}]}}`;
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.seed.token}` },
    body: `{"query":${JSON.stringify(UPDATE)},"variables":${variables}}`,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const OBJECT_PATH = ['input', 'customFields', '0', 'value', 'object'];

describe('a JSONObject input value', () => {
  it.each([
    ['nested 10,000 levels', nested(10_000), `nested deeper than ${JSON_VALUE_MAX_DEPTH} levels`],
    [
      'nested one level too deep',
      nested(JSON_VALUE_MAX_DEPTH + 1),
      `nested deeper than ${JSON_VALUE_MAX_DEPTH} levels`,
    ],
    ['larger than the limit', `{"text":${JSON.stringify('x'.repeat(JSON_VALUE_MAX_BYTES))}}`, 'larger than'],
    ['holding 1e400', '{"size":1e400}', 'number JSON cannot carry'],
    ['holding a 30-digit integer', '{"id":123456789012345678901234567890}', 'would lose digits'],
  ])('%s is a ValidationError at every repeat, and nothing is sent', async (_name, objectJson, message) => {
    for (let repeat = 0; repeat < 3; repeat += 1) {
      const { status, json } = await updateWithObject(objectJson);
      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
      expect(json.data).toEqual({
        updateContact: {
          __typename: 'ValidationError',
          code: 'INVALID_INPUT',
          message: expect.stringContaining(message) as unknown,
          issues: [{ field: OBJECT_PATH, message: expect.stringContaining(message) as unknown }],
        },
      });
    }
    expect(stack.sim.received).toEqual([]);
  });

  it('written in the query as a literal is refused the same way', async () => {
    const query = `mutation { updateContact(id: "${stack.seed.contactIds[0]}", input: {
      customFields: [{ id: "F1LeUpL0aDf1eLd00001", value: { object: { size: 1e400 } } }] }) {
      __typename ... on ValidationError { code issues { field } } } }`;
    const response = await stack.graphql(query, {}, { token: stack.seed.token });
    expect(response.json.data).toEqual({
      updateContact: { __typename: 'ValidationError', code: 'INVALID_INPUT', issues: [{ field: OBJECT_PATH }] },
    });
    expect(stack.sim.received).toEqual([]);
  });

  it('within the limits is sent unchanged', async () => {
    const object = { file: { url: 'https://example.com/a.pdf', meta: { size: 9007199254740991, ratio: 0.5 } } };
    const { json } = await updateWithObject(nested(JSON_VALUE_MAX_DEPTH - 3).replace('1', JSON.stringify(object)));
    expect((json.data as { updateContact: { __typename: string } }).updateContact.__typename).toBe(
      'UpdateContactSuccess',
    );
    expect(stack.sim.received[0]?.rawBody).toContain('"size":9007199254740991');
  });
});

describe('a JSONObject value from HighLevel', () => {
  const READ = `query C($id: ID!) { contact(id: $id) { __typename ... on Contact {
    id customFields { id value { __typename ... on CustomFieldObject { object } } } } } }`;

  it.each([
    ['nested 5,000 levels', nested(5000)],
    ['holding 1e400', '{"size":1e400}'],
  ])('%s becomes null with a warn line, at every repeat', async (_name, objectJson) => {
    const id = stack.seed.contactIds[0] ?? '';
    for (let repeat = 0; repeat < 3; repeat += 1) {
      stack.sim.injectFault({
        kind: 'status',
        status: 200,
        body: `{"contact":{"id":"${id}","customFields":[{"id":"F1LeUpL0aDf1eLd00001","value":${objectJson}}]}}`,
      });
      const before = stack.logs.length;
      const response = await stack.graphql(READ, { id }, { token: stack.seed.token });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        data: { contact: { __typename: 'Contact', id, customFields: [{ id: 'F1LeUpL0aDf1eLd00001', value: null }] } },
      });
      const warnings = stack.logs.slice(before).filter((line) => line.includes('"level":40'));
      expect(warnings.map((line) => (JSON.parse(line) as { field?: string }).field)).toEqual(['CustomField.value']);
    }
  });
});
