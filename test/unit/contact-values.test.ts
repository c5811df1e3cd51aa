import { GraphQLEnumType } from 'graphql';
import countries from 'i18n-iso-countries';
import { CountryCode } from '../../src/__generated__/resolvers-types';
import { readContact, readContactEnvelope } from '../../src/highlevel/read-contact';
import {
  countryFromRest,
  customFieldValueFromRest,
  dateTimeFromRest,
  isCanonicalDateTime,
  localDateFromRest,
} from '../../src/mapping/contact-values';
import { dndChannelFromRest, dndStatusFromRest, inboundDndStatusFromRest } from '../../src/mapping/dnd';
import { buildGatewaySchema } from '../../src/schema';

describe('CountryCode', () => {
  it('is exactly the ISO 3166-1 alpha-2 codes (plus XK)', () => {
    const type = buildGatewaySchema().getType('CountryCode');
    if (!(type instanceof GraphQLEnumType)) throw new Error('CountryCode missing');
    const schemaCodes = type
      .getValues()
      .map((value) => value.name)
      .sort();
    expect(schemaCodes).toEqual(Object.keys(countries.getAlpha2Codes()).sort());
    expect(schemaCodes).toContain('XK');
    expect(schemaCodes).toHaveLength(250);
  });
});

describe('upstream contact values -> GraphQL', () => {
  it('maps country codes, case-insensitively, and nothing else', () => {
    expect(countryFromRest('US')).toBe(CountryCode.Us);
    expect(countryFromRest('de')).toBe('DE');
    expect(countryFromRest('United States')).toBeUndefined();
    expect(countryFromRest('ZZ')).toBeUndefined();
  });

  it('normalises timestamps to RFC 3339 UTC and refuses the rest', () => {
    expect(dateTimeFromRest('2021-07-02T05:18:26.704Z')).toBe('2021-07-02T05:18:26.704Z');
    expect(dateTimeFromRest('2021-07-02T07:18:26+02:00')).toBe('2021-07-02T05:18:26.000Z');
    expect(dateTimeFromRest('yesterday')).toBeUndefined();
    expect(dateTimeFromRest('1')).toBeUndefined();
    expect(dateTimeFromRest('2021-13-45T99:99:99Z')).toBeUndefined();
    expect(dateTimeFromRest('2023-02-29T10:00:00.000Z')).toBe('2023-03-01T10:00:00.000Z');
  });

  it('knows a canonical timestamp without a Date: the same answer as a toISOString round trip', () => {
    const byDate = (value: string) => {
      const time = Date.parse(value);
      return !Number.isNaN(time) && new Date(time).toISOString() === value;
    };
    const samples = [
      '2021-07-02T05:18:26.704Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2024-02-29T12:00:00.000Z',
      '2000-02-29T12:00:00.000Z',
      '1900-02-29T12:00:00.000Z',
      '2023-02-29T12:00:00.000Z',
      '2023-04-31T12:00:00.000Z',
      '2023-12-31T12:00:00.000Z',
      '2023-00-10T12:00:00.000Z',
      '2023-13-10T12:00:00.000Z',
      '2023-01-00T12:00:00.000Z',
      '2023-01-32T12:00:00.000Z',
      '2023-01-10T24:00:00.000Z',
      '2023-01-10T23:60:00.000Z',
      '2023-01-10T23:59:60.000Z',
      '2023-01-10T23:59:59Z',
      '2023-01-10T23:59:59.000z',
      '2023-01-10T23:59:59.000+00:00',
      '2023-01-10 23:59:59.000Z',
      '+002023-01-10T23:59:59.000Z',
      ' 2023-01-10T23:59:59.000Z',
      '2023-01-10T23:59:59.0a0Z',
      '2O23-01-10T23:59:59.000Z',
      '2023-1-100T23:59:59.000Z',
      '2023-01-10T23:5:590.000Z',
    ];
    // Every month's last day and the day after, across leap and common years.
    for (const year of [1900, 2000, 2023, 2024]) {
      for (let month = 1; month <= 12; month += 1) {
        for (const day of [28, 29, 30, 31]) {
          samples.push(`${year}-${String(month).padStart(2, '0')}-${day}T00:00:00.000Z`);
        }
      }
    }
    for (const value of samples) expect([value, isCanonicalDateTime(value)]).toEqual([value, byDate(value)]);
  });

  it('reads dates of birth in the documented formats as YYYY-MM-DD', () => {
    expect(localDateFromRest('1990-09-25T00:00:00.000Z')).toBe('1990-09-25');
    expect(localDateFromRest('1990-09-25')).toBe('1990-09-25');
    expect(localDateFromRest('1990/09/25')).toBe('1990-09-25');
    expect(localDateFromRest('09/25/1990')).toBe('1990-09-25');
    expect(localDateFromRest('09.25.1990')).toBe('1990-09-25');
    expect(localDateFromRest('1990-02-30')).toBeUndefined();
    expect(localDateFromRest('Date format YYYY-MM-DD')).toBeUndefined();
  });

  it('maps DND names both ways and refuses unknown values', () => {
    expect(dndStatusFromRest('permanent')).toBe('PERMANENT');
    expect(dndStatusFromRest('sometimes')).toBeUndefined();
    expect(inboundDndStatusFromRest('active')).toBe('ACTIVE');
    expect(inboundDndStatusFromRest('permanent')).toBeUndefined();
    expect(dndChannelFromRest('WhatsApp')).toBe('whatsApp');
    expect(dndChannelFromRest('Pigeon')).toBeUndefined();
  });

  it('types custom field values by shape', () => {
    expect(customFieldValueFromRest('text')).toEqual({ __typename: 'CustomFieldText', text: 'text' });
    expect(customFieldValueFromRest(['a', 'b'])).toEqual({ __typename: 'CustomFieldTextList', texts: ['a', 'b'] });
    expect(customFieldValueFromRest(100.5)).toEqual({ __typename: 'CustomFieldNumber', number: 100.5 });
    expect(customFieldValueFromRest({ a: 1 })).toEqual({ __typename: 'CustomFieldObject', object: { a: 1 } });
    expect(customFieldValueFromRest(null)).toBeNull();
    expect(customFieldValueFromRest(undefined)).toBeNull();
    expect(customFieldValueFromRest([1, 'a'])).toBeUndefined();
    expect(customFieldValueFromRest(true)).toBeUndefined();
  });
});

