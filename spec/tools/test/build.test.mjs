// The params overrides of spec/tools/lib/build.mjs take effect (or fail loudly), and required
// lists need an item. Each test builds the spec from the document with one override changed.
// Run: node --test spec/tools/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDocument } from '../lib/document.mjs';
import { buildSpec } from '../lib/build.mjs';
import { DOCUMENT } from '../extract.mjs';
import { loadOverrides } from '../lib/overrides.mjs';
import { hasDocument, missingDocumentNotice } from '../lib/document-path.mjs';

// These build from the document: a clone without it skips them, saying so.
const withDocument = hasDocument();
const options = withDocument ? {} : { skip: missingDocumentNotice('spec/tools/test/build.test.mjs') };
// Only read inside tests that the skip above leaves out when there is no document.
const doc = /** @type {import('../lib/types.js').Document} */ (withDocument ? loadDocument(DOCUMENT) : undefined);

/** @typedef {import('../lib/types.js').Schema} Schema */

/**
 * The spec built with `params` as the only params overrides of `action`.
 * @param {string} action
 * @param {Record<string, import('../lib/types.js').ParamFix>} params
 */
function build(action, params) {
  const overrides = loadOverrides();
  overrides.actions = { ...overrides.actions, [action]: { ...overrides.actions[action], params } };
  return buildSpec(doc, overrides);
}

/**
 * @param {Schema} spec
 * @param {string} action
 * @param {string} name
 * @returns {Schema}
 */
const param = (spec, action, name) => {
  const item = spec.paths[`/#Action=${action}`];
  return (item.get ?? item.post).parameters.find((/** @type {Schema} */ p) => p.name === name);
};

test('required: true on a list field makes the field and its list required, and the list needs an item', options, () => {
  const before = param(build('SaveBatchTaskForCreatingOrderRenew', {}), 'SaveBatchTaskForCreatingOrderRenew', 'OrderRenewParam');
  assert.equal(before.required, false);
  assert.equal(before.schema.items.required, undefined);
  const reason = 'the domain to renew';
  const after = param(
    build('SaveBatchTaskForCreatingOrderRenew', { 'OrderRenewParam.N.DomainName': { required: true, reason } }),
    'SaveBatchTaskForCreatingOrderRenew',
    'OrderRenewParam',
  );
  assert.equal(after.required, true);
  assert.deepEqual(after.schema.items.required, ['DomainName']);
  assert.equal(after.schema.minItems, 1);
  assert.equal(after.schema.items.properties.DomainName['x-alidomain-override'], reason);
});

test('required: true on a repeat list makes it required with at least one item; false makes a row optional', options, () => {
  const action = 'SaveBatchTaskForModifyingDomainDns';
  const spec = build(action, { 'DomainNameServer.N': { required: true, reason: 'r' }, 'DomainName.N': { required: false, reason: 'r' } });
  assert.equal(param(spec, action, 'DomainNameServer').required, true);
  assert.equal(param(spec, action, 'DomainNameServer').schema.minItems, 1);
  assert.equal(param(spec, action, 'DomainName').required, false);
  assert.equal(param(spec, action, 'DomainName').schema.minItems, undefined);
});

test('every required list of the committed overrides has minItems 1', options, () => {
  const spec = buildSpec(doc, loadOverrides());
  /** @type {Schema[]} */
  const lists = Object.values(spec.paths).flatMap((item) =>
    (item.get ?? item.post).parameters.filter((/** @type {Schema} */ p) => !p.$ref && p.schema?.type === 'array'),
  );
  const required = lists.filter((p) => p.required);
  assert.ok(required.length > 10);
  for (const p of required) assert.equal(p.schema.minItems, 1, p.name);
  for (const p of lists.filter((q) => !q.required)) assert.equal(p.schema.minItems, undefined, p.name);
});

