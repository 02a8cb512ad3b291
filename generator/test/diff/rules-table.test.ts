// The table of spec:diff rules in spec/README.md is rules.ts's: same kinds, classes and wording.
// It sits between two markers there; prettier may pad its cells.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, rulesTable } from '../../src/diff/rules.js';

const START = '<!-- spec:diff rules (generator/src/diff/rules.ts; checked by generator/test/diff/rules-table.test.ts) -->';
const END = '<!-- /spec:diff rules -->';

/** The rows of the first markdown table in `text`, as trimmed cells, without the header and rule lines. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

describe('spec:diff rules table', () => {
  it('prints one row per rule', () => {
    expect(rows(rulesTable())).toHaveLength(Object.keys(RULES).length);
  });

  it('is the table in spec/README.md', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../spec/README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END, start);
    expect(start, `spec/README.md: expected the rules table between ${START} and ${END}`).toBeGreaterThanOrEqual(0);
    expect(rows(readme.slice(start, end))).toEqual(rows(rulesTable()));
  });
});
