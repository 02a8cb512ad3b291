// spec:diff's comparison, one row per kind of change: base.yaml against base.yaml with one JSON
// Patch of changes.yaml applied (or the other way round, for the reverse of a patched change).
import { describe, expect, it } from 'vitest';
import { diffModels, type Change } from '../../src/diff/compare.js';
import { RULES } from '../../src/diff/rules.js';
import { buildModel } from '../../src/model.js';
import { base, changed, patchNames } from './fixture.js';

type Row = Omit<Change, 'class'>;
const L = 'ListThings';
const S = 'SubmitThing';
const row = (kind: Row['kind'], action: string, target: string, detail: string): Row => ({ kind, action, target, detail });

// [patch in changes.yaml, diffed from base to patched (or reversed), the changes expected]
const cases: [string, { patch: string; reverse?: boolean; want: Row[] }][] = [
  [
    'api-version-changed',
    { patch: 'api-version-changed', want: [row('api-version-changed', '', 'info.version', '2018-01-29 → 2019-01-01')] },
  ],
  [
    'client-renamed',
    { patch: 'client-renamed', want: [row('client-renamed', '', 'x-alidomain-product.client', 'FixtureClient → ThingClient')] },
  ],
  [
    'endpoint-changed',
    {
      patch: 'endpoint-changed',
      want: [row('endpoint-changed', '', 'servers[0].url', 'https://fixture.aliyuncs.com → https://things.aliyuncs.com')],
    },
  ],
  ['product-renamed', { patch: 'product-renamed', want: [row('product-renamed', '', 'x-alidomain-product.name', 'Fixture → Thing')] }],
  ['action-added', { patch: 'action-added', want: [row('action-added', 'DeleteThing', '', 'POST deleteThing(), idempotent')] }],
  ['action-removed', { patch: 'action-removed', want: [row('action-removed', S, '', 'POST submitThing()')] }],
  ['method-changed', { patch: 'method-changed', want: [row('method-changed', L, '', 'GET → POST')] }],
  ['retry-became-unsafe', { patch: 'retry-became-unsafe', want: [row('retry-became-unsafe', L, '', 'safe → unsafe')] }],
  ['retry-became-retryable', { patch: 'retry-became-retryable', want: [row('retry-became-retryable', S, '', 'unsafe → idempotent')] }],
  ['retry-class-changed', { patch: 'retry-class-changed', want: [row('retry-class-changed', L, '', 'safe → idempotent')] }],
  [
    'paginator-added',
    {
      patch: 'paginator-removed',
      reverse: true,
      want: [row('param-added-required', L, 'PageSize', 'int32, scalar'), row('paginator-added', L, '', 'page paging over Data.Thing')],
    },
  ],
  [
    'paginator-removed',
    {
      patch: 'paginator-removed',
      want: [row('paginator-removed', L, '', 'page paging over Data.Thing'), row('param-removed', L, 'PageSize', 'required int32')],
    },
  ],
  [
    'paginator-changed',
    {
      patch: 'paginator-changed',
      want: [
        row(
          'paginator-changed',
          L,
          '',
          'page paging over Data.Thing driven by PageNum (total TotalPageNum) → page paging over Data.Thing driven by PageNum',
        ),
        row('field-removed', L, 'TotalPageNum', 'optional int32'),
      ],
    },
  ],
  ['param-added-required', { patch: 'param-added-required', want: [row('param-added-required', L, 'Owner', 'string, scalar')] }],
  ['param-added-optional', { patch: 'param-added-optional', want: [row('param-added-optional', L, 'Owner', 'string, scalar')] }],
  ['param-removed', { patch: 'param-removed', want: [row('param-removed', L, 'Tag', 'optional object[]')] }],
  [
    'param-became-required',
    { patch: 'param-became-required', want: [row('param-became-required', L, 'DomainName', 'optional → required')] },
  ],
  ['param-became-optional', { patch: 'param-became-optional', want: [row('param-became-optional', L, 'PageNum', 'required → optional')] }],
  ['param-type-changed', { patch: 'param-type-changed', want: [row('param-type-changed', L, 'PageNum', 'int32 → int64')] }],
  ['param-enum-value-added', { patch: 'param-enum-value-added', want: [row('param-enum-value-added', L, 'Status', 'value "pending"')] }],
  [
    'param-enum-value-removed',
    { patch: 'param-enum-value-removed', want: [row('param-enum-value-removed', L, 'Status', 'value "closed"')] },
  ],
  ['param-enum-added', { patch: 'param-enum-added', want: [row('param-enum-added', L, 'Tag[].Value', 'values "prod", "test"')] }],
  ['param-enum-dropped', { patch: 'param-enum-dropped', want: [row('param-enum-dropped', L, 'Status', 'was "open", "closed"')] }],
  [
    'param-style-changed',
    { patch: 'param-style-changed', want: [row('param-style-changed', L, 'DomainName', 'repeatList → json (DomainName.N → DomainName)')] },
  ],
  [
    'param-wire-name-changed',
    { patch: 'param-wire-name-changed', want: [row('param-wire-name-changed', L, 'Tag', 'Tag.N.<Field> → Tags.N.<Field>')] },
  ],
  ['param-location-changed', { patch: 'param-location-changed', want: [row('param-location-changed', S, 'Credential', 'body → query')] }],
  ['param-limit-tightened', { patch: 'param-limit-tightened', want: [row('param-limit-tightened', L, 'PageSize', 'maximum 100 → 50')] }],
  ['param-limit-loosened', { patch: 'param-limit-loosened', want: [row('param-limit-loosened', L, 'Tag[].Key', 'maxLength 64 → 128')] }],
  ['param-default-changed', { patch: 'param-default-changed', want: [row('param-default-changed', L, 'Status', '"open" → "closed"')] }],
  ['param-docs-changed', { patch: 'param-docs-changed', want: [row('param-docs-changed', L, 'DomainName', 'description changed')] }],
  ['field-added', { patch: 'field-added', want: [row('field-added', L, 'Data.Thing[].Owner', 'optional string')] }],
  ['field-removed', { patch: 'field-removed', want: [row('field-removed', L, 'Data.Thing[].Size', 'optional int64')] }],
  [
    'field-became-optional',
    { patch: 'field-became-optional', want: [row('field-became-optional', L, 'RequestId', 'required → optional')] },
  ],
  [
    'field-became-required',
    { patch: 'field-became-required', want: [row('field-became-required', L, 'TotalPageNum', 'optional → required')] },
  ],
  ['field-type-changed', { patch: 'field-type-changed', want: [row('field-type-changed', L, 'Data.Thing[].Size', 'int64 → int32')] }],
  [
    'field-enum-value-added',
    { patch: 'field-enum-value-added', want: [row('field-enum-value-added', L, 'Data.Thing[].State', 'value "suspended"')] },
  ],
  [
    'field-enum-value-removed',
    { patch: 'field-enum-value-removed', want: [row('field-enum-value-removed', L, 'Data.Thing[].State', 'value "expired"')] },
  ],
  ['field-enum-added', { patch: 'field-enum-added', want: [row('field-enum-added', L, 'Data.Thing[].Name', 'values "a", "b"')] }],
  [
    'field-enum-dropped',
    { patch: 'field-enum-dropped', want: [row('field-enum-dropped', L, 'Data.Thing[].State', 'was "active", "expired"')] },
  ],
  ['list-wrapper-changed', { patch: 'list-wrapper-changed', want: [row('list-wrapper-changed', L, 'Data', 'Thing → no wrapper')] }],
  [
    'field-docs-changed',
    { patch: 'field-docs-changed', want: [row('field-docs-changed', L, 'Data.Thing[].State', 'description changed')] },
  ],
  ['action-docs-changed', { patch: 'action-docs-changed', want: [row('action-docs-changed', L, '', 'summary changed')] }],
  ['error-code-added', { patch: 'error-code-added', want: [row('error-code-added', '', 'InvalidThing', 'added to CommonErrorCode')] }],
  [
    'error-code-removed',
    { patch: 'error-code-removed', want: [row('error-code-removed', '', 'Throttling', 'removed from CommonErrorCode')] },
  ],
  [
    'error-code-docs-changed',
    { patch: 'error-code-docs-changed', want: [row('error-code-docs-changed', '', 'MissingParameter', 'description changed')] },
  ],
];

