import { describe, expect, it } from 'vitest';
import { BigIntLiteral, findLongIntegers, parseJsonLossless } from '../src/parse/json.js';
import { fixtureText } from './helpers.js';

describe('findLongIntegers', () => {
  it('finds integer literals of 16 or more digits, with their sign', () => {
    expect(findLongIntegers('[1234567890123456, -12345678901234567, 123456789012345]')).toEqual(['1234567890123456', '-12345678901234567']);
  });

  it('ignores digits inside strings, including after escaped quotes and backslashes', () => {
    expect(findLongIntegers('{"a":"12345678901234567","b":"x\\"12345678901234567\\\\","c":12345678901234567}')).toEqual([
      '12345678901234567',
    ]);
  });

  it('ignores long numbers with a fraction or exponent', () => {
    expect(findLongIntegers('[12345678901234567.5, 12345678901234567e2, 12345678901234567E-2]')).toEqual([]);
  });

  it('ignores digits of a fraction or an exponent, even 16 of them', () => {
    expect(findLongIntegers('[1.12345678901234567, 1e12345678901234567, 2E-12345678901234567]')).toEqual([]);
  });

  it('finds nothing in text without long integers', () => {
    expect(findLongIntegers('{"a":[1,2,3],"b":"z"}')).toEqual([]);
  });
});

describe('parseJsonLossless', () => {
  const parsed = parseJsonLossless(fixtureText('responses/big-integers.json')) as Record<string, unknown>;

  it('keeps long integers as exact digit boxes', () => {
    expect(parsed.BigLong).toEqual(new BigIntLiteral('12345678901234567890'));
    expect(parsed.NegativeBig).toEqual(new BigIntLiteral('-9223372036854775808'));
  });

  it('leaves strings alone, even when escaped quotes precede digits', () => {
    expect(parsed.Escaped).toBe('quote " then 22222222222222222222 \\');
    expect(parsed.BigAsString).toBe('12345678901234567890');
    expect(parsed.After).toEqual(new BigIntLiteral('33333333333333333333'));
  });

  it('parses ordinary JSON exactly like JSON.parse', () => {
    const text = '{"a":1,"b":[true,null,"x"],"c":{"d":1.5}}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
  });

  it('boxes an integer of exactly 16 digits and leaves 15 digits a number', () => {
    expect(parseJsonLossless('{"a":1234567890123456,"b":123456789012345}')).toEqual({
      a: new BigIntLiteral('1234567890123456'),
      b: 123456789012345,
    });
  });

  it('rejects invalid JSON', () => {
    expect(() => parseJsonLossless('{"a": 12345678901234567')).toThrow(SyntaxError);
  });
});
