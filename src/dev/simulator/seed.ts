/**
 * Demo data: one location with a token, three contacts, a contact in another location (for 403s), the
 * user one contact is assigned to, and a custom field definition of every data type. Ids are 20
 * characters like HighLevel's; values follow the contract's examples where it has them.
 */
import type { CustomFieldDefinition } from './custom-fields';
import type { HighLevelSimulator } from './simulator';

export const DEMO_LOCATION_ID = 've9EPM428h8vShlRW1KT';
export const OTHER_LOCATION_ID = 'otherLocation0000001';
export const DEMO_TOKEN = 'demo-token-ve9EPM428h8vShlRW1KT';
export const DEMO_USER_ID = 'y0BeYjuRIlDwsDcOHOJo';

/** One field of each data type in the demo location. */
export const DEMO_CUSTOM_FIELDS: readonly CustomFieldDefinition[] = [
  // The contract's example id; a list of text, as docs/api.md's example operation sends it.
  { id: '6dvNaf7VhkQ9snc5vnjJ', key: 'contact.my_custom_field', dataType: 'MULTIPLE_OPTIONS' },
  { id: 'FavCarTextF1eLd00001', key: 'contact.favourite_car', dataType: 'TEXT' },
  { id: 'BioLargeTextF1eLd001', key: 'contact.biography', dataType: 'LARGE_TEXT' },
  { id: 'StageS1ngleOpt100001', key: 'contact.lead_stage', dataType: 'SINGLE_OPTIONS' },
  { id: 'ChannelRad1oF1eLd001', key: 'contact.preferred_channel', dataType: 'RADIO' },
  { id: 'TeamS1zeNumF1eLd0001', key: 'contact.team_size', dataType: 'NUMERICAL' },
  { id: 'Nu4mErIcF1eLd0000001', key: 'contact.lifetime_value', dataType: 'MONETORY' },
  { id: 'MgobCB14YMVKuE4Ka8p1', key: 'contact.hobbies', dataType: 'CHECKBOX' },
  { id: 'F1LeUpL0aDf1eLd00001', key: 'contact.signed_contract', dataType: 'FILE_UPLOAD' },
];

export interface DemoSeed {
  token: string;
  locationId: string;
  /** Contacts the demo token may read and change. */
  contactIds: string[];
  /** A contact in another location: the demo token gets 403 for it. */
  otherLocationContactId: string;
}

export function seedDemoData(sim: HighLevelSimulator): DemoSeed {
  sim.addToken(DEMO_TOKEN, DEMO_LOCATION_ID);
  const added = '2021-07-02T05:18:26.704Z';
  sim.addContact({
    id: 'ocQHyuzHvysMo5N5VsXc',
    locationId: DEMO_LOCATION_ID,
    type: 'lead',
    source: 'public api',
    firstName: 'rosan',
    lastName: 'Deo',
    name: 'rosan Deo',
    firstNameLowerCase: 'rosan',
    lastNameLowerCase: 'deo',
    fullNameLowerCase: 'rosan deo',
    email: 'rosan@deos.com',
    emailLowerCase: 'rosan@deos.com',
    phone: '+18888888888',
    address1: '3535 1st St N',
    city: 'Dolomite',
    state: 'AL',
    postalCode: '35061',
    country: 'US',
    timezone: 'America/Chihuahua',
    website: 'https://www.tesla.com',
    tags: ['nisi sint commodo amet', 'consequat'],
    dnd: false,
    dndSettings: { Call: { status: 'inactive' }, SMS: { status: 'inactive' } },
    customFields: [],
    dateAdded: added,
    dateUpdated: added,
  });
  sim.addContact({
    id: 'seD4PfOuKoVMLkEZqohJ',
    locationId: DEMO_LOCATION_ID,
    type: 'customer',
    companyName: 'DGS VolMAX',
    firstName: 'rubika',
    lastName: 'Deo',
    name: 'rubika deo',
    firstNameLowerCase: 'rubika',
    lastNameLowerCase: 'deo',
    fullNameLowerCase: 'rubika deo',
    email: 'rubika@deos.com',
    emailLowerCase: 'rubika@deos.com',
    phone: '+18832327657',
    country: 'IN',
    timezone: 'Asia/Calcutta',
    dateOfBirth: '1990-09-25T00:00:00.000Z',
    dnd: true,
    dndSettings: { Email: { status: 'permanent', message: 'unsubscribed' } },
    inboundDndSettings: { all: { status: 'inactive' } },
    assignedTo: DEMO_USER_ID,
    tags: ['vip'],
    attributionSource: { url: 'Trigger Link', medium: 'survey' },
    customFields: [
      { id: 'MgobCB14YMVKuE4Ka8p1', value: ['cricket', 'chess'] },
      { id: 'Nu4mErIcF1eLd0000001', value: 1200.5 },
    ],
    dateAdded: added,
    dateUpdated: added,
  });
  sim.addContact({
    id: 'Kq3VnRcAzW8pLm2XyT6s',
    locationId: DEMO_LOCATION_ID,
    type: 'lead',
    firstName: 'Ada',
    lastName: 'Lovelace',
    name: 'Ada Lovelace',
    firstNameLowerCase: 'ada',
    lastNameLowerCase: 'lovelace',
    fullNameLowerCase: 'ada lovelace',
    email: 'ada@example.com',
    emailLowerCase: 'ada@example.com',
    city: 'London',
    country: 'GB',
    timezone: 'Europe/London',
    dateAdded: added,
    dateUpdated: added,
  });
  sim.addContact({
    id: 'otherLocContact00001',
    locationId: OTHER_LOCATION_ID,
    firstName: 'Not',
    lastName: 'Yours',
    name: 'Not Yours',
    dateAdded: added,
    dateUpdated: added,
  });
  sim.addUser({
    id: DEMO_USER_ID,
    name: 'John Deo',
    firstName: 'John',
    lastName: 'Deo',
    email: 'john@deo.com',
    phone: '+1 808-868-8888',
  });
  for (const field of DEMO_CUSTOM_FIELDS) sim.addCustomField(DEMO_LOCATION_ID, field);

  return {
    token: DEMO_TOKEN,
    locationId: DEMO_LOCATION_ID,
    contactIds: ['ocQHyuzHvysMo5N5VsXc', 'seD4PfOuKoVMLkEZqohJ', 'Kq3VnRcAzW8pLm2XyT6s'],
    otherLocationContactId: 'otherLocContact00001',
  };
}
