// Stage 2 of the extractor (lib/layers/): additions and patches on a small stage-1 spec
// (fixtures/layers/base.openapi.yaml, five Actions and the spec's tags), each case a file under fixtures/layers/.
// They need no reference document. Run: node --test spec/tools/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { applyAdditions } from '../lib/layers/additions.mjs';
import { applyPatches } from '../lib/layers/patches.mjs';
import { layerFiles, loadLayerFile } from '../lib/layers/load.mjs';
import { applyLayers, renderLayers, LAYERS } from '../lib/layers/apply.mjs';

/** @typedef {import('../lib/types.js').Schema} Schema */

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures/layers');
const FORM = 'application/x-www-form-urlencoded';
const shown = 'spec/tools/test/fixtures/layers';

/** @returns {Schema} a fresh copy of the base spec */
const base = () => YAML.parse(readFileSync(join(fixtures, 'base.openapi.yaml'), 'utf8'));

/**
 * The base spec with the named files of fixtures/layers/additions/, then of patches/, applied.
 * @param {{ additions?: string[], patches?: string[] }} layers
 */
function layered({ additions = [], patches = [] }) {
  const spec = base();
  applyAdditions(
    spec,
    additions.map((f) => loadLayerFile(join(fixtures, 'additions', `${f}.yaml`))),
  );
  applyPatches(
    spec,
    patches.map((f) => loadLayerFile(join(fixtures, 'patches', `${f}.yaml`))),
  );
  return spec;
}

/**
 * @param {Schema} spec
 * @param {string} name
 * @returns {Schema}
 */
const op = (spec, name) => {
  const item = spec.paths[`/#Action=${name}`];
  return item.get ?? item.post;
};

/**
 * @param {Schema} spec
 * @param {string} action
 * @param {string} name
 * @returns {Schema}
 */
const param = (spec, action, name) => op(spec, action).parameters.find((/** @type {Schema} */ p) => p.name === name);

/**
 * @param {Schema} spec
 * @param {string} action
 */
const form = (spec, action) => op(spec, action).requestBody?.content[FORM];

/**
 * The JSON and the XML schema of a response field, by dotted path through arrays.
 * @param {Schema} spec
 * @param {string} action
 * @param {string} path
 * @returns {Schema[]}
 */
const fields = (spec, action, path) =>
  ['application/json', 'application/xml'].map((type) =>
    path.split('.').reduce(
      (node, step) => {
        const next = (node.type === 'array' ? node.items : node).properties?.[step];
        return next;
      },
      body(spec, action, type),
    ),
  );

/**
 * An Action's 200 body schema (named in components/schemas by the last step of stage 2).
 * @param {Schema} spec
 * @param {string} action
 * @param {string} [type]
 * @returns {Schema}
 */
const body = (spec, action, type = 'application/json') => {
  const schema = op(spec, action).responses[200].content[type].schema;
  return schema.$ref ? spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
};

// --- Additions ------------------------------------------------------------------------------

test('an added Action gets every convention of a stage-1 operation', () => {
  const spec = applyLayers({ base: base(), additionsDir: join(here, 'fixtures/additions') });
  const item = spec.paths['/#Action=SetupDomainAutoRenew'];
  const added = item.post;
  const documented = op(spec, 'RegistrantProfileRealNameVerification');
  // Every key a stage-1 POST operation has, but the document's own errata.
  assert.deepEqual(
    Object.keys(documented).filter((k) => !['x-alidomain-errata', 'x-alidomain-addition'].includes(k)),
    Object.keys(added).filter((k) => k !== 'x-alidomain-addition'),
  );
  assert.equal(added.operationId, 'SetupDomainAutoRenew');
  assert.deepEqual(added.tags, ['registration']);
  assert.deepEqual(added.parameters, [
    {
      name: 'Action',
      in: 'query',
      required: true,
      description: '系统规定参数，取值：SetupDomainAutoRenew。',
      schema: { type: 'string', const: 'SetupDomainAutoRenew' },
      example: 'SetupDomainAutoRenew',
    },
  ]);
  assert.deepEqual(item.parameters, spec.paths['/#Action=CheckDomain'].parameters);
  const { 200: ok, ...errors } = added.responses;
  const { 200: _, ...documentedErrors } = documented.responses;
  assert.deepEqual(errors, documentedErrors);
  const named = { $ref: '#/components/schemas/SetupDomainAutoRenewResponse' };
  assert.deepEqual([ok.content['application/json'].schema, ok.content['application/xml'].schema], [named, named]);
  assert.equal(body(spec, 'SetupDomainAutoRenew').title, 'SetupDomainAutoRenewResponse');
  assert.deepEqual(Object.keys(body(spec, 'SetupDomainAutoRenew').properties), ['RequestId', 'Result']);
  assert.deepEqual(body(spec, 'SetupDomainAutoRenew').xml, { name: 'SetupDomainAutoRenewResponse' });
  assert.deepEqual(added['x-alidomain-wire'], { methods: ['POST'], section: 'addition' });
  assert.equal(added['x-alidomain-retry'], 'idempotent');
  assert.ok(added['x-alidomain-retry-reason']);
  assert.deepEqual(Object.keys(added['x-alidomain-addition']), ['reason', 'reference']);
});

