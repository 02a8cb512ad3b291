// Generated TypeScript goes through prettier with the repository's .prettierrc.json; the docs'
// Markdown and HTML are written as their emitters lay them out.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFiles } from '../src/format.js';

const root = resolve(import.meta.dirname, '../..');
const fixture = readFileSync(join(import.meta.dirname, 'fixtures/format/unformatted.ts'), 'utf8');

describe('formatFiles', () => {
  it('formats TypeScript with single quotes, trailing commas and two-space indents', async () => {
    const { 'meta.ts': out } = await formatFiles(root, { 'meta.ts': fixture });
    expect(out).toBe(
      [
        'export const meta = {',
        "  action: 'CheckDomain',",
        "  params: [{ name: 'DomainName' }, { name: 'FeePeriod', type: 'int32' }],",
        '};',
        '',
      ].join('\n'),
    );
  });

  it('gives the same text when run on its own output', async () => {
    const once = await formatFiles(root, { 'meta.ts': fixture });
    expect(await formatFiles(root, once)).toEqual(once);
  });

  it('leaves Markdown and HTML as the emitters wrote them', async () => {
    const files = { 'README.md': '| a | b |\n| --- | --- |\n| long cell | x |\n', 'index.html': '<p><code>x</code></p>\n' };
    expect(await formatFiles(root, files)).toEqual(files);
  });
});
