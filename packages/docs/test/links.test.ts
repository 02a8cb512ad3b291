// Every internal link of the built site resolves: relative href/src point at files that exist,
// and every #fragment at an element id of the target page. The search index's links too.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, getModel, listFiles, packageRoot, siteFiles, unescapeHtml } from './build.js';

let dir: string;
let pages: string[];
const ids = new Map<string, Set<string>>();
const idsOf = (file: string): Set<string> => {
  let set = ids.get(file);
  if (!set) {
    set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!)));
    ids.set(file, set);
  }
  return set;
};

beforeAll(() => {
  dir = buildSite();
  pages = listFiles(dir).filter((f) => f.endsWith('.html'));
});

/** Problems with one reference from `from` (a file in the site), or undefined when it resolves. */
function check(from: string, ref: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//'))
    return /^(data|https?|mailto):/i.test(ref) ? undefined : `unexpected scheme: ${ref}`;
  const [path, fragment] = ref.split('#', 2) as [string, string | undefined];
  const target = path ? normalize(join(dirname(from), decodeURIComponent(path))) : from;
  if (!relative(dir, target) || relative(dir, target).startsWith('..')) return `leaves the site: ${ref}`;
  if (!existsSync(target)) return `missing file: ${ref}`;
  if (fragment !== undefined && !idsOf(target).has(decodeURIComponent(fragment))) return `missing #${fragment} in ${relative(dir, target)}`;
  return undefined;
}

describe('the built site', () => {
  it('has the index, the signing page, one page per Action and its assets', () => {
    const files = listFiles(dir);
    expect(files).toContain('index.html');
    expect(files).toContain('signing.html');
    for (const a of getModel().actions) expect(files).toContain(`actions/${a.name}.html`);
    expect(pages).toHaveLength(getModel().actions.length + 2);
    for (const asset of ['assets/style.css', 'assets/search.js', 'assets/search-index.js']) expect(files).toContain(asset);
  });

  it('has no broken internal link (href and src, files and #fragments)', () => {
    const broken: string[] = [];
    let count = 0;
    for (const page of pages) {
      const file = join(dir, page);
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        count++;
        const problem = check(file, unescapeHtml(m[1]!));
        if (problem) broken.push(`${page}: ${problem}`);
      }
    }
    expect(broken).toEqual([]);
    // Every Action page links to every other (the navigation): at least n² links in all.
    expect(count).toBeGreaterThan(getModel().actions.length ** 2);
  });

  it('links every Action from the sidebar of every page', () => {
    for (const page of pages) {
      const html = readFileSync(join(dir, page), 'utf8');
      const nav = html.slice(html.indexOf('<nav id="sidebar"'), html.indexOf('</nav>', html.indexOf('<nav id="sidebar"')));
      const prefix = page.startsWith('actions/') ? '' : 'actions/';
      const linked = new Set([...nav.matchAll(/href="(?:\.\.\/)?(?:actions\/)?([A-Za-z]+)\.html"/g)].map((m) => m[1]));
      for (const a of getModel().actions) expect(linked.has(a.name), `${page} → ${prefix}${a.name}`).toBe(true);
    }
  });

  it('gives every element id once per page, and every parameter and response field an anchor', () => {
    for (const page of pages) {
      const all = [...readFileSync(join(dir, page), 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      const dupes = all.filter((id, i) => all.indexOf(id) !== i);
      expect(dupes, page).toEqual([]);
    }
    for (const a of getModel().actions) {
      const set = idsOf(join(dir, `actions/${a.name}.html`));
      for (const p of a.params) expect(set.has(`param-${p.name}`), `${a.name} ${p.name}`).toBe(true);
      for (const f of a.response.fields) expect(set.has(`field-${f.name}`), `${a.name} ${f.name}`).toBe(true);
    }
  });

  it('resolves every link of the search index', () => {
    const sandbox: { window: { ALIDOMAIN_SEARCH?: { actions: { n: string; p: [string, string][] }[] } } } = { window: {} };
    runInNewContext(readFileSync(join(dir, 'assets/search-index.js'), 'utf8'), sandbox);
    const index = sandbox.window.ALIDOMAIN_SEARCH!;
    expect(index.actions.map((a) => a.n)).toEqual(getModel().actions.map((a) => a.name));
    const from = join(dir, 'index.html');
    const broken: string[] = [];
    for (const a of index.actions) {
      for (const ref of [`actions/${a.n}.html`, ...a.p.map(([id]) => `actions/${a.n}.html#${id}`)]) {
        const problem = check(from, ref);
        if (problem) broken.push(problem);
      }
    }
    expect(broken).toEqual([]);
  });

  it('escapes the document text (no raw markup from examples or descriptions)', () => {
    const html = readFileSync(join(dir, 'actions/CheckDomain.html'), 'utf8');
    expect(html).toContain('&amp;&lt;公共请求参数&gt;');
    expect(html).not.toContain('<公共请求参数>');
  });

  it('is what packages/docs/site holds (the shipped site is the tested one)', () => {
    const files = siteFiles();
    const committed = join(packageRoot, 'site');
    expect(listFiles(committed)).toEqual(Object.keys(files).sort());
    for (const [name, content] of Object.entries(files)) expect(readFileSync(join(committed, name), 'utf8') === content, name).toBe(true);
  });
});
