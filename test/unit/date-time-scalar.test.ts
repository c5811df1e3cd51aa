import { Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DateTime } from '../../src/resolvers/DateTime';

describe('the DateTime scalar', () => {
  it('answers strings, and the same JSON as graphql-scalars for every value it accepts', () => {
    const values: (string | Date | number)[] = [
      '2021-07-02T05:18:26.704Z',
      '2021-07-02T07:18:26+02:00',
      '2021-07-02T05:18:26Z',
      new Date(Date.UTC(2024, 1, 29, 12, 30)),
      1_625_203_106_704,
    ];
    for (const value of values) {
      const serialized = DateTime.serialize(value);
      expect(typeof serialized).toBe('string');
      expect(JSON.stringify(serialized)).toBe(JSON.stringify(DateTimeResolver.serialize(value)));
    }
    expect(DateTime.serialize('2021-07-02T05:18:26.704Z')).toBe('2021-07-02T05:18:26.704Z');
  });

  it('refuses what graphql-scalars refuses', () => {
    for (const value of ['yesterday', '2023-02-30T00:00:00.000Z', '2021-13-45T99:99:99Z', new Date(Number.NaN), {}]) {
      expect(() => DateTime.serialize(value)).toThrow();
      expect(() => DateTimeResolver.serialize(value)).toThrow();
    }
  });

  it('reads the inputs graphql-scalars accepts as their canonical UTC string, and refuses the rest', () => {
    expect(DateTime.parseValue('2021-07-02T05:18:26.704Z')).toBe('2021-07-02T05:18:26.704Z');
    expect(DateTime.parseValue('2021-07-02T07:18:26+02:00')).toBe('2021-07-02T05:18:26.000Z');
    expect(DateTime.parseLiteral({ kind: Kind.STRING, value: '2021-07-02T05:18:26Z' }, {})).toBe(
      '2021-07-02T05:18:26.000Z',
    );
    for (const value of ['yesterday', '2023-02-30T00:00:00.000Z', 12]) {
      expect(() => DateTime.parseValue(value)).toThrow();
      expect(() => DateTimeResolver.parseValue(value)).toThrow();
    }
    expect(DateTime.name).toBe('DateTime');
  });
});
