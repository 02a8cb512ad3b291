// The table reader of spec/tools/lib/tables.mjs on small excerpts of the document (fixtures/).
// Run: node --test spec/tools/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readRows, sectionParts, splitExample, joinWrapped } from '../lib/tables.mjs';
import { fixtureLines } from './fixtures.mjs';

/** @typedef {Partial<import('../lib/types.js').Row>} RowWant the fields a case checks */

/**
 * A row reduced to what the cases state (`location` and `itemType` only when set).
 * @param {import('../lib/types.js').Row} row
 */
const shape = ({ name, location, type, itemType, required, example, paragraphs }) => ({
  name,
  ...(location ? { location } : {}),
  type,
  ...(itemType ? { itemType } : {}),
  required,
  example,
  paragraphs,
});

/** @type {[string, { given: string, request: boolean, want: RowWant[], todo?: string }][]} */
const rows = [
  [
    'response rows on one line: name, type, example, description',
    {
      given: 'response-one-line.txt',
      request: false,
      want: [
        { name: 'Keyword', type: 'String', required: false, example: 'xxx**.cn', paragraphs: [['传入的域名关键字。']] },
        // "CreateT ime": the PDF's stray space inside a name; the example keeps its real one.
        { name: 'CreateTime', type: 'String', required: false, example: '2019-02-18 10:46:47', paragraphs: [['信息模板创建时间。']] },
      ],
    },
  ],
  [
    'a request name wrapped over lines is joined, its type line follows',
    {
      given: 'request-wrapped-name.txt',
      request: true,
      want: [
        {
          name: 'OrderActivateParam.N.AliyunDns',
          type: 'Boolean',
          required: false,
          example: 'true',
          paragraphs: [['是否使用阿里云DNS。']],
        },
        { name: 'OrderActivateParam.N.ZhProvince', type: 'String', required: false, example: '北京', paragraphs: [['省份（中文）。']] },
      ],
    },
  ],
  [
    'the 位置 column and 是否必选',
    {
      given: 'request-location.txt',
      request: true,
      want: [
        {
          name: 'IdentityCredential',
          location: 'Body',
          type: 'String',
          required: true,
          example: 'dGVzdA==',
          paragraphs: [['证件图片，Base64编码。'], ['图片格式为JPG或BMP。']],
        },
        { name: 'Lang', location: 'Query', type: 'String', required: false, example: 'en', paragraphs: [['语言。']] },
      ],
    },
  ],
  [
    '"Array of X" on one line: its item-type marker line is skipped',
    {
      given: 'response-array-of.txt',
      request: false,
      want: [
        { name: 'Data', type: 'Array', itemType: 'DomainInfo', required: false, example: '', paragraphs: [] },
        { name: 'DomainName', type: 'String', required: false, example: 'example.com', paragraphs: [['域名。']] },
      ],
    },
  ],
  [
    'a list row printed without its type: the next line names its items',
    {
      given: 'response-untyped-list.txt',
      request: false,
      want: [
        { name: 'Data', type: 'Array', itemType: 'TaskInfo', required: false, example: '', paragraphs: [['任务列表。']] },
        { name: 'Clientip', type: 'String', required: false, example: '127.0.0.1', paragraphs: [['提交任务时用户IP。']] },
      ],
    },
  ],
  [
    'an example cut by the column width is joined without spaces; a 取值 list stays in paragraphs',
    {
      given: 'response-wrapped-example.txt',
      request: false,
      want: [
        { name: 'RequestId', type: 'String', required: false, example: 'D15F91FD-0B34-4E48-8CBF-EFA5D2A31586', paragraphs: [['请求ID。']] },
        {
          name: 'Exist',
          type: 'Boolean',
          required: false,
          example: 'true',
          paragraphs: [['域名是否包含敏感词。取值：'], ['t rue ：含敏感词。'], ['f alse ：不含敏感词。']],
        },
      ],
    },
  ],
  [
    '"Array of" at a line end, the name wrapped: the item-type marker after the description is skipped',
    {
      given: 'response-array-of-wrapped.txt',
      request: false,
      want: [
        {
          name: 'SensitiveWordMatchResultList',
          type: 'Array',
          itemType: 'SensitiveWordMatchResult',
          required: false,
          example: '',
          paragraphs: [['批量匹配结果列表。']],
        },
        { name: 'Keyword', type: 'String', required: false, example: 'example.com', paragraphs: [['传入的域名关键字。']] },
      ],
    },
  ],
  [
    'the item-type marker after a wrapped description is not part of the description',
    {
      given: 'response-marker-after-description.txt',
      request: false,
      want: [
        {
          name: 'MatchedSentiveWords',
          type: 'Array',
          itemType: 'MatchedSensitiveWord',
          required: false,
          example: '',
          paragraphs: [['匹配结果详情。当Exist 参数的取值为f alse 时，匹配结果', '为空。']],
        },
        { name: 'Word', type: 'String', required: false, example: 'xxx', paragraphs: [['匹配到的敏感词。']] },
      ],
    },
  ],
];

