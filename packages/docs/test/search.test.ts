// The site's search ranking (generator/assets/docs-site/search.js), run in node without a page:
// the script exposes its pure functions as window.alidomainSearch and stops before the DOM.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './build.js';

interface Result {
  score: number;
  kind: 'Action' | 'Parameter';
  name: string;
  desc: string;
  href: string;
}
interface SearchLib {
  MAX: number;
  rank(hay: string, q: string): number;
  prepare(data: unknown): unknown[];
  search(actions: unknown[], q: string): Result[];
}

function loadSearch(): SearchLib {
  const window: { alidomainSearch?: SearchLib } = {};
  runInNewContext(readFileSync(join(repoRoot, 'generator/assets/docs-site/search.js'), 'utf8'), { window });
  return window.alidomainSearch!;
}

const lib = loadSearch();
const index = lib.prepare(JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/search-index.json'), 'utf8')));
const find = (q: string) => lib.search(index, q).map((r) => `${r.kind} ${r.name}`);

describe('rank', () => {
  it.each([
    ['checkdomain', 'checkdomain', 0],
    ['checkdomainsunriseclaim', 'checkdomain', 1],
    ['querytasklist', 'task', 2],
    ['querytasklist', 'domain', -1],
  ])('ranks %s for the query %s as %i', (hay, q, expected) => {
    expect(lib.rank(hay, q)).toBe(expected);
  });
});

describe('search', () => {
  it('puts the Action named exactly by the query before those that start with it', () => {
    expect(find('checkdomain').slice(0, 2)).toEqual(['Action CheckDomain', 'Action CheckDomainSunriseClaim']);
  });

  it('finds a parameter by its wire name and links to its row', () => {
    const hit = lib.search(index, 'feecommand').find((r) => r.kind === 'Parameter');
    expect(hit).toMatchObject({ name: 'FeeCommand', desc: 'in CheckDomain', href: 'actions/CheckDomain.html#param-FeeCommand' });
  });

  it('ranks Actions by name above parameters of the same match', () => {
    expect(find('domain')).toEqual([
      'Action CheckDomainSunriseClaim',
      'Action CheckDomain',
      'Parameter DomainName',
      'Parameter DomainName',
    ]);
  });

  it('lists parameters named by the query before the Actions that merely have them', () => {
    expect(find('domainname')).toEqual([
      'Parameter DomainName',
      'Parameter DomainName',
      'Action CheckDomainSunriseClaim',
      'Action CheckDomain',
    ]);
  });

  it('keeps the document order between results that rank alike', () => {
    const params = lib.search(index, 'domainname').filter((r) => r.kind === 'Parameter');
    expect(params.map((r) => r.desc)).toEqual(['in CheckDomainSunriseClaim', 'in CheckDomain']);
  });

  it('matches an Action whose summary holds every word of the query', () => {
    expect(find('tasks time range')).toEqual(['Action QueryTaskList']);
  });

  it('matches the Chinese original of the description', () => {
    expect(find('商标')).toEqual(['Action CheckDomainSunriseClaim']);
  });

  it('matches the English description', () => {
    expect(find('protection period')).toEqual(['Action CheckDomainSunriseClaim']);
  });

  it('finds nothing for a word no Action has', () => {
    expect(find('nameserver')).toEqual([]);
  });
});