describe('readContact', () => {
  it('needs a contact with a string id', () => {
    expect(readContactEnvelope({ contact: { id: 'abc' } })).toEqual({ contact: { id: 'abc' }, dropped: [] });
    expect(readContactEnvelope({ contact: { id: 7 } })).toBeUndefined();
    expect(readContactEnvelope({ succeded: true })).toBeUndefined();
    expect(readContactEnvelope('garbage')).toBeUndefined();
    expect(readContactEnvelope(null)).toBeUndefined();
  });

  it('keeps documented fields and drops values of the wrong type, naming them', () => {
    const read = readContact({
      id: 'abc',
      firstName: 'Rubika',
      lastName: 42,
      dnd: 'yes',
      tags: ['a', 3, 'b'],
      dndSettings: { Call: { status: 'active', code: 5 }, Pigeon: { status: 'active' }, SMS: 'on' },
      inboundDndSettings: { all: { status: 'inactive' } },
      customFields: [{ id: 'cf1', value: ['x'] }, { value: 'orphan' }],
      attributionSource: { url: 'Trigger Link', ip: 12 },
      lastAttributionSource: 'nope',
      somethingNew: { nested: true },
    });
    expect(read?.contact).toEqual({
      id: 'abc',
      firstName: 'Rubika',
      tags: ['a', 'b'],
      dndSettings: { Call: { status: 'active' } },
      inboundDndSettings: { all: { status: 'inactive' } },
      customFields: [{ id: 'cf1', value: ['x'] }],
      attributionSource: { url: 'Trigger Link' },
    });
    expect(read?.dropped.sort()).toEqual(
      [
        'lastName',
        'dnd',
        'tags[]',
        'dndSettings.Call.code',
        'dndSettings.SMS',
        'customFields.1',
        'attributionSource.ip',
        'lastAttributionSource',
      ].sort(),
    );
  });
});
