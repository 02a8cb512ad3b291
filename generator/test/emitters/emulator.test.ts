// The emulator's sample bodies: the document's example where it fits the response schema, the
// field's own example or a plain value of the type where it does not. (packages/emulator's
// every-action test checks all 111 samples against the validators.)
import { describe, expect, it } from 'vitest';
import { sample } from '../../src/emitters/emulator.js';
import type { TypeNode } from '../../src/model.js';

const str: TypeNode = { kind: 'scalar', type: 'string' };
const int: TypeNode = { kind: 'scalar', type: 'int32' };
const bool: TypeNode = { kind: 'scalar', type: 'boolean' };
const status: TypeNode = { kind: 'scalar', type: 'string', enum: ['SUCCEED', 'FAILED'] };
const domainName: TypeNode = { kind: 'scalar', type: 'string', ref: 'DomainName' };
const field = (name: string, type: TypeNode, example?: unknown) => ({ name, required: false, type, docs: { example } });

describe('sample()', () => {
  it.each([
    ['a fitting string', str, 'abc', 'abc'],
    ['a number for a string', str, 12, '12'],
    ['a digit string for an integer', int, '42', 42],
    ['text for an integer: the plain value', int, 'many', 0],
    ['"true" for a boolean', bool, 'true', true],
    ['a value outside the enum: the first allowed', status, 'DONE', 'SUCCEED'],
    ['nothing for a domain name: example.com', domainName, undefined, 'example.com'],
  ])('%s', (_, node, example, expected) => {
    expect(sample(node, example, undefined)).toEqual(expected);
  });

  it('fills a field the example lacks from the field example, and drops fields the schema lacks', () => {
    const node: TypeNode = { kind: 'object', fields: [field('A', str), field('B', int, 7)] };
    expect(sample(node, { A: 'x', Extra: 1 }, undefined)).toEqual({ A: 'x', B: 7 });
  });

  it('keeps every item of an example list, and makes one item when there is none', () => {
    const node: TypeNode = { kind: 'array', items: { kind: 'object', fields: [field('N', int, 1)] } };
    expect(sample(node, [{ N: 2 }, { N: '3' }], undefined)).toEqual([{ N: 2 }, { N: 3 }]);
    expect(sample(node, undefined, undefined)).toEqual([{ N: 1 }]);
  });
});
