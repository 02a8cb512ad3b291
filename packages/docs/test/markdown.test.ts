// The Markdown: a page per Action, an index linking them all by group, links that resolve.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMarkdown, getModel, listFiles, markdownFiles, packageRoot } from './build.js';

let dir: string;
beforeAll(() => {
  dir = buildMarkdown();
});

const anchorsOf = (file: string) => new Set([...readFileSync(file, 'utf8').matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
/** Inline links `[text](target)` outside code spans and fences. */
function links(md: string): string[] {
  const text = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe('the Markdown docs', () => {
  it('has a page for every Action, the index and the signing page', () => {
    const files = listFiles(dir);
    for (const a of getModel().actions) expect(files).toContain(`actions/${a.name}.md`);
    expect(files).toContain('README.md');
    expect(files).toContain('signing.md');
    expect(files).toHaveLength(getModel().actions.length + 2);
  });

  it('links every Action from the index, under its group, in the model order', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const model = getModel();
    const linked = links(readme).filter((l) => l.startsWith('actions/'));
    expect(linked).toEqual(model.groups.flatMap((g) => g.actions.map((a) => `actions/${a.name}.md`)));
    let at = 0;
    for (const g of model.groups) {
      const heading = readme.indexOf(`## ${g.name}`);
      expect(heading).toBeGreaterThan(at);
      at = heading;
      for (const a of g.actions) expect(readme.indexOf(`(actions/${a.name}.md)`)).toBeGreaterThan(heading);
    }
  });

  it('has no broken relative link or anchor', () => {
    const broken: string[] = [];
    for (const page of listFiles(dir)) {
      const file = join(dir, page);
      for (const ref of links(readFileSync(file, 'utf8'))) {
        if (/^https?:/.test(ref)) continue;
        const [path, fragment] = ref.split('#', 2);
        const target = path ? normalize(join(dirname(file), path)) : file;
        if (!existsSync(target)) broken.push(`${page}: missing ${ref}`);
        else if (fragment && !anchorsOf(target).has(fragment)) broken.push(`${page}: missing #${fragment}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives each Action page its sections, a parameter table and a TypeScript call', () => {
    const md = readFileSync(join(dir, 'actions/CheckDomain.md'), 'utf8');
    for (const h of [
      '## Description',
      '## Request parameters',
      '## Response fields',
      '## Examples',
      '## Errors',
      '## Retry',
      '## TypeScript',
      '## Document errata',
    ])
      expect(md).toContain(h);
    expect(md).toMatch(/\| <a id="param-DomainName"><\/a>`DomainName` \| string \| \*\*required\*\* \|/);
    expect(md).toContain("const res = await client.checkDomain({\n  DomainName: 'example.xin',\n});");
    expect(md).toContain('```json');
    expect(md).toContain('```xml');
    const list = readFileSync(join(dir, 'actions/SaveBatchTaskForModifyingDomainDns.md'), 'utf8');
    expect(list).toContain('`DomainName.N`');
    expect(list).toContain('// On the wire: DomainName.1=example.com');
  });

  it('escapes | inside table cells: every row has as many cells as its header', () => {
    const escaped: string[] = [];
    for (const page of listFiles(dir)) {
      let width = 0;
      for (const line of readFileSync(join(dir, page), 'utf8').split('\n')) {
        if (!line.startsWith('| ')) {
          width = 0;
          continue;
        }
        if (line.includes('\\|')) escaped.push(page);
        const cells = line.replace(/\\\|/g, '').split('|').length;
        if (!width) width = cells;
        expect(cells, `${page}: ${line.slice(0, 80)}`).toBe(width);
      }
    }
    // The document's "取值为true |false" (AliyunDns) is a cell text with a | in it.
    expect(escaped).toContain('actions/SaveSingleTaskForCreatingOrderActivate.md');
  });

  it('is what packages/docs/markdown holds', () => {
    const files = markdownFiles();
    const committed = join(packageRoot, 'markdown');
    expect(listFiles(committed)).toEqual(Object.keys(files).sort());
    for (const [name, content] of Object.entries(files)) expect(readFileSync(join(committed, name), 'utf8') === content, name).toBe(true);
  });
});