test('an added Action puts its body parameters in the form body, with their style and required list', () => {
  const spec = applyLayers({ base: base(), additionsDir: join(here, 'fixtures/additions') });
  const body = form(spec, 'SetupDomainAutoRenew');
  assert.equal(op(spec, 'SetupDomainAutoRenew').requestBody.required, true);
  assert.deepEqual(body.schema.required, ['InstanceId', 'Operation']);
  assert.deepEqual(body.schema.properties.Operation.enum, ['open', 'close']);
  for (const p of Object.values(body.schema.properties)) assert.equal(p['x-alidomain-style'], 'scalar');
});

test('an added GET Action takes GET and POST, and its list parameters are written as the extractor writes lists', () => {
  const spec = layered({ additions: ['get-action'] });
  const added = op(spec, 'QueryDomainRenewQuote');
  assert.ok(spec.paths['/#Action=QueryDomainRenewQuote'].get);
  assert.deepEqual(added['x-alidomain-wire'].methods, ['GET', 'POST']);
  assert.equal(added.requestBody, undefined);
  const names = param(spec, 'QueryDomainRenewQuote', 'DomainName');
  assert.deepEqual(
    { style: names.style, explode: names.explode, wire: names['x-alidomain-wire-name'], minItems: names.schema.minItems },
    { style: 'form', explode: true, wire: 'DomainName.N', minItems: 1 },
  );
  const period = param(spec, 'QueryDomainRenewQuote', 'Period');
  assert.equal(period['x-alidomain-wire-name'], 'Period.N.<Field>');
  assert.equal(period.schema.items.additionalProperties, false);
  assert.equal(period.schema.minItems, undefined);
  assert.equal(added.responses[200].content['application/json'].schema.type, 'object');
});

test('an added parameter goes to the query, or to the form body of a POST Action, marked as an addition', () => {
  const spec = layered({ additions: ['params'] });
  const channel = param(spec, 'CheckDomain', 'Channel');
  assert.equal(op(spec, 'CheckDomain').parameters.at(-1), channel);
  assert.deepEqual(channel['x-alidomain-addition'], { reason: 'fixture query parameter', reference: 'fixture' });
  assert.equal(channel.example, 'web');
  const body = form(spec, 'RegistrantProfileRealNameVerification');
  assert.deepEqual(body.schema.required, ['IdentityCredential', 'IdentityCredentialBack']);
  assert.equal(body.schema.properties.IdentityCredentialBack['x-alidomain-style'], 'scalar');
  assert.equal(body.schema.properties.IdentityCredentialBack['x-alidomain-addition'].reason, 'fixture body parameter');
});

test('an added response field goes into the JSON and the XML schema, through a list wrapper', () => {
  const spec = layered({ additions: ['fields'] });
  for (const field of fields(spec, 'QueryDomainList', 'Data.Domain.AutoRenew'))
    assert.deepEqual(field, {
      type: 'boolean',
      description: '是否自动续费。',
      'x-alidomain-addition': { reason: 'fixture field', reference: 'fixture' },
    });
});