const withClass = (r: Row): Change => ({ class: RULES[r.kind].class, ...r });

describe('spec:diff compare', () => {
  it.each(cases)('reports %s', (_kind, { patch, reverse, want }) => {
    const [a, b] = [buildModel(base()), buildModel(changed(patch))];
    const { changes } = reverse ? diffModels(b, a) : diffModels(a, b);
    expect(changes).toEqual(want.map(withClass));
  });

  it('has a row for every kind of change in rules.ts', () => {
    expect(new Set(cases.flatMap(([, c]) => c.want.map((r) => r.kind)))).toEqual(new Set(Object.keys(RULES)));
  });

  it('uses every patch of changes.yaml', () => {
    expect(new Set(cases.map(([, c]) => c.patch))).toEqual(new Set(patchNames()));
  });

  it('finds no change between a spec and itself', () => {
    expect(diffModels(buildModel(base()), buildModel(base()))).toEqual({ changes: [], bump: 'none' });
  });

  const bumps: [string, { patches: string[]; want: string }][] = [
    ['major when anything breaks', { patches: ['param-became-required', 'action-added', 'param-docs-changed'], want: 'major' }],
    ['minor when the most is a non-breaking change', { patches: ['action-added', 'param-docs-changed'], want: 'minor' }],
    ['patch when only docs change', { patches: ['param-docs-changed'], want: 'patch' }],
  ];
  it.each(bumps)('suggests %s', (_name, { patches, want }) => {
    const { changes, bump } = diffModels(buildModel(base()), buildModel(changed(...patches)));
    expect(changes).toHaveLength(patches.length);
    expect(bump).toBe(want);
  });

  it('orders changes by class, then Action and target', () => {
    const { changes } = diffModels(buildModel(changed('paginator-removed')), buildModel(base()));
    expect(changes.map((c) => [c.class, c.action, c.target])).toEqual([
      ['breaking', L, 'PageSize'],
      ['non-breaking', L, ''],
    ]);
  });
});
