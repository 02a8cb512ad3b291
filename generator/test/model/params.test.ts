// The model reads each parameter's wire facts from the spec's explicit fields (x-alidomain-style,
// x-alidomain-wire-name, in), for query parameters and form-body properties alike.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model.js';
import { edited, fixture } from '../fixture.js';

const { action, param } = fixture('two-actions');

describe('parameters', () => {
  const cases: [string, { given: [action: string, param: string]; want: object }][] = [
    [
      'a scalar query parameter',
      {
        given: ['ListThings', 'PageNum'],
        want: { style: 'scalar', location: 'query', wireName: 'PageNum', required: true, type: { kind: 'scalar', type: 'int32' } },
      },
    ],
    [
      'a repeat list',
      {
        given: ['ListThings', 'DomainName'],
        want: {
          style: 'repeatList',
          location: 'query',
          wireName: 'DomainName.N',
          type: { kind: 'array', items: { kind: 'scalar', type: 'string', ref: 'DomainName' } },
        },
      },
    ],
    [
      'an object list',
      {
        given: ['ListThings', 'Tag'],
        want: { style: 'objectList', wireName: 'Tag.N.<Field>', type: { kind: 'array', items: { kind: 'object' } } },
      },
    ],
    ['a JSON-text parameter', { given: ['SubmitThing', 'Payload'], want: { style: 'json', type: { kind: 'json' } } }],
    [
      'a form-body parameter',
      {
        given: ['SubmitThing', 'Credential'],
        want: { style: 'scalar', location: 'body', required: true, docs: { description: 'Base64 图片。' } },
      },
    ],
  ];
  it.each(cases)('reads %s', (_name, { given, want }) => {
    expect(param(...given)).toMatchObject(want);
  });

  it('leaves out the Action parameter and the common parameters', () => {
    expect(action('ListThings').params.map((p) => p.name)).toEqual(['PageNum', 'PageSize', 'DomainName', 'Tag']);
  });

  it('lists the form body after the query parameters', () => {
    expect(action('SubmitThing').params.map((p) => p.name)).toEqual(['Payload', 'Credential']);
  });

  const missing: [string, { given: (doc: any) => void; want: RegExp }][] = [
    [
      'a query parameter',
      {
        given: (doc) => delete doc.paths['/#Action=ListThings'].get.parameters[2]['x-alidomain-style'],
        want: /x-alidomain-style on parameter PageNum/,
      },
    ],
    [
      'a form-body property',
      {
        given: (doc) =>
          delete doc.paths['/#Action=SubmitThing'].post.requestBody.content['application/x-www-form-urlencoded'].schema.properties
            .Credential['x-alidomain-style'],
        want: /x-alidomain-style on parameter Credential/,
      },
    ],
  ];
  it.each(missing)('rejects %s without x-alidomain-style instead of guessing it', (_name, { given, want }) => {
    expect(() => buildModel(edited('two-actions', given))).toThrow(want);
  });
});