test('example: replaces the table example and keeps the document one in x-alidomain-document-example', options, () => {
  const p = param(build('CheckDomain', { DomainName: { example: 'example.xin', reason: 'masked' } }), 'CheckDomain', 'DomainName');
  assert.equal(p.example, 'example.xin');
  assert.equal(p.schema.example, 'example.xin');
  assert.equal(p['x-alidomain-document-example'], 'test**.xin');
  const list = param(
    build('SaveTaskForSubmittingDomainRealNameVerificationByIdentityCredential', {
      'DomainName.N': { example: ['a.com', 'b.com'], reason: 'r' },
    }),
    'SaveTaskForSubmittingDomainRealNameVerificationByIdentityCredential',
    'DomainName',
  );
  assert.deepEqual(list.example, ['a.com', 'b.com']);
  assert.equal(list.schema.items.example, 'a.com');
  assert.deepEqual(list['x-alidomain-document-example'], ['aliyun.com,alibabacloud.com']);
});

test('$ref: keeps the table example next to the reference', options, () => {
  const p = param(
    build('SaveSingleTaskForDeletingDnsHost', { DnsName: { $ref: '#/components/schemas/HostLabel', reason: 'r' } }),
    'SaveSingleTaskForDeletingDnsHost',
    'DnsName',
  );
  assert.deepEqual(p.schema, { $ref: '#/components/schemas/HostLabel', example: 'dns1' });
});

test('an override with an unknown key, no reason, or a row the table lacks is an error, not a no-op', options, () => {
  // @ts-expect-error -- the misspelt key YAML would let through
  assert.throws(() => build('CheckDomain', { DomainName: { requried: true, reason: 'typo' } }), /unknown key\(s\) requried/);
  assert.throws(() => build('CheckDomain', { DomainName: { required: true } }), /a reason is required/);
  assert.throws(() => build('CheckDomain', { Domain: { required: true, reason: 'r' } }), /no row Domain/);
  // @ts-expect-error -- the wrong type YAML would let through
  assert.throws(() => build('CheckDomain', { DomainName: { required: 'yes', reason: 'r' } }), /required must be true or false/);
});

test('style: only json or scalar, and only on a row that is not a list', options, () => {
  // @ts-expect-error -- a list style YAML would let through
  assert.throws(() => build('CheckDomain', { DomainName: { style: 'repeatList', reason: 'r' } }), /style may only be json or scalar/);
  const action = 'SaveBatchTaskForModifyingDomainDns';
  assert.throws(() => build(action, { 'DomainName.N': { style: 'json', reason: 'r' } }), /not X\.N or X\.N\.Field/);
});

test('style: json makes a scalar row JSON text and records the reason', options, () => {
  const p = param(build('CheckDomain', { DomainName: { style: 'json', reason: 'why' } }), 'CheckDomain', 'DomainName');
  assert.equal(p['x-alidomain-style'], 'json');
  assert.equal(p['x-alidomain-json'], true);
  assert.equal(p['x-alidomain-override'], 'why');
});

test('a row whose example looks like JSON stops the build until its style is decided', options, () => {
  const action = 'SubmitOperationCredentials';
  assert.throws(() => build(action, {}), /Credentials: the example .* looks like JSON text; decide its style/);
  const scalar = param(build(action, { Credentials: { style: 'scalar', reason: 'r' } }), action, 'Credentials');
  assert.equal(scalar['x-alidomain-style'], 'scalar');
  assert.equal(scalar['x-alidomain-json'], undefined);
});

test('every parameter and form-body property of the spec has its wire style', options, () => {
  const spec = buildSpec(doc, loadOverrides());
  for (const item of Object.values(spec.paths)) {
    const op = item.get ?? item.post;
    for (const p of op.parameters.filter((/** @type {Schema} */ q) => q.name !== 'Action'))
      assert.ok(p['x-alidomain-style'], `${op.operationId} ${p.name}`);
    const form = op.requestBody?.content['application/x-www-form-urlencoded'].schema.properties ?? {};
    for (const [name, s] of Object.entries(form)) assert.ok(s['x-alidomain-style'], `${op.operationId} body ${name}`);
  }
});
