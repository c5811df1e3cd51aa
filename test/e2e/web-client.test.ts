import {
  createContactsClient,
  GatewayRequestError,
  toCreateOutcome,
  toDeleteOutcome,
  searchAllContacts,
  toOutcome,
  toSearchOutcome,
  toUpsertOutcome,
} from '../../examples/web-client/src/client';
import { startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe('the example web client against a real gateway', () => {
  it('creates, upserts, updates, reads, tags and deletes contacts, handling each outcome', async () => {
    let token = stack.seed.token;
    const client = createContactsClient({ endpoint: stack.gateway.url, getToken: () => token });
    const id = stack.seed.contactIds[1] as string;

    const saved = await client.updateContact({ id, input: { firstName: 'Typed', tags: ['web'] } });
    expect(toOutcome(saved)).toEqual({ kind: 'saved', contactId: id });

    const invalid = await client.updateContact({ id, input: { email: 'nope' } });
    expect(toOutcome(invalid)).toEqual({
      kind: 'fix-input',
      problems: [{ field: 'input.email', message: 'email must be a valid email address' }],
    });

    const read = await client.contact(id);
    expect(read).toMatchObject({ __typename: 'Contact', firstName: 'Typed', assignedUser: { name: 'John Deo' } });

    expect(await client.addTags(id, ['vip2'])).toEqual({ __typename: 'AddContactTagsSuccess', tags: ['web', 'vip2'] });
    expect(await client.removeTags(id, ['web'])).toEqual({ __typename: 'RemoveContactTagsSuccess', tags: ['vip2'] });

    stack.sim.addContact({ id: 'webClientDelete00001', locationId: stack.seed.locationId, firstName: 'Bye' });
    expect(toDeleteOutcome(await client.deleteContact('webClientDelete00001'))).toEqual({
      kind: 'deleted',
      contactId: 'webClientDelete00001',
    });
    expect(toDeleteOutcome(await client.deleteContact('webClientDelete00001'))).toEqual({
      kind: 'gone',
      message: 'Contact with id webClientDelete00001 not found',
    });

    const created = toCreateOutcome(
      await client.createContact({ input: { locationId: stack.seed.locationId, email: 'web-client@example.com' } }),
    );
    expect(created).toEqual({ kind: 'created', contactId: expect.any(String) as unknown });
    expect(
      toCreateOutcome(
        await client.createContact({ input: { locationId: stack.seed.locationId, email: 'web-client@example.com' } }),
      ),
    ).toEqual({
      kind: 'duplicate',
      existingContactId: created.kind === 'created' ? created.contactId : '',
      matchingField: 'email',
    });

    const upsert = (input: { email: string; city: string }) =>
      client.upsertContact({ input: { locationId: stack.seed.locationId, ...input } });
    expect(toUpsertOutcome(await upsert({ email: 'web-client@example.com', city: 'Oslo' }))).toEqual({
      kind: 'saved',
      contactId: created.kind === 'created' ? created.contactId : '',
      created: false,
    });
    expect(toUpsertOutcome(await upsert({ email: 'web-upsert@example.com', city: 'Oslo' }))).toMatchObject({
      kind: 'saved',
      created: true,
    });

    token = 'expired-token-0000';
    expect(toOutcome(await client.updateContact({ id, input: { city: 'X' } }))).toEqual({ kind: 'sign-in-again' });
  });

  it('searches with a filter group and walks every page', async () => {
    const client = createContactsClient({ endpoint: stack.gateway.url, getToken: () => stack.seed.token });
    const locationId = stack.seed.locationId;
    const filters = [
      {
        group: 'OR' as const,
        filters: [
          { field: 'TAGS' as const, operator: 'CONTAINS' as const, values: ['vip'] },
          { field: 'CITY' as const, operator: 'EQ' as const, text: 'Denver' },
        ],
      },
    ];
    const first = toSearchOutcome(await client.searchContacts({ locationId, filters, first: 10 }));
    if (first.kind !== 'page') throw new Error(`no page: ${JSON.stringify(first)}`);
    expect(first.contacts).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();

    const all = await searchAllContacts(client, { locationId, filters, first: 10 });
    if (all.kind !== 'all') throw new Error(`no walk: ${JSON.stringify(all)}`);
    expect(all.contacts).toHaveLength(first.totalCount ?? -1);
    expect(new Set(all.contacts.map((contact) => contact.id)).size).toBe(all.contacts.length);
    expect(all.contacts.slice(0, 10)).toEqual(first.contacts);

    expect(toSearchOutcome(await client.searchContacts({ locationId, first: 0 }))).toEqual({
      kind: 'fix-input',
      problems: [{ field: 'first', message: 'first must be 1 to 500' }],
    });
  });

  it('raises a transport error when the gateway refuses the request itself', async () => {
    const client = createContactsClient({ endpoint: stack.gateway.url, getToken: () => stack.seed.token });
    await expect(client.updateContact({ id: 'x', input: { country: 'Atlantis' as never } })).rejects.toBeInstanceOf(
      GatewayRequestError,
    );
  });
});
