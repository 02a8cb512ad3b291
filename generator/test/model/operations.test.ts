// The `/#Action=<Name>` layout, read in one place: one get or post per path item.
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/model/operations.js';
import { edited, fixture } from '../fixture.js';

describe('operations', () => {
  it('gives each Action its name and HTTP method', () => {
    expect(operations(fixture('two-actions').document).map((o) => [o.name, o.httpMethod])).toEqual([
      ['ListThings', 'GET'],
      ['SubmitThing', 'POST'],
    ]);
  });

  const malformed: [string, { given: (doc: any) => void; want: RegExp }][] = [
    [
      'a path key without /#Action=',
      {
        given: (doc) => (doc.paths['/things'] = doc.paths['/#Action=ListThings']),
        want: /under a "\/#Action=<Name>" key.*#\/paths\/\/things/,
      },
    ],
    [
      'both get and post',
      { given: (doc) => (doc.paths['/#Action=ListThings'].post = doc.paths['/#Action=ListThings'].get), want: /one get or post operation/ },
    ],
    ['no operation', { given: (doc) => (doc.paths['/#Action=ListThings'] = {}), want: /one get or post operation/ }],
    [
      'an operationId that is not the key',
      { given: (doc) => (doc.paths['/#Action=ListThings'].get.operationId = 'Other'), want: /expected operationId ListThings, got Other/ },
    ],
  ];
  it.each(malformed)('rejects %s', (_name, { given, want }) => {
    expect(() => operations(edited('two-actions', given))).toThrow(want);
  });
});
