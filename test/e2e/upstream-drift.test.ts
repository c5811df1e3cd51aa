import { CONTACT, startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe('values HighLevel sends outside the schema', () => {
  it('become null for that field, with a log line naming the field, and never fail the response', async () => {
    stack.sim.addContact({
      id: 'driftedContact000001',
      locationId: stack.seed.locationId,
      firstName: 'Drift',
      country: 'Atlantis',
      dateAdded: 'yesterday',
      dateOfBirth: '25th of September',
      dndSettings: { Call: { status: 'sometimes' }, SMS: { status: 'active' } },
      inboundDndSettings: { all: { status: 'maybe' } },
      customFields: [
        { id: 'cf1', value: ['ok'] },
        { id: 'cf2', value: [1, 2] as unknown as string[] },
      ],
    });
    const query = `query($id: ID!) { contact(id: $id) { __typename ... on Contact {
      firstName country dateAdded dateOfBirth
      dndSettings { call { status } sms { status } } inboundDndSettings { all { status } }
      customFields { id value { __typename ... on CustomFieldTextList { texts } } } } } }`;
    const response = await stack.graphql(query, { id: 'driftedContact000001' }, { token: stack.seed.token });
    expect(response.json.errors).toBeUndefined();
    expect(response.json.data?.contact).toEqual({
      __typename: 'Contact',
      firstName: 'Drift',
      country: null,
      dateAdded: null,
      dateOfBirth: null,
      dndSettings: { call: { status: null }, sms: { status: 'ACTIVE' } },
      inboundDndSettings: { all: { status: null } },
      customFields: [
        { id: 'cf1', value: { __typename: 'CustomFieldTextList', texts: ['ok'] } },
        { id: 'cf2', value: null },
      ],
    });
    const warnings = stack.logs.filter((line) => line.includes('outside the schema'));
    const fields = warnings.map((line) => (JSON.parse(line) as { field: string }).field).sort();
    expect(fields).toEqual([
      'Contact.country',
      'Contact.dateAdded',
      'Contact.dateOfBirth',
      'CustomField.value',
      'DndChannelSetting.status',
      'InboundDndSetting.status',
    ]);
    expect(warnings.join('\n')).not.toContain('Atlantis');
  });

  it('a contact field of the wrong type is dropped and named in the log, not failed', async () => {
    stack.sim.addContact({
      id: 'wrongTypes0000000001',
      locationId: stack.seed.locationId,
      firstName: 'Ok',
      tags: 'not-a-list' as unknown as string[],
      dnd: 'yes' as unknown as boolean,
    });
    const response = await stack.graphql(CONTACT, { id: 'wrongTypes0000000001' }, { token: stack.seed.token });
    expect(response.json.errors).toBeUndefined();
    expect(response.json.data?.contact).toMatchObject({ __typename: 'Contact', firstName: 'Ok', tags: null });
    expect(stack.logs.some((line) => line.includes('"dropped":["dnd","tags"]'))).toBe(true);
  });
});
