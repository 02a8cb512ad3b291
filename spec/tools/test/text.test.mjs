// The prose reader of spec/tools/lib/text.mjs on single lines as the PDF conversion prints them:
// the repair of split words, the allowed values (取值), defaults and limits.
// Run: node --test spec/tools/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Repairer, readEnum, readEntry, readDefault, readLimits, documentWords } from '../lib/text.mjs';

// A small vocabulary: most list values ("tech", "ccTLD") are in no vocabulary at all.
const repair = new Repairer(['true', 'false', 'zh', 'en', 'registrant', 'RegistrantProfileId', 'SaveRegistrantProfile']);

/** @typedef {[string, { given: string, want: string }]} LineCase */

/** @type {LineCase[]} */
const values = [
  // A value before its colon loses the spaces the PDF put after t, f, z, T and F.
  ['a value before its colon: "regist rant"', { given: 'regist rant  ：域名持有者。', want: 'registrant：域名持有者。' }],
  ['a value before its colon: "t ech"', { given: 't ech ：技术者。', want: 'tech：技术者。' }],
  [
    'a value before its colon: "SET _WHOIS_PROT ECT"',
    { given: 'SET _WHOIS_PROT ECT ：设置隐私保护。', want: 'SET_WHOIS_PROTECT：设置隐私保护。' },
  ],
  ['a value before its colon: "z h"', { given: 'z h ：中文；', want: 'zh：中文；' }],
  // A value standing alone in a list is repaired like one before a colon.
  ['a value alone: "t ech 。"', { given: 't ech 。', want: 'tech。' }],
  ['a value alone: "ccT LD 。"', { given: 'ccT LD 。', want: 'ccTLD。' }],
  ['a value alone: "ot her 。"', { given: 'ot her 。', want: 'other。' }],
  ['a value before a semicolon: "WAIT ING_EXECUT E"', { given: 'WAIT ING_EXECUT E  ；等待执行；', want: 'WAITING_EXECUTE；等待执行；' }],
  ['a real space inside a value is kept (alone)', { given: 'New gT LD 。', want: 'New gTLD。' }],
  ['a real space inside a value is kept (before a colon)', { given: 'New gT LD ：新顶级域。', want: 'New gTLD：新顶级域。' }],
  [
    'a Latin sentence ending in a full stop is not glued like a value',
    { given: 'Type Digest Algorithms of the DS Record。', want: 'Type Digest Algorithms of the DS Record。' },
  ],
];

/** @type {LineCase[]} */
const running = [
  [
    'a word the vocabulary knows is joined inside running text',
    { given: '调用SaveRegist rant Prof ile创建模板。', want: '调用SaveRegistrantProfile创建模板。' },
  ],
  ['a name split after t, f and z is joined', { given: '传入Regist rant Prof ileId参数。', want: '传入RegistrantProfileId参数。' }],
  ['words the vocabulary does not know as one stay apart', { given: 'the domain does not exist', want: 'the domain does not exist' }],
  // The space the PDF prints between a Latin word and Chinese text is kept.
  ['a boolean split after its t', { given: '取值为t rue 时', want: '取值为true 时' }],
  ['no space before full-width punctuation', { given: '默认为f alse 。', want: '默认为false。' }],
];

describe('Repairer', () => {
  for (const [name, { given, want }] of [...values, ...running]) test(name, () => assert.equal(repair.paragraph([given]), want));

  /** @type {[string, { given: string[], want: string }][]} */
  const paragraphs = [
    [
      'lines of Chinese text join without a space',
      { given: ['当Exist 参数的取值为f alse 时，匹配结果', '为空。'], want: '当Exist 参数的取值为false 时，匹配结果为空。' },
    ],
    [
      'Latin words broken at a line end are a word break only when the vocabulary says so',
      { given: ['the SaveRegistrant', 'Profile Action'], want: 'the SaveRegistrantProfile Action' },
    ],
    ['other Latin line breaks are spaces', { given: ['does', 'not'], want: 'does not' }],
  ];
  for (const [name, { given, want }] of paragraphs) test(name, () => assert.equal(repair.paragraph(given), want));
});

describe('documentWords', () => {
  test('every Latin word printed whole, with and without its edge punctuation, and the extras', () => {
    const words = documentWords(['调用CheckDomain检查', 'v1.0. and -x-'], ['AUDITING']);
    for (const w of ['CheckDomain', 'v1.0.', 'v1.0', 'and', '-x-', 'x', 'AUDITING']) assert.ok(words.has(w), w);
  });
});

