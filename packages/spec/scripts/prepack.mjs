// prepack: refuses to pack unless dist/ holds the repository's current spec. dist/ is written by
// the generator (`npm run generate`), which writes every generated package at once; packing one
// package should not rewrite four others, so this checks instead of building.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const here = join(import.meta.dirname, '..');
const repo = join(here, '../..');

function problem() {
  if (!existsSync(join(here, 'dist/openapi.json'))) return 'dist/openapi.json is missing';
  // Verbatim copies of the repository's files (openapi.json is the same document as JSON).
  for (const [built, source] of [
    ['dist/openapi.yaml', 'spec/openapi.yaml'],
    ['dist/ERRATA.md', 'spec/ERRATA.md'],
  ]) {
    if (!existsSync(join(repo, source))) continue;
    if (!existsSync(join(here, built))) return `${built} is missing`;
    if (readFileSync(join(here, built), 'utf8') !== readFileSync(join(repo, source), 'utf8')) return `${built} does not match ${source}`;
  }
  return undefined;
}

const found = problem();
if (found) {
  console.error(`@alidomain/spec: ${found}; run \`npm run generate\` at the repository root, then pack again.`);
  process.exit(1);
}
