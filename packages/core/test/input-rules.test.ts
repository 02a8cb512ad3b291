// What the serializer refuses, with validation turned off: values that cannot travel on the wire
// are rejected as DomainValidationError naming the wire parameter, never as a raw exception.
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../src/errors.js';
import type { ActionMeta } from '../src/meta.js';
import { MAX_JSON_DEPTH, serializeInput } from '../src/serialize.js';

const meta: ActionMeta = {
  action: 'Example',
  method: 'GET',
  version: '2018-01-29',
  retry: 'safe',
  params: [
    { name: 'DomainName' },
    { name: 'FeePeriod', type: 'int32' },
    { name: 'Id', type: 'int64' },
    { name: 'Premium', type: 'boolean' },
    { name: 'Price', type: 'number' },
    { name: 'Tags', style: 'repeatList' },
    { name: 'Order', style: 'objectList', fields: { DomainName: 'string', SubscriptionDuration: 'int32' } },
    { name: 'AuditInfo', style: 'json' },
  ],
  response: 'any',
};

function problems(input: Record<string, unknown>): DomainValidationError['problems'] {
  try {
    serializeInput(meta, input);
  } catch (e) {
    if (e instanceof DomainValidationError) return e.problems;
    throw e;
  }
  throw new Error('expected DomainValidationError');
}

describe('lone surrogates', () => {
  it.each([
    [{ DomainName: 'a\uD800.com' }, 'DomainName'],
    [{ Tags: ['ok', '\uDC00'] }, 'Tags.2'],
    [{ Order: [{ DomainName: 'x\uDBFF' }] }, 'Order.1.DomainName'],
    [{ AuditInfo: '{"a":"\uD83D"}' }, 'AuditInfo'],
  ])('in %j are refused, naming %s', (input, param) => {
    expect(problems(input)).toEqual([
      { param, expected: 'well-formed Unicode text', got: expect.stringMatching(/^a string with a lone UTF-16 surrogate at index \d+$/) },
    ]);
  });

  it('are allowed as a pair (an emoji)', () => {
    expect(serializeInput(meta, { DomainName: 'a😀.com' }).query).toEqual([['DomainName', 'a😀.com']]);
  });
});

describe('numbers and booleans given as strings', () => {
  it.each([
    [{ FeePeriod: '2' }, 'FeePeriod', 'an int32 integer, not a string'],
    [{ Premium: 'true' }, 'Premium', 'a boolean, not a string'],
    [{ Price: '1.5' }, 'Price', 'a number, not a string'],
    [{ Id: '12x' }, 'Id', 'an int64 integer (a number, a bigint or a string of decimal digits)'],
    [{ Order: [{ DomainName: 'a.com', SubscriptionDuration: '1' }] }, 'Order.1.SubscriptionDuration', 'an int32 integer, not a string'],
  ])('%j is refused, naming %s', (input, param, expected) => {
    expect(problems(input)).toEqual([{ param, expected, got: expect.stringMatching(/^the string ".*"$/) }]);
  });

  it('int64 takes decimal digits beyond 2^53', () => {
    expect(serializeInput(meta, { Id: '12345678901234567890' }).query).toEqual([['Id', '12345678901234567890']]);
  });
});

describe('JSON-text values', () => {
  it('a cyclic value is refused, naming the parameter', () => {
    const value: Record<string, unknown> = { a: 1 };
    value.self = value;
    expect(problems({ AuditInfo: value })).toEqual([
      { param: 'AuditInfo', expected: expect.stringContaining('JSON text'), got: 'a cyclic value (it contains itself)' },
    ]);
  });

  it('a value nested 20,000 levels is refused, naming the parameter', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(problems({ AuditInfo: deep })).toEqual([
      {
        param: 'AuditInfo',
        expected: expect.stringContaining(`nested at most ${MAX_JSON_DEPTH} levels`),
        got: `a value nested more than ${MAX_JSON_DEPTH} levels deep`,
      },
    ]);
  });

  it('a value that refers to one object twice is not a cycle', () => {
    const shared = { n: 1 };
    expect(serializeInput(meta, { AuditInfo: { a: shared, b: shared } }).query).toEqual([['AuditInfo', '{"a":{"n":1},"b":{"n":1}}']]);
  });
});
