// The ActionMeta the client carries: parameters with their wire style, and the response shape
// with list wrappers declared.
import { describe, expect, it } from 'vitest';
import { paramMeta, shape } from '../../src/emitters/meta.js';
import { fixture } from '../fixture.js';

const { action, param } = fixture('two-actions');

describe('paramMeta', () => {
  const cases: [string, { given: [action: string, param: string]; want: object }][] = [
    ['a string scalar by its name alone', { given: ['ListThings', 'DomainName'], want: { name: 'DomainName', style: 'repeatList' } }],
    ['an int32 with its type', { given: ['ListThings', 'PageNum'], want: { name: 'PageNum', type: 'int32' } }],
    [
      'an object list with its fields',
      { given: ['ListThings', 'Tag'], want: { name: 'Tag', style: 'objectList', fields: { Key: 'string', Value: 'string' } } },
    ],
    ['a JSON-text parameter without a type', { given: ['SubmitThing', 'Payload'], want: { name: 'Payload', style: 'json' } }],
    ['a form-body parameter with in: body', { given: ['SubmitThing', 'Credential'], want: { name: 'Credential', in: 'body' } }],
  ];
  it.each(cases)('writes %s', (_name, { given, want }) => {
    expect(paramMeta(param(...given))).toEqual(want);
  });
});

describe('shape', () => {
  it('declares a list wrapper as a list, with the shape of its items', () => {
    expect(shape(action('ListThings').response)).toEqual({
      kind: 'object',
      fields: {
        RequestId: 'string',
        TotalPageNum: 'int32',
        Data: { kind: 'list', wrapper: 'Thing', items: { kind: 'object', fields: { Name: 'string', Size: 'int64' } } },
      },
    });
  });
});
