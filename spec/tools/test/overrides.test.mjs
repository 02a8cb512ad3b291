// spec/tools/lib/overrides.mjs: every mistake in spec/overrides/*.yaml is one line naming the
// file, the key path and what is allowed. Each case is a directory made of the fixture file under
// its own name (fixtures/overrides/<case>.<file>.yaml → <file>.yaml) beside fixtures/overrides/document.yaml.
// Run: node --test spec/tools/test/
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { loadOverrides, checkOverrideTargets, OverridesError } from '../lib/overrides.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'overrides');
const scratch = mkdtempSync(join(tmpdir(), 'alidomain-overrides-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The Actions of fixtures/overrides/actions.yaml, shaped as read.mjs gives them (the fields the checks read). */
const actions = /** @type {import('../lib/types.js').Action[]} */ (YAML.parse(readFileSync(join(fixtures, 'actions.yaml'), 'utf8')));

/**
 * A directory holding the case's file under its real name, and document.yaml unless `without` it.
 * @param {string} given `<case>.<file>.yaml`
 * @param {boolean} [withDocument]
 */
function caseDir(given, withDocument = true) {
  const dir = mkdtempSync(join(scratch, 'case-'));
  if (withDocument) copyFileSync(join(fixtures, 'document.yaml'), join(dir, 'document.yaml'));
  copyFileSync(join(fixtures, given), join(dir, given.split('.').slice(1).join('.')));
  return dir;
}

/**
 * The lines the step reports for the case, with the case's directory (if any) written as `<dir>`.
 * @param {string} dir
 * @param {() => unknown} step
 */
function reported(dir, step) {
  try {
    step();
  } catch (e) {
    assert.ok(e instanceof OverridesError, String(e));
    return e.lines.map((l) => (dir ? l.replace(`${dir}/`, '<dir>/') : l));
  }
  return [];
}

/** @type {[string, { given: string, without?: 'document.yaml', want: string }][]} */
const loadCases = [
  [
    'a file that is not one of the four',
    { given: 'unknown-file.operation.yaml', want: '<dir>/operation.yaml: unknown file; did you mean operations.yaml?' },
  ],
  [
    'a duplicate key names its path, its line and the first one',
    {
      given: 'duplicate-key.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain: duplicate key at line 5 (first at line 2); allowed: each key once',
    },
  ],
  [
    'a YAML syntax error gives its line and the first line of the parser message',
    {
      given: 'syntax-error.summaries.yaml',
      want: '<dir>/summaries.yaml: line 2: Flow sequence in block collection must be sufficiently indented and end with a ]',
    },
  ],
  [
    'a file of the wrong kind of value',
    { given: 'not-a-mapping.summaries.yaml', want: '<dir>/summaries.yaml: (top level): a list is not allowed; allowed: a mapping' },
  ],
  [
    'an unknown property of an Action',
    {
      given: 'unknown-action-property.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.methd: unknown property; allowed: retry, retryReason, method, methodEvidence, params, response',
    },
  ],
  [
    'an unknown property of a parameter override',
    {
      given: 'unknown-param-property.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.DomainName.requried: unknown property; allowed: reason, required, $ref, example, domainName, style, type, enum',
    },
  ],
  [
    'a value of the wrong type',
    {
      given: 'wrong-value-type.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.DomainName.required: "yes" is not allowed; allowed: true, false',
    },
  ],
  [
    'a value outside its list',
    {
      given: 'value-not-allowed.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.retry: "sometimes" is not allowed; allowed: safe, idempotent, unsafe',
    },
  ],
  [
    'a parameter override without a reason',
    {
      given: 'param-without-reason.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.DomainName: reason is missing; required: reason',
    },
  ],
  [
    'an empty reason',
    {
      given: 'empty-reason.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.DomainName.reason: "  " is not allowed; allowed: a reason: why, in words',
    },
  ],
  [
    'a retry class without its reason',
    {
      given: 'retry-without-reason.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain: retry without its reason; required: retryReason',
    },
  ],
  [
    'a method without its evidence',
    {
      given: 'method-without-evidence.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain: method without its evidence; required: methodEvidence',
    },
  ],
  [
    'a response move without a reason',
    {
      given: 'move-without-reason.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.response: reason is missing; required: reason',
    },
  ],
  [
    'a parameter override that only gives a reason',
    {
      given: 'overrides-nothing.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.DomainName: overrides nothing; allowed: required, $ref, example, domainName, style, type, enum',
    },
  ],
  [
    'style on a list row',
    {
      given: 'style-on-list-row.operations.yaml',
      want: '<dir>/operations.yaml: actions.SaveBatchTaskForModifyingDomainDns.params.DomainName.N.style: not allowed on a list row (X.N, X.N.Field), whose style follows from its name; allowed: on a scalar row',
    },
  ],
  [
    'domainName on a row that is not a DomainName',
    {
      given: 'domain-name-on-other-row.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.Lang.domainName: not allowed on this row; allowed: on a DomainName row (DomainName, DomainName.N, X.N.DomainName)',
    },
  ],
  [
    'a $ref to a schema the spec lacks',
    {
      given: 'unknown-schema.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.DomainName.$ref: "#/components/schemas/HostNames" is not allowed; allowed: #/components/schemas/DomainName, #/components/schemas/IdentityCredentialType, #/components/schemas/HostName',
    },
  ],
  [
    'a type beside a $ref, which would be ignored',
    {
      given: 'type-with-ref.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.Lang.type: has no effect on a row whose value is a $ref; allowed: the other properties',
    },
  ],
  [
    'a retry rule whose pattern is no regular expression',
    {
      given: 'bad-pattern.operations.yaml',
      want: '<dir>/operations.yaml: retryRules[0].pattern: "^(Query|Check" is not allowed; allowed: a regular expression',
    },
  ],
  [
    'an erratum of an unknown kind',
    {
      given: 'unknown-erratum-kind.errata.yaml',
      want: '<dir>/errata.yaml: CheckDomain[0].kind: "typo" is not allowed; allowed: example-disagrees-with-table, invalid-example, long-with-date-example, malformed-json, malformed-xml, name-differs, other, required-differs, type-mismatch, xml-fragment',
    },
  ],
  [
    'an erratum without its detail',
    { given: 'erratum-without-detail.errata.yaml', want: '<dir>/errata.yaml: CheckDomain[0]: detail is missing; required: kind, detail' },
  ],
  [
    'a document.yaml without one of its sections',
    {
      given: 'missing-section.document.yaml',
      want: '<dir>/document.yaml: (top level): errorCodes is missing; required: source, servers, chapters, commonParameters, securitySchemes, errorResponse, errorExample, errorResponses, errorCodes, domainNameRules, identityCredentialType, nameSchemas',
    },
  ],
  [
    'an added error code without a reason',
    {
      given: 'error-code-without-reason.document.yaml',
      want: '<dir>/document.yaml: errorCodes[0]: reason is missing; required: code, message, description, reason',
    },
  ],
  [
    'no document.yaml',
    {
      given: 'no-document.summaries.yaml',
      without: 'document.yaml',
      want: '<dir>/document.yaml: missing file; required: what the document states in prose (common parameters, servers, chapters…)',
    },
  ],
];

describe('loadOverrides: one line per mistake', () => {
  for (const [name, { given, without, want }] of loadCases) {
    test(name, () => {
      const dir = caseDir(given, without !== 'document.yaml');
      assert.deepEqual(
        reported(dir, () => loadOverrides(dir)),
        [want],
      );
    });
  }
});

/** @type {[string, { given: string, want: string }][]} */
const targetCases = [
  [
    'an Action the document lacks, with the nearest name',
    {
      given: 'unknown-action.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomian: no such Action; did you mean CheckDomain?',
    },
  ],
  [
    'an Action the document lacks, nothing near',
    {
      given: 'unknown-action-far.summaries.yaml',
      want: '<dir>/summaries.yaml: SetupDomainAutoRenew: no such Action; allowed: CheckDomain, SaveBatchTaskForModifyingDomainDns, LookupTmchNotice',
    },
  ],
  [
    'a request row the table lacks, with the nearest name',
    {
      given: 'unknown-row.operations.yaml',
      want: '<dir>/operations.yaml: actions.CheckDomain.params.Domain: the request table has no row Domain; did you mean DomainName?',
    },
  ],
  [
    'an enum on a Boolean row, which would be ignored',
    {
      given: 'enum-on-boolean-row.operations.yaml',
      want: '<dir>/operations.yaml: actions.SaveBatchTaskForModifyingDomainDns.params.AliyunDns.enum: has no effect on a Boolean row; allowed: on a row of another type',
    },
  ],
  [
    "enum values not of the row's type",
    {
      given: 'enum-not-of-type.operations.yaml',
      want: "<dir>/operations.yaml: actions.CheckDomain.params.FeePeriod.enum: ten not of the row's type Integer; allowed: integers",
    },
  ],
  [
    'a move of a response field the tree lacks',
    {
      given: 'move-unknown-field.operations.yaml',
      want: '<dir>/operations.yaml: actions.LookupTmchNotice.response.move.Claims.MarkName: no such response field; allowed: Claims, Claims.JurDesc, Claims.JurDesc.MarkName, RequestId',
    },
  ],
  [
    'a move into a field that holds no fields',
    {
      given: 'move-to-scalar.operations.yaml',
      want: '<dir>/operations.yaml: actions.LookupTmchNotice.response.move.Claims.JurDesc.MarkName: "RequestId" is not a response object; allowed: (root: ""), Claims, Claims.JurDesc',
    },
  ],
  [
    "an erratum's param the request table lacks",
    {
      given: 'erratum-unknown-param.errata.yaml',
      want: '<dir>/errata.yaml: CheckDomain[0].param: the request table has no row DomainNames; did you mean DomainName?',
    },
  ],
  [
    "an erratum's field the response table lacks",
    {
      given: 'erratum-unknown-field.errata.yaml',
      want: '<dir>/errata.yaml: CheckDomain[0].field: the response table has no field Available; allowed: Avail, DynamicCheck, RequestId',
    },
  ],
  [
    "a field's erratum at a line that is not its row's, which would attach to nothing",
    {
      given: 'erratum-field-wrong-line.errata.yaml',
      want: '<dir>/errata.yaml: CheckDomain[0].line: 19 is not the line of Avail; allowed: 20',
    },
  ],
  [
    'a tag of no Action, which would render as an empty group',
    { given: 'tag-without-actions.tags.yaml', want: '<dir>/tags.yaml: tags[0].actions: a tag of no Action; allowed: one or more Actions' },
  ],
  [
    'an Action in two tags, which generators would emit twice',
    {
      given: 'tag-action-twice.tags.yaml',
      want: '<dir>/tags.yaml: tags[1].actions[0]: CheckDomain is already in tag availability; allowed: one tag per Action',
    },
  ],
  [
    'a chapter the table of contents lacks',
    { given: 'unknown-chapter.document.yaml', want: '<dir>/document.yaml: chapters.7: no such chapter; allowed: 5' },
  ],
];

describe('checkOverrideTargets: every name exists in the document', () => {
  for (const [name, { given, want }] of targetCases) {
    test(name, () => {
      const dir = caseDir(given);
      const overrides = loadOverrides(dir);
      assert.deepEqual(
        reported(dir, () => checkOverrideTargets(overrides, actions)),
        [want],
      );
    });
  }
});

describe('the committed spec/overrides/', () => {
  test('loads cleanly, in the shape the build reads', () => {
    const overrides = loadOverrides();
    assert.deepEqual(Object.keys(overrides), ['summaries', 'tags', 'actions', 'retryRules', 'errata', 'vocabulary', 'document']);
    assert.ok(Object.keys(overrides.actions).length > 0);
  });

  test('is named spec/overrides/<file> in the lines', () => {
    const [first] = reported('', () => checkOverrideTargets(loadOverrides(), actions));
    assert.match(first ?? '', /^spec\/overrides\/summaries\.yaml: \w+: no such Action/);
  });
});