/** Each mistake in an additions file, and the one line it gives. */
const additionErrors = [
  [
    'an Action the spec lacks',
    'unknown-action',
    'params.CheckDomian: no Action CheckDomian in the spec; allowed: CheckDomain, QueryDomainList, SaveBatchTaskForCreatingOrderRenew, SaveBatchTaskForModifyingDomainDns, RegistrantProfileRealNameVerification',
  ],
  [
    'an unknown key',
    'unknown-key',
    'actions.NewAction.retry: unknown key retry; allowed: reason, reference, method, summary, description, tag, deprecated, x-alidomain-retry, x-alidomain-retry-reason, methodEvidence, parameters, response',
  ],
  ['an unknown kind', 'unknown-kind', 'operations: unknown key operations; allowed: actions, params, fields'],
  [
    'an unknown schema keyword',
    'unknown-schema-key',
    'fields.CheckDomain.Price.nullable: unknown key nullable; allowed: reason, reference, type, format, title, description, enum, x-enumDescriptions, default, example, deprecated, minimum, maximum, minLength, maxLength, minItems, maxItems, items, properties, required, additionalProperties, x-alidomain-list, $ref',
  ],
  [
    'a missing reason',
    'missing-reason',
    'params.CheckDomain.Channel.reason: reason is missing; allowed: a sentence saying why (every addition and patch needs one)',
  ],
  [
    'a missing reference',
    'missing-reference',
    'fields.CheckDomain.Price.reference: reference is missing; allowed: where the fact comes from (a URL, a document and section, a ticket)',
  ],
  ['a duplicate key', 'duplicate-key', 'params.CheckDomain.Channel: duplicate key (lines 3 and 4); allowed: each key once per map'],
  ['an Action the spec has', 'existing-action', 'actions.CheckDomain: the spec already has CheckDomain; allowed: Actions the spec lacks'],
  [
    'a parameter the Action has',
    'existing-param',
    'params.CheckDomain.Lang: CheckDomain already has the parameter Lang; allowed: parameters the Action lacks',
  ],
  [
    'a field the response has',
    'existing-field',
    "fields.QueryDomainList.Data.Domain.DomainName: QueryDomainList's response already has Data.Domain.DomainName; allowed: fields the response lacks",
  ],
  [
    'a field under a missing parent',
    'missing-parent',
    "fields.QueryDomainList.Data.Domains.AutoRenew: QueryDomainList's response has no field Data.Domains; allowed: Data, Data.Domain, Data.Domain.DomainName, Data.Domain.DomainStatus, Data.Domain.ExpirationDate, Data.Domain.Remark, RequestId, TotalItemNum",
  ],
  [
    'a field in a list wrapper',
    'wrapper-parent',
    'fields.QueryDomainList.Data.AutoRenew: the parent is the wire wrapper of a list: name its item (Domain); allowed: Data, Data.Domain, Data.Domain.DomainName, Data.Domain.DomainStatus, Data.Domain.ExpirationDate, Data.Domain.Remark, RequestId, TotalItemNum',
  ],
  [
    'a body parameter on a GET Action',
    'body-on-get',
    'params.CheckDomain.Channel.in: CheckDomain is a GET Action: body parameters need POST; allowed: query',
  ],
  [
    'a POST Action without evidence or body',
    'post-without-evidence',
    'actions.NewAction.method: a POST Action needs methodEvidence or a body parameter; allowed: get, or post with methodEvidence or an in: body parameter',
  ],
  [
    'a style the schema does not fit',
    'style-mismatch',
    'params.CheckDomain.Channel.x-alidomain-style: repeatList needs an array of scalars; allowed: scalar, json, repeatList (array of scalars), objectList (array of objects)',
  ],
  [
    'an unknown tag',
    'unknown-tag',
    'actions.NewAction.tag: no tag renewals; allowed: profiles, availability, domains, registration, transfer, contacts, privacy, real-name, qualification, dns, dnssec, locks, groups, email-verification, ens-and-extensions, tasks, audit',
  ],
];

for (const [name, file, line] of additionErrors) {
  test(`additions: ${name} fails with one line naming the file and the key`, () => {
    const path = `${shown}/additions-invalid/${file}.yaml`;
    assert.throws(
      () => applyAdditions(base(), [loadLayerFile(join(fixtures, 'additions-invalid', `${file}.yaml`))]),
      (/** @type {Error} */ e) => (assert.equal(e.message, `${path}: ${line}`), true),
    );
  });
}

