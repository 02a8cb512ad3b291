// The prose reader of spec/tools/lib/text.mjs on single lines as the PDF conversion prints them.
// Run: node --test spec/tools/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Repairer, readEnum, readEntry, readDefault } from '../lib/text.mjs';

// A small vocabulary: most list values ("tech", "ccTLD") are in no vocabulary at all.
const repair = new Repairer(['true', 'false', 'zh', 'en', 'registrant']);
const para = (line) => repair.paragraph([line]);

test('a value before its colon loses the spaces the PDF put after t, f, z, T and F', () => {
  const cases = [
    ['regist rant  ：域名持有者。', 'registrant：域名持有者。'],
    ['t ech ：技术者。', 'tech：技术者。'],
    ['SET _WHOIS_PROT ECT ：设置隐私保护。', 'SET_WHOIS_PROTECT：设置隐私保护。'],
    ['z h ：中文；', 'zh：中文；'],
  ];
  for (const [line, expected] of cases) assert.equal(para(line), expected, line);
});

test('a value standing alone in a list is repaired like one before a colon', () => {
  const cases = [
    ['t ech 。', 'tech。'],
    ['ccT LD 。', 'ccTLD。'],
    ['ot her 。', 'other。'],
    ['WAIT ING_EXECUT E  ；等待执行；', 'WAITING_EXECUTE；等待执行；'],
  ];
  for (const [line, expected] of cases) assert.equal(para(line), expected, line);
});

test('a real space inside a value is kept', () => {
  assert.equal(para('New gT LD 。'), 'New gTLD。');
  assert.equal(para('New gT LD ：新顶级域。'), 'New gTLD：新顶级域。');
});

test('a Latin sentence ending in a full stop is not glued like a value', () => {
  assert.equal(para('Type Digest Algorithms of the DS Record。'), 'Type Digest Algorithms of the DS Record。');
});

test('list entries: value and meaning, several values, numbers without colon, values alone', () => {
  const cases = [
    ['registrant：域名持有者。', [{ value: 'registrant', meaning: '域名持有者' }]],
    ['New gTLD：新顶级域。', [{ value: 'New gTLD', meaning: '新顶级域' }]],
    ['1、2、3、4：审核中。', ['1', '2', '3', '4'].map((value) => ({ value, meaning: '审核中' }))],
    ['-1：异常。', [{ value: '-1', meaning: '异常' }]],
    ['1 RSA/MD5；', [{ value: '1', meaning: 'RSA/MD5' }]],
    ['WAITING_EXECUTE；等待执行；', [{ value: 'WAITING_EXECUTE', meaning: '等待执行' }]],
    ['registrant；', [{ value: 'registrant' }]],
    ['tech。', [{ value: 'tech' }]],
    ['New gTLD。', [{ value: 'New gTLD' }]],
  ];
  for (const [paragraph, expected] of cases) assert.deepEqual(readEntry(paragraph), expected, paragraph);
});

test('prose is not a list entry', () => {
  for (const paragraph of ['说明 cnnic模板仅国际站支持。', '默认值为1。', 'registrant', 'Domain Name System Security (DNSSEC) Algorithm Numbers。']) {
    assert.equal(readEntry(paragraph), undefined, paragraph);
  }
});

test('the list after 取值： ends at the first paragraph that is not an entry', () => {
  const values = readEnum(['域名持有者类型。取值：', '1：个人。', '2：企业。', '默认值为1。', '3：不属于列表。']);
  assert.deepEqual(values.map((v) => v.value), ['1', '2']);
});

test('every way the document announces a list is recognised', () => {
  for (const mark of ['联系人类型。取值：', '取值如下：', '注册局锁状态。取值为：', '接口返回错误信息的语言。取值范围：', '是否允许溢价词域名转入，取值']) {
    assert.deepEqual(readEnum([mark, 'zh：中文。', 'en：英文。'])?.map((v) => v.value), ['zh', 'en'], mark);
  }
});

test('a value fixed in the prose is a list of one', () => {
  assert.deepEqual(readEnum(['资质审核接口类型。固定取值knet。']), [{ value: 'knet' }]);
  assert.deepEqual(readEnum(['资质审核接口类型。固定取值为knet。']), [{ value: 'knet' }]);
});

test('no list: a description without one, a range, an inline condition', () => {
  for (const paragraphs of [['域名。'], ['取值范围：1~100。'], ['当AliyunDns 取值为false 时，本参数才可用且必须传入。']]) {
    assert.equal(readEnum(paragraphs), undefined, paragraphs[0]);
  }
});

test('defaults: values, words, numbers written in Chinese, and prose that names none', () => {
  const cases = [
    ['默认值为1。', '1'],
    ['默认为en。', 'en'],
    ['默认值为false。', 'false'],
    ['说明 不传此参数默认为DESC。', 'DESC'],
    ['用户IP，默认设置为127.0.0.1。', '127.0.0.1'],
    ['购买周期，单位为年。默认为一年。', '1'],
    ['续费年限。默认为1年。范围为1~10年。', '1'],
    ['代金券编号，默认为字符串。', undefined],
    ['邮箱验证编号（默认为系统自动生成的流水号）。', undefined],
    ['说明 不传此参数时，默认以入库时间排序。', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(readDefault(text), expected, text);
});
