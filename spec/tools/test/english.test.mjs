// The English of the spec (lib/english.mjs): what the coverage check reports, on a two-Action
// fixture spec (fixtures/english/spec.yaml) and one English directory per case. Run: node --test spec/tools/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { applyEnglish, checkEnglish, loadEnglish, textsOf } from '../lib/english.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures/english');
const shown = 'spec/tools/test/fixtures/english';
const spec = () => YAML.parse(readFileSync(join(fixtures, 'spec.yaml'), 'utf8'));
/** @param {string} name */
const check = (name) => checkEnglish(spec(), join(fixtures, name));

test('every kind of text is found: description, parameter, values, object-list field, form field, nested field, shared ones', () => {
  assert.deepEqual(
    textsOf(spec()).map((t) => `${t.file} ${t.key}`),
    [
      'availability.yaml CheckDomain.description',
      'availability.yaml CheckDomain.parameters.FeeCurrency',
      'availability.yaml CheckDomain.parameters.FeeCurrency.values.CNY',
      'availability.yaml CheckDomain.parameters.FeeCurrency.values.USD',
      'availability.yaml CheckDomain.response.Avail',
      'registration.yaml SaveBatchTaskForCreatingOrderRenew.description',
      'registration.yaml SaveBatchTaskForCreatingOrderRenew.parameters.OrderRenewParam',
      'registration.yaml SaveBatchTaskForCreatingOrderRenew.parameters.OrderRenewParam.N.DomainName',
      'registration.yaml SaveBatchTaskForCreatingOrderRenew.parameters.Remark',
      'registration.yaml SaveBatchTaskForCreatingOrderRenew.response.Data',
      'registration.yaml SaveBatchTaskForCreatingOrderRenew.response.Data.Items.TaskNo',
      'common.yaml parameters.Format',
      'common.yaml errors.MissingParameter',
    ],
  );
});

test('complete English: every text translated, no problem', () => {
  assert.deepEqual(check('complete'), { texts: 13, translated: 13, problems: [] });
});

test('a gap is reported: an entry without en, and a text with no entry', () => {
  const { translated, problems } = check('gaps');
  assert.equal(translated, 11);
  assert.deepEqual(problems, [
    `${shown}/gaps/availability.yaml: CheckDomain.parameters.FeeCurrency: no English (en)`,
    `${shown}/gaps/availability.yaml: CheckDomain.response.Avail: no English for "是否可注册。"`,
  ]);
});

test('an entry that names nothing is reported', () => {
  assert.deepEqual(check('unknown').problems, [
    `${shown}/unknown/registration.yaml: SaveBatchTaskForCreatingOrderRenew.response.Data.Items.TaskID: names no Chinese text of the spec; allowed: an Action's description, parameters and response fields (common.yaml: the shared parameters, schemas and errors)`,
  ]);
});

test('an entry translated from Chinese the spec no longer has is stale', () => {
  assert.deepEqual(check('stale').problems, [
    `${shown}/stale/registration.yaml: SaveBatchTaskForCreatingOrderRenew.parameters.Remark: stale: the spec's Chinese is now "备注。"; translate it and copy it to zh`,
  ]);
});

test("an Action's English belongs in the file of its tag", () => {
  const { problems } = check('misplaced');
  assert.equal(problems.length, 5);
  assert.equal(
    problems[0],
    `${shown}/misplaced/registration.yaml: CheckDomain.description: belongs in ${shown}/misplaced/availability.yaml, the file of the Action's tag`,
  );
});

test('writing the English in keeps the Chinese beside it, and the check still finds every text', () => {
  const s = applyEnglish(spec(), join(fixtures, 'complete'));
  const op = s.paths['/#Action=CheckDomain'].get;
  assert.equal(op.description, 'Calls CheckDomain to check whether a domain name can be registered.');
  assert.deepEqual(op['x-alidomain-zh'], { description: '调用CheckDomain检查域名是否可以注册。' });
  const currency = op.parameters[1];
  assert.equal(currency.description, 'The currency.');
  assert.deepEqual(currency.schema['x-enumDescriptions'], { CNY: 'Chinese yuan', USD: 'US dollar' });
  assert.deepEqual(currency.schema['x-alidomain-zh'], { enumDescriptions: { CNY: '人民币', USD: '美元' } });
  assert.equal(s.components.schemas.CheckDomainResponse.properties.Avail.description, 'Whether the domain name can be registered.');
  assert.equal(s['x-alidomain-error-codes'][0].description, 'A parameter is missing.');
  assert.deepEqual(checkEnglish(s, join(fixtures, 'complete')), { texts: 13, translated: 13, problems: [] });
});

test('a stale entry is not written: the text keeps its Chinese', () => {
  const s = applyEnglish(spec(), join(fixtures, 'stale'));
  const body = s.paths['/#Action=SaveBatchTaskForCreatingOrderRenew'].post.requestBody.content['application/x-www-form-urlencoded'].schema;
  assert.equal(body.properties.Remark.description, '备注。');
});

// The repository's own English: complete, current, and in the glossary's words.
const repository = join(here, '../..');
const englishDir = join(repository, 'overrides/english');

test('spec/openapi.yaml: every Chinese text has its English in spec/overrides/english, and every entry names a text', () => {
  const { texts, translated, problems } = checkEnglish(YAML.parse(readFileSync(join(repository, 'openapi.yaml'), 'utf8')), englishDir);
  assert.deepEqual(problems, []);
  assert.equal(translated, texts);
});

test('spec/GLOSSARY.md: its terms are used wherever the Chinese has them', () => {
  const terms = [
    ['信息模板', /registrant profile/i],
    ['实名认证', /real-name verification/i],
    ['命名审核', /name review/i],
    ['过户', /ownership change/i],
    ['赎回', /redemption|redeem/i],
    ['禁止转移锁', /transfer prohibition lock/i],
    ['代金券', /voucher/i],
    ['唯一请求识别码', /unique request ID/i],
  ];
  const misses = loadEnglish(englishDir).flatMap((e) =>
    terms
      .filter(([zh, en]) => String(e.zh).includes(String(zh)) && !(/** @type {RegExp} */ (en).test(String(e.en))))
      .map(([zh]) => `${e.file}: ${e.key}: ${zh}`),
  );
  assert.deepEqual(misses, []);
});
