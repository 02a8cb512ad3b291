// The site's stylesheet and script are hand-written files (generator/assets/docs-site/), copied
// into the site as they are, under one line naming their source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, siteFiles } from './build.js';

const files = siteFiles();

describe('the site assets', () => {
  it.each([
    ['assets/style.css', 'style.css'],
    ['assets/search.js', 'search.js'],
  ])('%s is generator/assets/docs-site/%s below a header line', (output, source) => {
    const text = files[output]!;
    const [header, ...rest] = text.split('\n');
    expect(header).toContain(`generator/assets/docs-site/${source}`);
    expect(rest.join('\n')).toBe(readFileSync(join(repoRoot, 'generator/assets/docs-site', source), 'utf8'));
  });
});
