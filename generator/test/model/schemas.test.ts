// The request and response JSON Schemas are built by the model, from the spec's schemas.
import { describe, expect, it } from 'vitest';
import { FORMAT_PATTERNS } from '../../src/model.js';
import { fixture } from '../fixture.js';

const { action } = fixture('two-actions');
const request = (a: string) =>
  action(a).schemas.request as { properties: Record<string, unknown>; required?: string[]; additionalProperties: boolean };

describe('request schemas', () => {
  const cases: [string, { given: [action: string, param: string]; want: object }][] = [
    ['an int32 with its limits', { given: ['ListThings', 'PageNum'], want: { type: 'integer', minimum: 1, maximum: 2147483647 } }],
    [
      'a repeat list with its item limit and a domain-name format',
      {
        given: ['ListThings', 'DomainName'],
        want: {
          description: '域名列表。',
          type: 'array',
          maxItems: 5,
          items: {
            description: '域名。',
            type: 'string',
            format: 'alidomain-domain-name',
            pattern: FORMAT_PATTERNS['alidomain-domain-name'],
            minLength: 3,
          },
        },
      },
    ],
    [
      'an object list, closed',
      {
        given: ['ListThings', 'Tag'],
        want: {
          type: 'array',
          items: {
            type: 'object',
            properties: { Key: { type: 'string', maxLength: 64 }, Value: { type: 'string' } },
            additionalProperties: false,
          },
        },
      },
    ],
    ['a JSON-text parameter as text or value', { given: ['SubmitThing', 'Payload'], want: { type: ['string', 'object', 'array'] } }],
    ['a form-body parameter', { given: ['SubmitThing', 'Credential'], want: { type: 'string', description: 'Base64 图片。' } }],
  ];
  it.each(cases)('describe %s', (_name, { given: [a, p], want }) => {
    expect(request(a).properties[p]).toEqual(want);
  });

  it('list the required parameters and reject unknown keys', () => {
    expect(request('SubmitThing')).toMatchObject({ required: ['Payload', 'Credential'], additionalProperties: false });
  });

  it('leave out the Action parameter and the common parameters', () => {
    expect(Object.keys(request('ListThings').properties)).toEqual(['PageNum', 'PageSize', 'DomainName', 'Tag']);
  });
});

describe('schema ids', () => {
  it('name the product, the API version, the Action and the side', () => {
    const { request, response } = action('ListThings').schemas;
    expect(request.$id).toMatch(/^urn:alidomain:[A-Za-z]+:[0-9-]+:ListThings:request$/);
    expect(response.$id).toBe(String(request.$id).replace(/:request$/, ':response'));
  });
});

describe('response schemas', () => {
  it('are the 200 JSON schema, open to added fields, with int64 as integer', () => {
    const schema = action('ListThings').schemas.response as {
      title: string;
      additionalProperties?: unknown;
      properties: { Data: { properties: { Thing: { items: { properties: unknown } } } } };
    };
    expect(schema.title).toBe('ListThings response');
    expect(schema.additionalProperties).toBeUndefined();
    expect(schema.properties.Data.properties.Thing.items.properties).toEqual({ Name: { type: 'string' }, Size: { type: 'integer' } });
  });
});
