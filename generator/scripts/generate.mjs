#!/usr/bin/env node
// `npm run generate [-- --check] [-- --spec <file>]` at the repository root.
//
// The repository's spec goes through turbo, cached on its inputs (the spec, the generator's
// sources), so a run with nothing changed skips the generator. The generated trees are committed
// and turbo hashes committed outputs as inputs too (turbo 2.11), which made the second run after a
// change a miss; so turbo.json declares only the untracked outputs, and this script keeps the
// committed trees honest where a cache hit could leave them wrong:
// - `--spec <file>` (a file that is not among turbo's inputs, and may lie anywhere) and `--check`
//   go straight to the generator, uncached;
// - the generator stamps what it last generated from (the spec's sha256, generator/src/cli.ts
//   STAMP); when the stamp is not the repository spec's (after a `--spec` run, a spec changed back
//   by a checkout, a fresh clone), turbo is told to regenerate instead of trusting its cache.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The same file and hash as generator/src/cli.ts STAMP and specHash (this script runs before the
// generator is built, so it cannot import them).
const stampPath = join(root, 'node_modules/.cache/alidomain-generator/generated-from.json');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

function stampMatchesSpec() {
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    return stamp.spec === sha256(readFileSync(join(root, 'spec/openapi.yaml'), 'utf8'));
  } catch {
    return false;
  }
}

const args = process.argv.slice(2);
const at = args.indexOf('--spec');
// The path as the user typed it, from where they typed it (npm runs scripts at the root); a
// missing file argument is left for the generator to report.
const file = at >= 0 ? args[at + 1] : undefined;
if (file !== undefined && !file.startsWith('--')) args[at + 1] = resolve(process.env.INIT_CWD ?? process.cwd(), file);
const direct = at >= 0 || args.includes('--check');

const [command, argv] = direct
  ? ['npm', ['run', '--silent', 'generate', '-w', '@alidomain/generator', '--', ...args]]
  : ['turbo', ['run', 'generate', ...(stampMatchesSpec() ? [] : ['--force']), '--', ...args]];
process.exit(spawnSync(command, argv, { stdio: 'inherit' }).status ?? 1);
