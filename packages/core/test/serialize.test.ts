import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../src/errors.js';
import type { ActionMeta, ParamMeta } from '../src/meta.js';
import { serializeInput } from '../src/serialize.js';

const meta = (params: ParamMeta[]): ActionMeta => ({
  action: 'TestAction',
  method: 'GET',
  version: '2018-01-29',
  retry: 'safe',
  params,
  response: 'any',
});

const scalar = (name: string, type: ParamMeta['type'] = 'string', where: 'query' | 'body' = 'query'): ParamMeta => ({
  name,
  style: 'scalar',
  in: where,
  type,
});

function errorOf(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('serializeInput: scalar', () => {
  it('sends strings as they are', () => {
    expect(serializeInput(meta([scalar('DomainName')]), { DomainName: 'a b' }).query).toEqual([['DomainName', 'a b']]);
  });

  it('sends booleans as true/false', () => {
    const m = meta([scalar('A', 'boolean'), scalar('B', 'boolean')]);
    expect(serializeInput(m, { A: true, B: false }).query).toEqual([
      ['A', 'true'],
      ['B', 'false'],
    ]);
  });

  it('sends numbers and bigints in plain decimal', () => {
    const m = meta([scalar('A', 'int32'), scalar('B', 'int64'), scalar('C', 'number'), scalar('D', 'int64')]);
    expect(serializeInput(m, { A: 3, B: 12345678901234567890n, C: 1.5, D: 2 ** 60 }).query).toEqual([
      ['A', '3'],
      ['B', '12345678901234567890'],
      ['C', '1.5'],
      ['D', '1152921504606846976'],
    ]);
  });

  it('omits undefined and null', () => {
    const m = meta([scalar('A'), scalar('B')]);
    expect(serializeInput(m, { A: undefined, B: null }).query).toEqual([]);
  });

  it('keeps empty strings', () => {
    expect(serializeInput(meta([scalar('A')]), { A: '' }).query).toEqual([['A', '']]);
  });

  it('rejects a non-integer for an integer parameter', () => {
    const e = errorOf(() => serializeInput(meta([scalar('PageNum', 'int32')]), { PageNum: 1.5 }));
    expect(e.problems[0]).toMatchObject({ param: 'PageNum', got: '1.5' });
  });

  it('rejects an object for a scalar parameter', () => {
    const e = errorOf(() => serializeInput(meta([scalar('A')]), { A: { x: 1 } }));
    expect(e.problems[0]).toMatchObject({ param: 'A', got: 'object' });
  });
});

describe('serializeInput: repeatList', () => {
  const m = meta([{ name: 'DomainName', style: 'repeatList', in: 'query', type: 'string' }]);

  it('numbers items from 1 as Name.N', () => {
    expect(serializeInput(m, { DomainName: ['a.com', 'b.com'] }).query).toEqual([
      ['DomainName.1', 'a.com'],
      ['DomainName.2', 'b.com'],
    ]);
  });

  it('sends nothing for an empty list', () => {
    expect(serializeInput(m, { DomainName: [] }).query).toEqual([]);
  });

  it('rejects a missing item instead of renumbering', () => {
    const e = errorOf(() => serializeInput(m, { DomainName: ['a', undefined, 'c'] }));
    expect(e.problems.map((p) => p.param)).toEqual(['DomainName.2']);
  });

  it('rejects a non-array', () => {
    expect(errorOf(() => serializeInput(m, { DomainName: 'a.com' })).problems[0]).toMatchObject({
      param: 'DomainName',
      expected: 'an array',
    });
  });
});

describe('serializeInput: objectList', () => {
  const m = meta([{ name: 'Contact', style: 'objectList', in: 'query', fields: { Email: 'string', Age: 'int32', Vip: 'boolean' } }]);

  it('sends Name.N.Field per item and field', () => {
    expect(serializeInput(m, { Contact: [{ Email: 'a@b.c', Age: 3 }, { Vip: true }] }).query).toEqual([
      ['Contact.1.Email', 'a@b.c'],
      ['Contact.1.Age', '3'],
      ['Contact.2.Vip', 'true'],
    ]);
  });

  it('omits undefined fields', () => {
    expect(serializeInput(m, { Contact: [{ Email: undefined, Age: 1 }] }).query).toEqual([['Contact.1.Age', '1']]);
  });

  it('rejects fields the meta does not declare', () => {
    expect(errorOf(() => serializeInput(m, { Contact: [{ Mail: 'x' }] })).problems[0]!.param).toBe('Contact.1.Mail');
  });
});

describe('serializeInput: json', () => {
  const m = meta([{ name: 'Data', style: 'json', in: 'query' }]);

  it('sends arrays and objects as JSON text', () => {
    expect(serializeInput(m, { Data: [{ a: 1 }, 'x'] }).query).toEqual([['Data', '[{"a":1},"x"]']]);
  });

  it('sends a string as is (already JSON)', () => {
    expect(serializeInput(m, { Data: '{"a":1}' }).query).toEqual([['Data', '{"a":1}']]);
  });

  it('rejects values JSON cannot represent', () => {
    expect(errorOf(() => serializeInput(m, { Data: { n: 1n } })).problems[0]!.param).toBe('Data');
  });
});

describe('serializeInput: input checks and placement', () => {
  it('rejects an unknown input key, naming it', () => {
    const e = errorOf(() => serializeInput(meta([scalar('DomainName')]), { DomainName: 'a', Domainname: 'b' }));
    expect(e.problems).toEqual([expect.objectContaining({ param: 'Domainname' })]);
    expect(e.message).toContain('Domainname');
  });

  it('reports every problem at once', () => {
    const e = errorOf(() => serializeInput(meta([scalar('A', 'int32')]), { A: 0.5, X: 1, Y: 2 }));
    expect(e.problems.map((p) => p.param)).toEqual(['A', 'X', 'Y']);
  });

  it('puts in: body parameters in body and the rest in query', () => {
    const m = meta([scalar('Q'), scalar('B', 'string', 'body')]);
    expect(serializeInput(m, { Q: 'q', B: 'b' })).toEqual({ query: [['Q', 'q']], body: [['B', 'b']] });
  });

  it('accepts an undefined input as no parameters', () => {
    expect(serializeInput(meta([scalar('A')]), undefined)).toEqual({ query: [], body: [] });
  });

  it('rejects a non-object input', () => {
    expect(errorOf(() => serializeInput(meta([]), 'x')).problems[0]!.param).toBe('(input)');
  });
});
