#!/usr/bin/env node
// `npm run generate [-- --check] [-- --spec <file>]` at the repository root.
//
// The repository's spec goes through turbo, cached on its inputs (the spec, the generator's
// sources), so a run with nothing changed skips the generator. The generated trees are committed
// and turbo hashes committed outputs as inputs too (turbo 2.11), which made the second run after a
// change a miss; so turbo.json declares only the untracked outputs, and this script keeps the
// committed trees honest in the two cases a cache hit could leave them wrong:
// - `--spec <file>` (a file that is not among turbo's inputs, and may lie anywhere) and `--check`
//   go straight to the generator, uncached;
// - after a `--spec` run the package directories hold that spec's output: the next plain run
//   forces turbo to regenerate from the repository's spec instead of trusting its cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const otherSpecMarker = join(root, 'node_modules/.cache/alidomain-generator/generated-from-another-spec');

const args = process.argv.slice(2);
const at = args.indexOf('--spec');
// The path as the user typed it, from where they typed it: npm runs scripts at the root.
if (at >= 0 && args[at + 1] !== undefined) args[at + 1] = resolve(process.env.INIT_CWD ?? process.cwd(), args[at + 1]);
const direct = at >= 0 || args.includes('--check');
const force = !direct && existsSync(otherSpecMarker);

const [command, argv] = direct
  ? ['npm', ['run', '--silent', 'generate', '-w', '@alidomain/generator', '--', ...args]]
  : ['turbo', ['run', 'generate', ...(force ? ['--force'] : []), '--', ...args]];
const run = spawnSync(command, argv, { stdio: 'inherit' });
if (run.status === 0 && at >= 0 && !args.includes('--check')) {
  mkdirSync(dirname(otherSpecMarker), { recursive: true });
  writeFileSync(otherSpecMarker, `${args[at + 1]}\n`);
} else if (run.status === 0 && !direct) rmSync(otherSpecMarker, { force: true });
process.exit(run.status ?? 1);
