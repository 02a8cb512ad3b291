#!/usr/bin/env node
// `npm run generate [-- --check] [-- --spec <file>]` at the repository root.
// The repository's spec goes through turbo, cached on its inputs (the spec, the generator's
// sources), so a second run with no change restores instead of regenerating. A `--spec` file is
// not among turbo's inputs (it may lie anywhere): that run goes straight to the generator,
// uncached, so editing the file and running again always regenerates from it.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--spec');
// The path as the user typed it, from where they typed it: npm runs scripts at the root.
if (at >= 0 && args[at + 1] !== undefined) args[at + 1] = resolve(process.env.INIT_CWD ?? process.cwd(), args[at + 1]);

const [command, argv] =
  at >= 0
    ? ['npm', ['run', '--silent', 'generate', '-w', '@alidomain/generator', '--', ...args]]
    : ['turbo', ['run', 'generate', '--', ...args]];
const run = spawnSync(command, argv, { stdio: 'inherit' });
process.exit(run.status ?? 1);