// --- Patches --------------------------------------------------------------------------------

/**
 * @param {Schema} item
 * @returns {string[] | undefined}
 */
const changed = (item) => item['x-alidomain-patch']?.changed;

test('required: true on a query parameter makes it required and marks it', () => {
  const p = param(layered({ patches: ['required-query'] }), 'CheckDomain', 'FeeCommand');
  assert.equal(p.required, true);
  assert.deepEqual(p['x-alidomain-patch'], { reason: 'fixture', changed: ['required'] });
});

test('required on a repeat list sets or drops its minItems: 1', () => {
  const spec = layered({ patches: ['required-repeat-list'] });
  const servers = param(spec, 'SaveBatchTaskForModifyingDomainDns', 'DomainNameServer');
  const names = param(spec, 'SaveBatchTaskForModifyingDomainDns', 'DomainName');
  assert.deepEqual([servers.required, servers.schema.minItems], [true, 1]);
  assert.deepEqual([names.required, names.schema.minItems], [false, undefined]);
});

test('required on a field of an object list updates the items required list and the list', () => {
  const p = param(layered({ patches: ['required-object-list-field'] }), 'SaveBatchTaskForCreatingOrderRenew', 'OrderRenewParam');
  assert.deepEqual(p.schema.items.required, ['SubscriptionDuration', 'DomainName']);
  assert.deepEqual([p.required, p.schema.minItems], [true, 1]);
  assert.deepEqual(changed(p.schema.items.properties.SubscriptionDuration), ['required']);
});

test('required: true on a body parameter adds it to the form body required list, in property order', () => {
  const spec = layered({ additions: ['optional-body'], patches: ['required-body'] });
  assert.deepEqual(form(spec, 'RegistrantProfileRealNameVerification').schema.required, ['IdentityCredential', 'Annex']);
  assert.equal(op(spec, 'RegistrantProfileRealNameVerification').requestBody.required, true);
});

test('required: false on the only required body parameter drops the required list and the body requirement', () => {
  const spec = layered({ patches: ['optional-body'] });
  assert.equal(form(spec, 'RegistrantProfileRealNameVerification').schema.required, undefined);
  assert.equal(op(spec, 'RegistrantProfileRealNameVerification').requestBody.required, false);
});

test('type and format replace the old ones, and an example of the old type is dropped', () => {
  const p = param(layered({ patches: ['type-format'] }), 'CheckDomain', 'FeePeriod');
  assert.deepEqual([p.schema.type, p.schema.format, p.schema.example, p.example], ['string', 'alidomain-period', undefined, undefined]);
  assert.deepEqual(changed(p), ['type', 'format']);
});

test('enum replace sets the values and keeps only their meanings', () => {
  const p = param(layered({ patches: ['enum-replace'] }), 'CheckDomain', 'FeeCurrency');
  assert.deepEqual(p.schema.enum, ['EUR', 'USD']);
  assert.deepEqual(p.schema['x-enumDescriptions'], { USD: '美元' });
});

test('enum add and remove change the list without restating it', () => {
  const p = param(layered({ patches: ['enum-add-remove'] }), 'CheckDomain', 'Lang');
  assert.deepEqual(p.schema.enum, ['en', 'fr']);
  assert.deepEqual(p.schema['x-enumDescriptions'], { en: '英文' });
});

test('default replaces the default', () => {
  assert.equal(param(layered({ patches: ['default'] }), 'QueryDomainList', 'OrderByType').schema.default, 'ASC');
});

test('description and deprecated go on the parameter', () => {
  const p = param(layered({ patches: ['description-deprecated'] }), 'CheckDomain', 'FeeCurrency');
  assert.deepEqual([p.description, p.deprecated], ['币种。', true]);
});

test('limits go on the value schema, list limits on the list', () => {
  const spec = layered({ patches: ['limits'] });
  const period = param(spec, 'CheckDomain', 'FeePeriod').schema;
  assert.deepEqual([period.minimum, period.maximum], [2, 5]);
  const name = param(spec, 'QueryDomainList', 'DomainName').schema;
  assert.deepEqual([name.minLength, name.maxLength], [1, 63]);
  assert.equal(param(spec, 'SaveBatchTaskForModifyingDomainDns', 'DomainName').schema.maxItems, 100);
});

