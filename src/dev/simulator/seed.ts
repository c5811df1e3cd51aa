/**
 * Demo data: one location with a token, three hand-written contacts and SEARCH_FILLER_CONTACTS more
 * (so that a search pages several times), a contact in another location (for 403s), the users
 * contacts are assigned to, and a custom field definition of every data type. Ids are 20 characters
 * like HighLevel's; values follow the contract's examples where it has them.
 */
import type { CustomFieldDefinition } from './custom-fields';
import type { HighLevelSimulator } from './simulator';

export const DEMO_LOCATION_ID = 've9EPM428h8vShlRW1KT';
export const OTHER_LOCATION_ID = 'otherLocation0000001';
export const DEMO_TOKEN = 'demo-token-ve9EPM428h8vShlRW1KT';
export const DEMO_USER_ID = 'y0BeYjuRIlDwsDcOHOJo';
export const SECOND_USER_ID = 'Zq8XbN2mLp4RtV6wYc1D';
/** Generated contacts besides the three written out below: 120 in the demo location in all. */
export const SEARCH_FILLER_CONTACTS = 117;

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
  /** How many contacts the demo location holds. */
  locationContactCount: number;
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
  sim.addUser({ id: SECOND_USER_ID, name: 'Jane Roe', firstName: 'Jane', lastName: 'Roe', email: 'jane@roe.com' });
  for (const field of DEMO_CUSTOM_FIELDS) sim.addCustomField(DEMO_LOCATION_ID, field);
  for (let n = 1; n <= SEARCH_FILLER_CONTACTS; n += 1) sim.addContact(fillerContact(n));

  return {
    token: DEMO_TOKEN,
    locationId: DEMO_LOCATION_ID,
    contactIds: ['ocQHyuzHvysMo5N5VsXc', 'seD4PfOuKoVMLkEZqohJ', 'Kq3VnRcAzW8pLm2XyT6s'],
    otherLocationContactId: 'otherLocContact00001',
    locationContactCount: 3 + SEARCH_FILLER_CONTACTS,
  };
}

const FIRST_NAMES = [
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
  'Edsger',
  'Radia',
  'Donald',
  'Hedy',
];
const LAST_NAMES = [
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'Dijkstra',
  'Perlman',
];
const PLACES = [
  { city: 'Austin', state: 'TX', country: 'US', postalCode: '73301', timezone: 'America/Chicago' },
  { city: 'Denver', state: 'CO', country: 'US', postalCode: '80201', timezone: 'America/Denver' },
  { city: 'Toronto', state: 'ON', country: 'CA', postalCode: 'M5H 2N2', timezone: 'America/Toronto' },
  { city: 'Manchester', state: 'England', country: 'GB', postalCode: 'M1 1AE', timezone: 'Europe/London' },
  { city: 'Pune', state: 'MH', country: 'IN', postalCode: '411001', timezone: 'Asia/Kolkata' },
] as const;
const TAGS = ['newsletter', 'webinar', 'vip', 'trial', 'customer'];
const SOURCES = ['website', 'referral', 'public api', 'import'];
const COMPANIES = ['Analytical Engines', 'Bletchley Labs', 'Compiler Works', undefined];
const FIRST_FILLER_ADDED = Date.parse('2024-01-03T09:00:00.000Z');

/**
 * The `n`th generated contact: every value derived from `n`, each contact added 37 hours after the
 * one before (so the default order, latest added first, is unambiguous). Emails and phones are unique
 * and in no other test's or benchmark's use.
 */
function fillerContact(n: number): Parameters<HighLevelSimulator['addContact']>[0] {
  const firstName = FIRST_NAMES[n % FIRST_NAMES.length] ?? 'Grace';
  const lastName = LAST_NAMES[n % LAST_NAMES.length] ?? 'Hopper';
  const place = PLACES[n % PLACES.length] ?? PLACES[0];
  const added = new Date(FIRST_FILLER_ADDED + n * 37 * 3_600_000).toISOString();
  const companyName = COMPANIES[n % COMPANIES.length];
  const assignedTo = n % 5 === 0 ? DEMO_USER_ID : n % 5 === 1 ? SECOND_USER_ID : undefined;
  return {
    id: `demoSeedContact${String(n).padStart(5, '0')}`,
    locationId: DEMO_LOCATION_ID,
    type: n % 3 === 0 ? 'customer' : 'lead',
    source: SOURCES[n % SOURCES.length] ?? 'website',
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    firstNameLowerCase: firstName.toLowerCase(),
    lastNameLowerCase: lastName.toLowerCase(),
    fullNameLowerCase: `${firstName} ${lastName}`.toLowerCase(),
    email: `${firstName}.${lastName}.${n}@example.org`.toLowerCase(),
    emailLowerCase: `${firstName}.${lastName}.${n}@example.org`.toLowerCase(),
    phone: `+1555010${String(n).padStart(4, '0')}`,
    ...place,
    ...(companyName ? { companyName } : {}),
    ...(assignedTo ? { assignedTo } : {}),
    tags: [TAGS[n % TAGS.length] ?? 'newsletter', ...(n % 4 === 0 ? ['vip'] : [])].filter(
      (tag, i, all) => all.indexOf(tag) === i,
    ),
    dnd: n % 7 === 0,
    customFields: [{ id: 'TeamS1zeNumF1eLd0001', value: (n % 10) * 5 }],
    dateAdded: added,
    dateUpdated: added,
  };
}
