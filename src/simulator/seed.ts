/**
 * Demo data: one location with a token, three contacts, a contact in another location (for 403s),
 * and custom field definitions of each shape. Values follow the contract's examples.
 */
import type { HighLevelSimulator } from './simulator';

export const DEMO_LOCATION_ID = 've9EPM428h8vShlRW1KT';
export const OTHER_LOCATION_ID = 'otherLocation0000001';
export const DEMO_TOKEN = 'demo-token-ve9EPM428h8vShlRW1KT';

export function seedDemoData(sim: HighLevelSimulator) {
  sim.addToken(DEMO_TOKEN, DEMO_LOCATION_ID);
  const added = '2021-07-02T05:18:26.704Z';
  sim.addContact({
    id: 'ocQHyuzHvysMo5N5VsXc',
    locationId: DEMO_LOCATION_ID,
    firstName: 'rosan',
    lastName: 'Deo',
    name: 'rosan Deo',
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
    source: 'public api',
    type: 'lead',
    dnd: false,
    dndSettings: { Call: { status: 'inactive' }, SMS: { status: 'inactive' } },
    dateAdded: added,
    dateUpdated: added,
    firstNameLowerCase: 'rosan',
    lastNameLowerCase: 'deo',
    fullNameLowerCase: 'rosan deo',
    customFields: [],
  });
  sim.addContact({
    id: 'seD4PfOuKoVMLkEZqohJ',
    locationId: DEMO_LOCATION_ID,
    firstName: 'rubika',
    lastName: 'Deo',
    name: 'rubika deo',
    email: 'rubika@deos.com',
    emailLowerCase: 'rubika@deos.com',
    companyName: 'DGS VolMAX',
    phone: '+18832327657',
    country: 'IN',
    timezone: 'Asia/Calcutta',
    dateOfBirth: '1990-09-25T00:00:00.000Z',
    type: 'customer',
    dnd: true,
    assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
    dateAdded: added,
    dateUpdated: added,
    tags: ['vip'],
    attributionSource: { url: 'Trigger Link', medium: 'survey' },
  });
  sim.addContact({
    id: 'Kq3VnRcAzW8pLm2XyT6s',
    locationId: DEMO_LOCATION_ID,
    firstName: 'Ada',
    lastName: 'Lovelace',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    emailLowerCase: 'ada@example.com',
    country: 'GB',
    dateAdded: added,
    dateUpdated: added,
  });
  sim.addContact({ id: 'otherLocContact00001', locationId: OTHER_LOCATION_ID, firstName: 'Not', lastName: 'Yours' });

  sim.addUser({
    id: 'y0BeYjuRIlDwsDcOHOJo',
    name: 'John Deo',
    firstName: 'John',
    lastName: 'Deo',
    email: 'john@deo.com',
    phone: '+1 808-868-8888',
  });

  sim.addCustomField(DEMO_LOCATION_ID, {
    id: '6dvNaf7VhkQ9snc5vnjJ',
    key: 'contact.my_custom_field',
    dataType: 'TEXT',
  });
  sim.addCustomField(DEMO_LOCATION_ID, {
    id: 'MgobCB14YMVKuE4Ka8p1',
    key: 'contact.hobbies',
    dataType: 'MULTIPLE_OPTIONS',
  });
  sim.addCustomField(DEMO_LOCATION_ID, {
    id: 'Nu4mErIcF1eLd0000001',
    key: 'contact.lifetime_value',
    dataType: 'MONETORY',
  });
  sim.addCustomField(DEMO_LOCATION_ID, {
    id: 'F1LeUpL0aDf1eLd00001',
    key: 'contact.signed_contract',
    dataType: 'FILE_UPLOAD',
  });

  return {
    token: DEMO_TOKEN,
    locationId: DEMO_LOCATION_ID,
    contactIds: ['ocQHyuzHvysMo5N5VsXc', 'seD4PfOuKoVMLkEZqohJ', 'Kq3VnRcAzW8pLm2XyT6s'],
    otherLocationContactId: 'otherLocContact00001',
  };
}
