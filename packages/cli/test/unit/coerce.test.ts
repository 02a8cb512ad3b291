import { describe, expect, it } from 'vitest';
import { addFlagValue, CoercionError, scalarValue } from '../../src/coerce.js';

describe('scalarValue', () => {
  it.each([
    ['int32', '42', 42],
    ['int32', '-7', -7],
    ['int64', '9007199254740993', '9007199254740993'],
    ['number', '1.5', 1.5],
    ['boolean', 'TRUE', true],
    ['boolean', 'false', false],
    ['string', '0123', '0123'],
  ] as const)('reads %s %j as %j', (type, text, value) => {
    expect(scalarValue(type, text)).toBe(value);
  });

  it.each([
    ['int32', '1e3', 'expected an integer'],
    ['int32', '4.0', 'expected an integer'],
    ['number', '', 'expected a number'],
    ['boolean', 'yes', 'expected true or false'],
  ] as const)('refuses %s %j: %s', (type, text, message) => {
    expect(() => scalarValue(type, text)).toThrow(new CoercionError(message));
  });
});

describe('addFlagValue', () => {
  it('refuses a scalar flag given twice', () => {
    expect(() => addFlagValue({ name: 'DomainName' }, 'b.com', 'a.com')).toThrow(/more than once/);
  });

  it('adds an item per repeat-list flag, and the items of a JSON array', () => {
    const p = { name: 'DomainName', style: 'repeatList' } as const;
    expect(addFlagValue(p, '["b.com","c.com"]', addFlagValue(p, 'a.com', undefined))).toEqual(['a.com', 'b.com', 'c.com']);
  });

  it('coerces repeat-list items to their type', () => {
    expect(addFlagValue({ name: 'Id', style: 'repeatList', type: 'int64' }, '12', undefined)).toEqual([12]);
  });

  it('takes object-list items as JSON objects or arrays of them', () => {
    const p = { name: 'Param', style: 'objectList' } as const;
    expect(addFlagValue(p, '[{"b":2}]', addFlagValue(p, '{"a":1}', undefined))).toEqual([{ a: 1 }, { b: 2 }]);
    expect(() => addFlagValue(p, '[1]', undefined)).toThrow(/JSON object/);
    expect(() => addFlagValue(p, '{nope', undefined)).toThrow(/JSON text/);
  });

  it('parses a JSON parameter that looks like JSON and keeps other text as it is', () => {
    const p = { name: 'Extra', style: 'json' } as const;
    expect(addFlagValue(p, '{"a":1}', undefined)).toEqual({ a: 1 });
    expect(addFlagValue(p, 'plain', undefined)).toBe('plain');
  });
});
