// Line fixtures for the reader tests: small excerpts of the document as document.mjs leaves
// them (page furniture removed), one file each under fixtures/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * The file's lines, numbered from 1 as the reader numbers the document's.
 * @param {string} name a file of fixtures/
 * @returns {import('../lib/types.js').Line[]}
 */
export function fixtureLines(name) {
  return fixtureText(name)
    .split('\n')
    .map((text, i) => ({ n: i + 1, text }));
}

/**
 * The file's raw lines, as the document file has them (for the readers of raw text).
 * @param {string} name
 */
export function fixtureRaw(name) {
  return fixtureText(name).split('\n');
}

/** @param {string} name */
function fixtureText(name) {
  return readFileSync(join(dir, name), 'utf8').replace(/\n$/, '');
}