/** @type {[string, { given: string, want: import('../lib/types.js').EnumValue[] | undefined }][]} */
const entries = [
  ['value and meaning', { given: 'registrant：域名持有者。', want: [{ value: 'registrant', meaning: '域名持有者' }] }],
  ['a value with a space', { given: 'New gTLD：新顶级域。', want: [{ value: 'New gTLD', meaning: '新顶级域' }] }],
  [
    'several values, one meaning',
    { given: '1、2、3、4：审核中。', want: ['1', '2', '3', '4'].map((value) => ({ value, meaning: '审核中' })) },
  ],
  ['a negative number', { given: '-1：异常。', want: [{ value: '-1', meaning: '异常' }] }],
  ['a number, a space, its meaning', { given: '1 RSA/MD5；', want: [{ value: '1', meaning: 'RSA/MD5' }] }],
  [
    'a semicolon where the colon belongs',
    { given: 'WAITING_EXECUTE；等待执行；', want: [{ value: 'WAITING_EXECUTE', meaning: '等待执行' }] },
  ],
  ['a value without a meaning (；)', { given: 'registrant；', want: [{ value: 'registrant' }] }],
  ['a value without a meaning (。)', { given: 'tech。', want: [{ value: 'tech' }] }],
  ['a value with a space, without a meaning', { given: 'New gTLD。', want: [{ value: 'New gTLD' }] }],
  ['prose is not an entry: a note', { given: '说明 cnnic模板仅国际站支持。', want: undefined }],
  ['prose is not an entry: a default', { given: '默认值为1。', want: undefined }],
  ['prose is not an entry: a bare word', { given: 'registrant', want: undefined }],
  ['prose is not an entry: a Latin title', { given: 'Domain Name System Security (DNSSEC) Algorithm Numbers。', want: undefined }],
];

describe('readEntry', () => {
  for (const [name, { given, want }] of entries) test(name, () => assert.deepEqual(readEntry(given), want));
});

/** @type {[string, { given: string[], want: string[] | undefined }][]} */
const enums = [
  [
    'the list after 取值： ends at the first paragraph that is not an entry',
    { given: ['域名持有者类型。取值：', '1：个人。', '2：企业。', '默认值为1。', '3：不属于列表。'], want: ['1', '2'] },
  ],
  ...[
    '联系人类型。取值：',
    '取值如下：',
    '注册局锁状态。取值为：',
    '接口返回错误信息的语言。取值范围：',
    '是否允许溢价词域名转入，取值',
  ].map(
    (mark) =>
      /** @type {[string, { given: string[], want: string[] }]} */ ([
        `announced by "${mark}"`,
        { given: [mark, 'zh：中文。', 'en：英文。'], want: ['zh', 'en'] },
      ]),
  ),
  ['a value fixed in the prose (固定取值)', { given: ['资质审核接口类型。固定取值knet。'], want: ['knet'] }],
  ['a value fixed in the prose (固定取值为)', { given: ['资质审核接口类型。固定取值为knet。'], want: ['knet'] }],
  ['no list: a description without one', { given: ['域名。'], want: undefined }],
  ['no list: a range', { given: ['取值范围：1~100。'], want: undefined }],
  ['no list: an inline condition', { given: ['当AliyunDns 取值为false 时，本参数才可用且必须传入。'], want: undefined }],
];

describe('readEnum', () => {
  for (const [name, { given, want }] of enums)
    test(name, () =>
      assert.deepEqual(
        readEnum(given)?.map((v) => v.value),
        want,
      ),
    );
});

/** @type {[string, { given: string, want: string | undefined }][]} */
const defaults = [
  ['默认值为 a number', { given: '默认值为1。', want: '1' }],
  ['默认为 a word', { given: '默认为en。', want: 'en' }],
  ['a boolean', { given: '默认值为false。', want: 'false' }],
  ['inside a note', { given: '说明 不传此参数默认为DESC。', want: 'DESC' }],
  ['默认设置为 an address', { given: '用户IP，默认设置为127.0.0.1。', want: '127.0.0.1' }],
  ['a number written in Chinese (一年)', { given: '购买周期，单位为年。默认为一年。', want: '1' }],
  ['a number with its unit, then a range', { given: '续费年限。默认为1年。范围为1~10年。', want: '1' }],
  ['prose that names no value: 字符串', { given: '代金券编号，默认为字符串。', want: undefined }],
  ['prose that names no value: a generated serial', { given: '邮箱验证编号（默认为系统自动生成的流水号）。', want: undefined }],
  ['prose that names no value: an ordering', { given: '说明 不传此参数时，默认以入库时间排序。', want: undefined }],
];

describe('readDefault', () => {
  for (const [name, { given, want }] of defaults) test(name, () => assert.equal(readDefault(given), want));
});

/** @type {[string, { given: string, want: { minimum?: number, maximum?: number } }][]} */
const limits = [
  ['a maximum', { given: '每页最大条数，最大值为5000。', want: { maximum: 5000 } }],
  ['a range with its unit', { given: '续费年限。范围为1~10年。', want: { minimum: 1, maximum: 10 } }],
  ['取值范围： a range', { given: '取值范围：1~100。', want: { minimum: 1, maximum: 100 } }],
  ['a full-width tilde', { given: '范围为1～5', want: { minimum: 1, maximum: 5 } }],
  ['none stated', { given: '页码。', want: {} }],
];

describe('readLimits', () => {
  for (const [name, { given, want }] of limits) test(name, () => assert.deepEqual(readLimits(given), want));
});
