// The appendix reader (spec/tools/lib/appendix.mjs): the error table of 6.1, its rows wrapped over
// lines and codes broken by the column, and the credential types of 6.3 under their holders.
// Run: node --test spec/tools/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readErrorTable, readCredentialTypes } from '../lib/appendix.mjs';
import { Repairer } from '../lib/text.mjs';
import { fixtureRaw } from './fixtures.mjs';

describe('readErrorTable', () => {
  const errors = readErrorTable(fixtureRaw('appendix-errors.txt'), new Repairer([]));

  /** @type {[string, { given: string, want: import('../lib/types.js').ErrorCode }][]} */
  const cases = [
    [
      'a row on one line',
      {
        given: 'Throttling',
        want: {
          code: 'Throttling',
          httpStatus: 400,
          message: 'Request was denied due to request throttling.',
          description: '操作被流量控制系统拒绝。',
        },
      },
    ],
    [
      'a message wrapped over lines, the status on a line of its own',
      {
        given: 'MissingParameter',
        want: {
          code: 'MissingParameter',
          httpStatus: 400,
          message: 'The input parameter “parameter name” that is mandatory for processing this request is not supplied.',
          description: '缺少参数。',
        },
      },
    ],
    [
      'a code broken by the column ("NotFou" / "nd") is joined',
      {
        given: 'InvalidAccessKeyId.NotFound',
        want: {
          code: 'InvalidAccessKeyId.NotFound',
          httpStatus: 400,
          message: 'The Access Key ID provided does not exist in our records.',
          description: '无效的AccessKey。',
        },
      },
    ],
    [
      'a server error after the 服务器端错误 heading',
      {
        given: 'ServiceUnavailable',
        want: {
          code: 'ServiceUnavailable',
          httpStatus: 503,
          message: 'The request has failed due to a temporary failure of the server.',
          description: '服务不可用。',
        },
      },
    ],
  ];
  for (const [name, { given, want }] of cases)
    test(name, () =>
      assert.deepEqual(
        errors.find((e) => e.code === given),
        want,
      ),
    );

  test('the rows in table order, headings left out', () => {
    assert.deepEqual(
      errors.map((e) => e.code),
      ['MissingParameter', 'Throttling', 'InvalidAccessKeyId.NotFound', 'ServiceUnavailable'],
    );
  });
});

describe('readCredentialTypes', () => {
  test('each code with its meaning, under the holder heading before it', () => {
    assert.deepEqual(readCredentialTypes(fixtureRaw('appendix-credentials.txt')), [
      { code: 'SFZ', meaning: '身份证', holder: 'individual' },
      { code: 'HZ', meaning: '护照', holder: 'individual' },
      { code: 'ORG', meaning: '组织机构代码证', holder: 'organization' },
      { code: 'YYZZ', meaning: '工商营业执照', holder: 'organization' },
    ]);
  });
});
