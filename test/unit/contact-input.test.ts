import { GraphQLInputObjectType } from 'graphql';
import type {
  CreateContactInput,
  UpdateContactInput,
  UpsertContactInput,
} from '../../src/__generated__/resolvers-types';
import {
  INPUT_FIELDS,
  inputPathFromRest,
  toCreateContactBody,
  toUpdateContactBody,
  toUpsertContactBody,
} from '../../src/mapping/contact-input';
import { buildGatewaySchema } from '../../src/schema';

function body(input: UpdateContactInput) {
  const result = toUpdateContactBody(input);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result.body;
}

function issues(input: UpdateContactInput) {
  const result = toUpdateContactBody(input);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.body)}`);
  return result.issues;
}

describe('toUpdateContactBody', () => {
  it('sends only the fields that are present', () => {
    expect(body({ firstName: 'Rosan' })).toEqual({ firstName: 'Rosan' });
    expect(Object.keys(body({ city: 'Dolomite', tags: ['a'] })).sort()).toEqual(['city', 'tags']);
  });

  it('sends an explicit null as null for every "string or null" field', () => {
    const nullable = [
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
      'dateOfBirth',
    ] as const;
    for (const field of nullable) {
      const sent = body({ [field]: null });
      expect(sent).toEqual({ [field]: null });
      expect(Object.prototype.hasOwnProperty.call(sent, field)).toBe(true);
    }
  });

  it('refuses null where the contract does not allow it, naming the field', () => {
    for (const field of [
      'postalCode',
      'dnd',
      'tags',
      'customFields',
      'country',
      'dndSettings',
      'inboundDndSettings',
    ] as const) {
      const [issue, ...rest] = issues({ firstName: 'x', [field]: null });
      expect(rest).toEqual([]);
      expect(issue?.field).toEqual(['input', field]);
      expect(issue?.message).toMatch(new RegExp(`^${field} cannot be null`));
    }
  });

  it('maps every field of a full input to the contract body', () => {
    const input: UpdateContactInput = {
      firstName: 'rosan',
      lastName: 'Deo',
      name: 'rosan Deo',
      email: 'rosan@deos.com',
      phone: '+1 888-888-8888',
      address1: '3535 1st St N',
      city: 'Dolomite',
      state: 'AL',
      postalCode: '35061',
      website: 'https://www.tesla.com',
      timezone: 'America/Chihuahua',
      dnd: true,
      dndSettings: {
        call: { status: 'ACTIVE', message: 'm', code: 'c' },
        email: { status: 'INACTIVE' },
        sms: { status: 'PERMANENT' },
        whatsApp: { status: 'ACTIVE' },
        gmb: { status: 'INACTIVE' },
        fb: { status: 'ACTIVE', message: 'fb' },
      },
      inboundDndSettings: { all: { status: 'INACTIVE', message: 'ok' } },
      tags: ['nisi sint commodo amet', 'consequat'],
      customFields: [
        { id: '6dvNaf7VhkQ9snc5vnjJ', value: { text: 'My Text' } },
        { key: 'my_custom_field', value: { texts: ['test', 'test2'] } },
        { id: 'num', value: { number: 100.5 } },
        { id: 'file', value: { object: { doc: { url: 'u' } } } },
      ],
      source: 'public api',
      country: 'US',
      assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
      dateOfBirth: '1990-09-25',
    };
    expect(body(input)).toEqual({
      firstName: 'rosan',
      lastName: 'Deo',
      name: 'rosan Deo',
      email: 'rosan@deos.com',
      phone: '+1 888-888-8888',
      address1: '3535 1st St N',
      city: 'Dolomite',
      state: 'AL',
      postalCode: '35061',
      website: 'https://www.tesla.com',
      timezone: 'America/Chihuahua',
      dnd: true,
      dndSettings: {
        Call: { status: 'active', message: 'm', code: 'c' },
        Email: { status: 'inactive' },
        SMS: { status: 'permanent' },
        WhatsApp: { status: 'active' },
        GMB: { status: 'inactive' },
        FB: { status: 'active', message: 'fb' },
      },
      inboundDndSettings: { all: { status: 'inactive', message: 'ok' } },
      tags: ['nisi sint commodo amet', 'consequat'],
      customFields: [
        { id: '6dvNaf7VhkQ9snc5vnjJ', field_value: 'My Text' },
        { key: 'my_custom_field', field_value: ['test', 'test2'] },
        { id: 'num', field_value: 100.5 },
        { id: 'file', field_value: { doc: { url: 'u' } } },
      ],
      source: 'public api',
      country: 'US',
      assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
      dateOfBirth: '1990-09-25',
    });
  });

  it("has a mapping for every field of the schema's UpsertContactInput, and so of the create and update inputs", () => {
    const schema = buildGatewaySchema();
    const fields = (name: string) => {
      const type = schema.getType(name);
      if (!(type instanceof GraphQLInputObjectType)) throw new Error(`${name} missing`);
      return Object.keys(type.getFields());
    };
    expect(Object.keys(INPUT_FIELDS).sort()).toEqual(fields('UpsertContactInput').sort());
    for (const field of [...fields('CreateContactInput'), ...fields('UpdateContactInput')])
      expect(Object.keys(INPUT_FIELDS)).toContain(field);
  });

  it('leaves omitted DND channels and fields out, and refuses null inside them', () => {
    expect(body({ dndSettings: { sms: { status: 'ACTIVE' } } })).toEqual({
      dndSettings: { SMS: { status: 'active' } },
    });
    expect(body({ inboundDndSettings: {} })).toEqual({ inboundDndSettings: {} });
    expect(issues({ dndSettings: { call: null } })[0]?.field).toEqual(['input', 'dndSettings', 'call']);
    expect(issues({ dndSettings: { gmb: { status: 'ACTIVE', message: null } } })[0]?.field).toEqual([
      'input',
      'dndSettings',
      'gmb',
      'message',
    ]);
    expect(issues({ inboundDndSettings: { all: null } })[0]?.field).toEqual(['input', 'inboundDndSettings', 'all']);
  });

  it('sends [] to clear tags', () => {
    expect(body({ tags: [] })).toEqual({ tags: [] });
  });

  it.each([
    ['email', 'not-an-email', 'must be a valid email address'],
    ['email', 'a@b', 'must be a valid email address'],
    ['website', 'ftp://example.com', 'must be an absolute http or https URL'],
    ['website', 'tesla.com', 'must be an absolute http or https URL'],
    ['timezone', 'Mars/Olympus', 'must be an IANA time zone'],
    ['timezone', '+05:00', 'must be an IANA time zone'],
  ] as const)('refuses %s %j', (field, value, message) => {
    const [issue] = issues({ [field]: value });
    expect(issue).toEqual({ field: ['input', field], message: expect.stringContaining(message) });
  });

  it.each([
    ['email', 'Rubika.Deo+crm@deos.co.uk'],
    ['website', 'http://localhost:8080/x?y=1'],
    ['timezone', 'Asia/Calcutta'],
    ['timezone', 'UTC'],
    ['timezone', 'America/Argentina/Buenos_Aires'],
  ] as const)('accepts %s %j', (field, value) => {
    expect(body({ [field]: value })).toEqual({ [field]: value });
  });

  it('needs exactly one of id or key, and exactly one value member, per custom field', () => {
    expect(issues({ customFields: [{ value: { text: 'x' } }] })[0]?.field).toEqual(['input', 'customFields', '0']);
    expect(issues({ customFields: [{ id: 'a', key: 'b', value: { text: 'x' } }] })[0]?.field).toEqual([
      'input',
      'customFields',
      '0',
    ]);
    expect(issues({ customFields: [{ id: 'a', value: {} }] })[0]?.field).toEqual([
      'input',
      'customFields',
      '0',
      'value',
    ]);
    expect(issues({ customFields: [{ id: 'a', value: { text: 'x', number: 1 } }] })[0]?.field).toEqual([
      'input',
      'customFields',
      '0',
      'value',
    ]);
    expect(body({ customFields: [{ id: 'a', key: null, value: { text: '', texts: null } }] })).toEqual({
      customFields: [{ id: 'a', field_value: '' }],
    });
  });

  it('refuses an input that changes nothing', () => {
    expect(issues({})).toEqual([{ field: ['input'], message: 'input must set at least one field to change' }]);
  });

  it('reports every problem at once', () => {
    expect(
      issues({ email: 'x', postalCode: null, website: 'y' })
        .map((i) => i.field?.[1])
        .sort(),
    ).toEqual(['email', 'postalCode', 'website']);
  });
});

describe('inputPathFromRest', () => {
  it.each([
    ['email', ['input', 'email']],
    ['dndSettings.Call.status', ['input', 'dndSettings', 'call', 'status']],
    ['dndSettings.WhatsApp', ['input', 'dndSettings', 'whatsApp']],
    ['customFields.2.field_value', ['input', 'customFields', '2', 'value']],
    ['customFields.0.id', ['input', 'customFields', '0', 'id']],
    ['inboundDndSettings.all.status', ['input', 'inboundDndSettings', 'all', 'status']],
    ['companyName', ['input', 'companyName']],
    ['businessName', null],
    ['property', null],
  ] as const)('%s -> %j', (rest, graphql) => {
    expect(inputPathFromRest(rest)).toEqual(graphql);
  });
});

describe('toCreateContactBody', () => {
  const LOCATION = 've9EPM428h8vShlRW1KT';
  const create = (input: Omit<CreateContactInput, 'locationId'>, locationId = LOCATION) =>
    toCreateContactBody({ locationId, ...input });

  it("sends the location and exactly the fields given, with HighLevel's keys", () => {
    expect(
      create({
        firstName: 'Ada',
        email: 'ada@example.com',
        gender: 'female',
        companyName: 'Analytical Engines',
        source: 'public api',
        assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
        tags: ['vip'],
        dndSettings: { sms: { status: 'ACTIVE' } },
        customFields: [{ key: 'contact.favourite_car', value: { text: 'Roadster' } }],
      }),
    ).toEqual({
      ok: true,
      body: {
        locationId: LOCATION,
        firstName: 'Ada',
        email: 'ada@example.com',
        gender: 'female',
        companyName: 'Analytical Engines',
        source: 'public api',
        assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
        tags: ['vip'],
        dndSettings: { SMS: { status: 'active' } },
        customFields: [{ key: 'contact.favourite_car', field_value: 'Roadster' }],
      },
    });
    // Nothing but the location is needed: HighLevel says what else it wants.
    expect(create({})).toEqual({ ok: true, body: { locationId: LOCATION } });
  });

  it('sends null where the create body allows it, and refuses it where it does not', () => {
    expect(create({ lastName: null, companyName: null, website: null })).toEqual({
      ok: true,
      body: { locationId: LOCATION, lastName: null, companyName: null, website: null },
    });
    const refused = create({ source: null, assignedTo: null, gender: null, postalCode: null, tags: null });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues.map((issue) => issue.field?.join('.'))).toEqual([
      'input.postalCode',
      'input.source',
      'input.assignedTo',
      'input.gender',
      'input.tags',
    ]);
    expect(refused.issues[0]?.message).toBe('postalCode cannot be null: leave it out instead');
  });

  it('refuses a location id that cannot be one, and the same values update refuses', () => {
    const refused = create({ email: 'nope', website: 'ftp://x', timezone: 'Mars/Base' }, '../x');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues.map((issue) => issue.field?.join('.'))).toEqual([
      'input.locationId',
      'input.email',
      'input.website',
      'input.timezone',
    ]);
    expect(refused.issues[0]?.message).toBe('locationId must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -');
  });
});

describe('toUpsertContactBody', () => {
  const LOCATION = 've9EPM428h8vShlRW1KT';
  const upsert = (input: Omit<UpsertContactInput, 'locationId'>) =>
    toUpsertContactBody({ locationId: LOCATION, ...input });

  it('is the create body, with createNewIfDuplicateAllowed sent only when given', () => {
    expect(upsert({ email: 'ada@example.com', companyName: null })).toEqual({
      ok: true,
      body: { locationId: LOCATION, email: 'ada@example.com', companyName: null },
    });
    expect(upsert({ phone: '+1 888-888-8888', createNewIfDuplicateAllowed: false })).toEqual({
      ok: true,
      body: { locationId: LOCATION, phone: '+1 888-888-8888', createNewIfDuplicateAllowed: false },
    });
  });

  it("refuses a null flag after the create fields' own refusals", () => {
    const refused = upsert({ email: 'nope', source: null, createNewIfDuplicateAllowed: null });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues.map((issue) => issue.field?.join('.'))).toEqual([
      'input.email',
      'input.source',
      'input.createNewIfDuplicateAllowed',
    ]);
    expect(refused.issues[2]?.message).toBe('createNewIfDuplicateAllowed cannot be null: leave it out instead');
  });

  it("has CreateContactInput's fields, with the same types, and the flag", () => {
    const schema = buildGatewaySchema();
    const shape = (name: string) => {
      const type = schema.getType(name);
      if (!(type instanceof GraphQLInputObjectType)) throw new Error(`${name} missing`);
      return Object.values(type.getFields()).map((field) => `${field.name}: ${String(field.type)}`);
    };
    expect(shape('UpsertContactInput')).toEqual([
      ...shape('CreateContactInput'),
      'createNewIfDuplicateAllowed: Boolean',
    ]);
  });
});
