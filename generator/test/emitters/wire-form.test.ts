// Docs examples show a parameter as core's serializer sends it.
import { describe, expect, it } from 'vitest';
import { wireForm } from '../../src/emitters/wire-form.js';
import { fixture } from '../fixture.js';

const { param } = fixture('two-actions');

describe('wireForm', () => {
  const cases: [string, { given: [param: ReturnType<typeof param>, value: unknown]; want: string }][] = [
    [
      'a repeat list, numbered from 1',
      { given: [param('ListThings', 'DomainName'), ['a.com', 'b.com']], want: 'DomainName.1=a.com&DomainName.2=b.com' },
    ],
    [
      'an object list, field by field',
      { given: [param('ListThings', 'Tag'), [{ Key: 'env', Value: 'prod' }]], want: 'Tag.1.Key=env&Tag.1.Value=prod' },
    ],
    [
      'a long object list, cut after three',
      {
        given: [
          param('ListThings', 'Tag'),
          [
            { Key: 'a', Value: 'b' },
            { Key: 'c', Value: 'd' },
          ],
        ],
        want: 'Tag.1.Key=a&Tag.1.Value=b&Tag.2.Key=c&…',
      },
    ],
    ['a JSON-text value, as JSON text', { given: [param('SubmitThing', 'Payload'), [{ a: 1 }]], want: 'Payload=%5B%7B%22a%22%3A1%7D%5D' }],
    [
      'a value needing encoding, percent-encoded as on the wire',
      { given: [param('ListThings', 'DomainName'), ['阿里.com']], want: 'DomainName.1=%E9%98%BF%E9%87%8C.com' },
    ],
  ];
  it.each(cases)('writes %s', (_name, { given, want }) => {
    expect(wireForm(...given)).toBe(want);
  });

  it('rejects an example core would not send', () => {
    expect(() => wireForm(param('ListThings', 'DomainName'), 'not-a-list')).toThrow(/DomainName: expected an array/);
  });
});
