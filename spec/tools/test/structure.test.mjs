// The response nesting of spec/tools/lib/structure.mjs: which object each row of a flat response
// table belongs to, from the examples' key sets and, where they are silent, alphabetical order.
// Run: node --test spec/tools/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nestRows } from '../lib/structure.mjs';
import { keyIndex } from '../lib/examples.mjs';

/**
 * A response row as the table reader gives it; only name and type matter here.
 * @param {string} spec "Name Type"
 * @returns {import('../lib/types.js').Row}
 */
const row = (spec) => {
  const [name = '', type = 'String'] = spec.split(' ');
  return { name, type, itemType: undefined, required: false, line: 0, example: '', paragraphs: [] };
};

/**
 * The tree as nested names: `{ Data: { Domain: {} }, RequestId: null }` (null for a scalar).
 * @param {import('../lib/types.js').TreeNode} node
 * @returns {Record<string, unknown>}
 */
const names = (node) => Object.fromEntries((node.children ?? []).map((c) => [c.row.name, c.children ? names(c) : null]));

/** @type {[string, { given: { rows: string[], example?: unknown }, want: Record<string, unknown> }][]} */
const cases = [
  [
    'rows after a container belong to it while they sort after their predecessor',
    {
      given: { rows: ['Data Array', 'Avail String', 'DomainName String', 'RequestId String'] },
      want: { Data: { Avail: null, DomainName: null }, RequestId: null },
    },
  ],
  [
    'a name that sorts before its predecessor has left the object',
    { given: { rows: ['Data Array', 'Price Long', 'Currency String'] }, want: { Data: { Price: null }, Currency: null } },
  ],
  [
    "the example's key set keeps a field inside, out of order or not",
    {
      given: { rows: ['Data Array', 'Price Long', 'Currency String'], example: { Data: [{ Price: 1, Currency: 'CNY' }] } },
      want: { Data: { Price: null, Currency: null } },
    },
  ],
  [
    'the example places a field further out: it leaves, in order or not',
    {
      given: { rows: ['Data Array', 'Avail String', 'TotalCount Integer'], example: { Data: [{ Avail: '1' }], TotalCount: 1 } },
      want: { Data: { Avail: null }, TotalCount: null },
    },
  ],
  [
    'a wrapper object ({"Domain": [...]}) makes its items\' keys known under the outer name',
    {
      given: { rows: ['Data Array', 'Price Long', 'Currency String'], example: { Data: { Domain: [{ Price: 1, Currency: 'CNY' }] } } },
      want: { Data: { Price: null, Currency: null } },
    },
  ],
  [
    'containers nest: a Struct inside an Array',
    {
      given: {
        rows: ['Data Array', 'Claim Struct', 'Mark String', 'Name String'],
        example: { Data: [{ Claim: { Mark: 'x' }, Name: 'n' }] },
      },
      want: { Data: { Claim: { Mark: null }, Name: null } },
    },
  ],
  [
    'RequestId is always a field of the body itself',
    {
      given: { rows: ['Data Array', 'Avail String', 'RequestId String', 'TotalCount Integer'] },
      want: { Data: { Avail: null }, RequestId: null, TotalCount: null },
    },
  ],
];

describe('nestRows', () => {
  for (const [name, { given, want }] of cases) {
    test(name, () => assert.deepEqual(names(nestRows(given.rows.map(row), keyIndex(given.example))), want));
  }
});