test('x-alidomain-style: json makes a scalar parameter JSON text', () => {
  const p = param(layered({ patches: ['style'] }), 'QueryDomainList', 'DomainName');
  assert.deepEqual([p['x-alidomain-style'], p['x-alidomain-json']], ['json', true]);
});

test('remove: true removes a query or body parameter, an object-list field or a response field, and records it', () => {
  const spec = layered({ patches: ['remove'] });
  assert.equal(param(spec, 'CheckDomain', 'FeeCommand'), undefined);
  assert.deepEqual(op(spec, 'CheckDomain')['x-alidomain-removed'], [{ target: 'params.FeeCommand', reason: 'fixture' }]);
  // The only body parameter gone, the body goes too.
  assert.equal(op(spec, 'RegistrantProfileRealNameVerification').requestBody, undefined);
  const renew = param(spec, 'SaveBatchTaskForCreatingOrderRenew', 'OrderRenewParam');
  assert.deepEqual(Object.keys(renew.schema.items.properties), ['SubscriptionDuration', 'CurrentExpirationDate']);
  assert.deepEqual([renew.schema.items.required, renew.required, renew.schema.minItems], [undefined, false, undefined]);
  assert.deepEqual(fields(spec, 'QueryDomainList', 'Data.Domain.Remark'), [undefined, undefined]);
  assert.deepEqual(op(spec, 'QueryDomainList')['x-alidomain-removed'], [{ target: 'fields.Data.Domain.Remark', reason: 'fixture' }]);
});

test('a response field patch changes the JSON and the XML schema alike', () => {
  for (const field of fields(layered({ patches: ['field'] }), 'QueryDomainList', 'Data.Domain.DomainStatus')) {
    assert.equal(field.description, '域名状态。');
    assert.equal(field.enum.at(-1), '9');
    assert.deepEqual(changed(field), ['description', 'enum']);
  }
});

test('operation-level keys patch the operation and mark it', () => {
  const o = op(layered({ patches: ['operation'] }), 'CheckDomain');
  assert.deepEqual([o.summary, o.deprecated, o['x-alidomain-retry']], ['Check whether a domain can be registered', true, 'idempotent']);
  assert.deepEqual(o['x-alidomain-patch'], { reason: 'fixture', changed: ['summary', 'deprecated', 'x-alidomain-retry'] });
});

test('patches apply after additions: an added Action can be patched', () => {
  const p = param(layered({ additions: ['get-action'], patches: ['added-action'] }), 'QueryDomainRenewQuote', 'Period');
  assert.deepEqual([p.schema.items.required, p.required, p.schema.minItems], [['Years'], true, 1]);
});

