// The example reader of spec/tools/lib/examples.mjs: request URLs, XML and JSON bodies as the PDF
// prints them, and the key sets that decide response nesting.
// Run: node --test spec/tools/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readRequestExample, readResponseExamples, readJson, readXml, keyIndex } from '../lib/examples.mjs';
import { fixtureLines } from './fixtures.mjs';

describe('readRequestExample', () => {
  test('the query of the example URL, without Action and the common-parameter placeholder', () => {
    const example = readRequestExample(fixtureLines('request-example.txt'));
    assert.deepEqual(example.params, [
      ['OrderRenewParam.1.DomainName', 'test1.com'],
      ['OrderRenewParam.1.SubscriptionDuration', '1'],
    ]);
    assert.equal(example.text.split('\n').length, 4);
  });

  test('an example without a query has no parameters', () => {
    assert.deepEqual(readRequestExample([{ n: 1, text: 'http(s)://domain.aliyuncs.com/' }]).params, []);
  });
});

describe('readResponseExamples', () => {
  test('splits the XML and JSON parts and drops the HTTP status and header lines', () => {
    const { xml, json } = readResponseExamples(fixtureLines('response-examples.txt'), 'CheckDomain');
    assert.deepEqual(xml?.value, { CheckDomainResponse: { Avail: '1', RequestId: 'BA7A4FD4-EB9A-4A20-BB0C-9AEB15634DC1' } });
    assert.deepEqual(json?.value, { Avail: '1', RequestId: 'BA7A4FD4-EB9A-4A20-BB0C-9AEB15634DC1' });
    assert.ok(!json?.text.includes('HTTP/1.1'));
  });
});

/** @type {[string, { given: string[], want: { value: unknown, error?: RegExp } }][]} */
const jsons = [
  ['a body as printed', { given: ['{', '  "Avail": "1"', '}'], want: { value: { Avail: '1' } } }],
  [
    'a string cut by the column width is read with the line breaks removed',
    { given: ['{"RequestId": "D15F91FD-0B34-', '4E48"}'], want: { value: { RequestId: 'D15F91FD-0B34-4E48' } } },
  ],
  ['text around the braces is left out', { given: ['JSON 格式', '{"Avail": 1}', ''], want: { value: { Avail: 1 } } }],
  [
    'a body that does not parse is kept with the error, not repaired',
    { given: ['{"A": 1,,}'], want: { value: undefined, error: /JSON|Unexpected|Expected/ } },
  ],
];

describe('readJson', () => {
  for (const [name, { given, want }] of jsons) {
    test(name, () => {
      const read = readJson(given);
      assert.deepEqual(read?.value, want.value);
      if (want.error) assert.match(read?.error ?? '', want.error);
      else assert.equal(read?.error, undefined);
    });
  }

  test('no braces: no JSON example', () => assert.equal(readJson(['无']), null));
});

/** @type {[string, { given: string[], want: { value: unknown, fragment?: boolean, error?: RegExp } }][]} */
const xmls = [
  [
    'a body with its root',
    {
      given: ['<CheckDomainResponse>', '<Avail>1</Avail>', '</CheckDomainResponse>'],
      want: { value: { CheckDomainResponse: { Avail: '1' } } },
    },
  ],
  [
    'elements without the root are read inside <ActionResponse>, flagged as a fragment',
    {
      given: ['<Avail>1</Avail>', '<RequestId>x</RequestId>'],
      want: { value: { CheckDomainResponse: { Avail: '1', RequestId: 'x' } }, fragment: true },
    },
  ],
  ['a body that is not well-formed is kept with the error', { given: ['<A><B></A>'], want: { value: undefined, error: /line 1/ } }],
];

describe('readXml', () => {
  for (const [name, { given, want }] of xmls) {
    test(name, () => {
      const read = readXml(given, 'CheckDomain');
      assert.deepEqual(read?.value, want.value);
      assert.equal(read?.fragment, want.fragment);
      if (want.error) assert.match(read?.error ?? '', want.error);
    });
  }
});

/** @type {[string, { given: unknown, want: Record<string, string[]> }][]} */
const indexes = [
  [
    'the root keys under "", each object under the lower-cased name holding it',
    { given: { Data: { Avail: 1 }, RequestId: 'r' }, want: { '': ['data', 'requestid'], data: ['avail'] } },
  ],
  ['the items of an array are merged', { given: { Data: [{ A: 1 }, { B: 2 }] }, want: { '': ['data'], data: ['a', 'b'] } }],
  [
    "a one-key wrapper lends its items' keys to the outer name",
    { given: { Data: { Domain: [{ Name: 'n' }] } }, want: { '': ['data'], data: ['domain', 'name'], domain: ['name'] } },
  ],
  ['no example: an empty index', { given: undefined, want: {} }],
];

describe('keyIndex', () => {
  for (const [name, { given, want }] of indexes) {
    test(name, () => {
      const index = keyIndex(given);
      assert.deepEqual(Object.fromEntries([...index].map(([k, v]) => [k, [...v].sort()])), want);
    });
  }
});