describe('readRows', () => {
  for (const [name, { given, request, want, todo }] of rows) {
    test(name, { todo }, () => {
      assert.deepEqual(readRows(fixtureLines(given), { request }).map(shape), want);
    });
  }

  test('each row keeps the line number of its first line', () => {
    assert.deepEqual(
      readRows(fixtureLines('request-wrapped-name.txt'), { request: true }).map((r) => r.line),
      [3, 8],
    );
  });
});

/** @type {[string, { given: string, want: { example: string, description: string } }][]} */
const splits = [
  [
    'a Latin example, then the description',
    { given: 'li si 域名持有者名称（英文）。', want: { example: 'li si', description: '域名持有者名称（英文）。' } },
  ],
  ['a Chinese example before the description', { given: '北京 省份（中文）。', want: { example: '北京', description: '省份（中文）。' } }],
  ['a description alone', { given: '是否使用阿里云DNS。', want: { example: '', description: '是否使用阿里云DNS。' } }],
  ['an example alone', { given: '1522080000000', want: { example: '1522080000000', description: '' } }],
  [
    'a masked example with * is still an example',
    { given: 'xxx**.cn 传入的域名关键字。', want: { example: 'xxx**.cn', description: '传入的域名关键字。' } },
  ],
];

describe('splitExample', () => {
  for (const [name, { given, want }] of splits) test(name, () => assert.deepEqual(splitExample(given), want));
});

/** @type {[string, { given: string[], want: string }][]} */
const wraps = [
  [
    'a token cut by the column width is joined',
    { given: ['D15F91FD-0B34-4E48-8CBF-', 'EFA5D2A31586'], want: 'D15F91FD-0B34-4E48-8CBF-EFA5D2A31586' },
  ],
  ['a line without spaces continues on the next', { given: ['kDfu9htHG', 'Ex_y'], want: 'kDfu9htHGEx_y' }],
  ['text with spaces wrapped at a space', { given: ['Dec 26,2017', '11:00:54'], want: 'Dec 26,2017 11:00:54' }],
  ['Chinese text joins without a space', { given: ['浙江省', '杭州市'], want: '浙江省杭州市' }],
];

describe('joinWrapped', () => {
  for (const [name, { given, want }] of wraps) test(name, () => assert.equal(joinWrapped(given), want));
});

describe('sectionParts', () => {
  test('finds the description, both tables and both examples by their headings', () => {
    const parts = sectionParts(fixtureLines('section.txt'));
    /** @param {import('../lib/types.js').Line[]} lines */
    const texts = (lines) => lines.map((l) => l.text).filter((t) => t !== '');
    assert.deepEqual(texts(parts.description), ['调用CheckDomain检查域名是否可以注册。']);
    assert.deepEqual(texts(parts.request), ['Action String 是 CheckDomain 系统规定参数。', 'DomainName String 是 example.com 域名。']);
    assert.deepEqual(texts(parts.response), ['名称 类型 示例值 描述', 'Avail String 1 是否可注册。']);
    assert.deepEqual(texts(parts.requestExample), ['http(s)://domain.aliyuncs.com/?Action=CheckDomain', '&DomainName=example.com']);
    assert.deepEqual(texts(parts.responseExamples), ['JSON 格式', '{"Avail":"1"}']);
    assert.equal(parts.hasRequestTable, true);
  });
});