/** Each mistake in a patches file, and the one line it gives. */
const patchErrors = [
  [
    'an Action the spec lacks',
    'unknown-action',
    'CheckDomian: no Action CheckDomian in the spec; allowed: CheckDomain, QueryDomainList, SaveBatchTaskForCreatingOrderRenew, SaveBatchTaskForModifyingDomainDns, RegistrantProfileRealNameVerification',
  ],
  [
    'a parameter the Action lacks',
    'unknown-param',
    'CheckDomain.params.Language: CheckDomain has no parameter Language; allowed: DomainName, FeeCommand, FeeCurrency, FeePeriod, Lang',
  ],
  [
    'a field the response lacks',
    'unknown-field',
    "QueryDomainList.fields.Data.Domain.Status: QueryDomainList's response has no field Data.Domain.Status; allowed: Data, Data.Domain, Data.Domain.DomainName, Data.Domain.DomainStatus, Data.Domain.ExpirationDate, Data.Domain.Remark, RequestId, TotalItemNum",
  ],
  [
    'an unknown property',
    'unknown-property',
    'CheckDomain.params.Lang.requried: unknown key requried; allowed: reason, remove, required, description, deprecated, type, format, enum, default, minimum, maximum, minLength, maxLength, minItems, maxItems, x-alidomain-style',
  ],
  [
    'a missing reason',
    'missing-reason',
    'CheckDomain.params.Lang.reason: reason is missing; allowed: a sentence saying why (every patch needs one)',
  ],
  [
    'a reason with nothing to change',
    'nothing-to-change',
    'CheckDomain.params.Lang: a reason with nothing to change; allowed: remove, required, description, deprecated, type, format, enum, default, minimum, maximum, minLength, maxLength, minItems, maxItems, x-alidomain-style',
  ],
  ['a duplicate key', 'duplicate-key', 'CheckDomain.params.Lang.required: duplicate key (lines 5 and 6); allowed: each key once per map'],
  ['a value of the wrong kind', 'bad-value', 'CheckDomain.params.Lang.required: "yes" is not supported; allowed: true, false'],
  [
    'adding an allowed value',
    'enum-add-existing',
    'CheckDomain.params.Lang.enum.add: "en" is already allowed; allowed: values the enum lacks',
  ],
  [
    'removing a value the enum lacks',
    'enum-remove-missing',
    'CheckDomain.params.Lang.enum.remove: "fr" is not in the enum; allowed: zh, en',
  ],
  [
    'a default the enum forbids',
    'default-not-in-enum',
    'CheckDomain.params.Lang.default: the default "fr" is not allowed by the enum; allowed: zh, en',
  ],
  [
    'remove with another change',
    'remove-and-change',
    'CheckDomain.params.Lang.description: a removed item takes no other change; allowed: remove and reason alone',
  ],
  [
    'a type on a referenced schema',
    'type-on-ref',
    'CheckDomain.params.DomainName.type: the schema is #/components/schemas/DomainName; allowed: required, description, deprecated, default, limits, remove',
  ],
  [
    'a style on a list',
    'style-on-list',
    "SaveBatchTaskForModifyingDomainDns.params.DomainName.x-alidomain-style: a repeatList parameter's style follows from its shape; allowed: x-alidomain-style on scalar and json parameters only",
  ],
  [
    'a list limit on a scalar',
    'min-items-on-scalar',
    'CheckDomain.params.Lang.minItems: Lang is not a list; allowed: reason, remove, required, description, deprecated, type, format, enum, default, minimum, maximum, minLength, maxLength',
  ],
];

for (const [name, file, line] of patchErrors) {
  test(`patches: ${name} fails with one line naming the file and the key`, () => {
    const path = `${shown}/patches-invalid/${file}.yaml`;
    assert.throws(
      () => applyPatches(base(), [loadLayerFile(join(fixtures, 'patches-invalid', `${file}.yaml`))]),
      (/** @type {Error} */ e) => (assert.equal(e.message, `${path}: ${line}`), true),
    );
  });
}

test('patches: an item patched in two files fails, naming both', () => {
  const dir = join(fixtures, 'patches-invalid/twice');
  assert.throws(
    () => applyLayers({ base: base(), patchesDir: dir }),
    (/** @type {Error} */ e) => (
      assert.equal(
        e.message,
        `${shown}/patches-invalid/twice/b.yaml: CheckDomain.params.Lang: already patched in ${shown}/patches-invalid/twice/a.yaml; allowed: one patch per item, in one file`,
      ),
      true
    ),
  );
});

// --- The committed spec ---------------------------------------------------------------------

test('with no additions and no patches, stage 2 reproduces the committed spec/openapi.yaml and ERRATA.md exactly', () => {
  // The committed layer directories hold only their README.md.
  assert.deepEqual([...layerFiles(LAYERS.additionsDir), ...layerFiles(LAYERS.patchesDir)], []);
  const { files } = renderLayers();
  const specDir = join(here, '../..');
  assert.ok(files['openapi.yaml'] === readFileSync(join(specDir, 'openapi.yaml'), 'utf8'), 'spec/openapi.yaml differs');
  assert.ok(files['ERRATA.md'] === readFileSync(join(specDir, 'ERRATA.md'), 'utf8'), 'spec/ERRATA.md differs');
});

test('stage 2 does not modify the spec it is given', () => {
  const given = base();
  applyLayers({ base: given, additionsDir: join(fixtures, 'additions') });
  assert.deepEqual(given, base());
});
