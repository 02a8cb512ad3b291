#!/usr/bin/env node
// `npm run check:packages`: every public package packed as `npm publish` packs it (its prepack
// builds it, or refuses with the command to run), then checked by publint (package.json against
// the packed files) and by attw (types as TypeScript resolves them). Exits 1 on any problem.
//
// attw runs with --profile esm-only: the packages are ESM only by design ("type": "module",
// import conditions only, engines node >=20.19), so the node10 and node16-from-CJS resolutions,
// which can only load them through import(), are not theirs to pass. Every subpath a wildcard
// export (./actions/*, ./schemas/*) exposes is checked too: attw skips wildcards otherwise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(import.meta.dirname, '../..');
const attw = join(root, 'node_modules/.bin/attw');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The workspaces that are published: every one not marked private. */
function publicPackages() {
  return readJson(join(root, 'package.json'))
    .workspaces.map((dir) => ({ dir: join(root, dir), manifest: readJson(join(root, dir, 'package.json')) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** `./actions/CheckDomain` for each packed file a wildcard export's types target matches. */
function wildcardEntrypoints(manifest, files) {
  const entrypoints = [];
  for (const [key, target] of Object.entries(manifest.exports ?? {})) {
    const types = typeof target === 'object' ? target.types : undefined;
    if (!key.includes('*') || typeof types !== 'string') continue;
    const [before, after] = types.replace(/^\.\//, '').split('*');
    for (const file of files) {
      if (file.startsWith(before) && file.endsWith(after) && file.length > before.length + after.length)
        entrypoints.push(key.replace('*', file.slice(before.length, file.length - after.length)));
    }
  }
  return entrypoints;
}

const work = mkdtempSync(join(tmpdir(), 'alidomain-check-packages-'));
let failed = 0;
try {
  for (const { dir, manifest } of publicPackages()) {
    const name = manifest.name;
    let packed;
    try {
      // npm pack's stdout is the JSON alone: npm captures the prepack script's own output.
      const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      packed = JSON.parse(out)[0];
    } catch (error) {
      const line = String(error.stderr ?? '')
        .split('\n')
        .find((l) => l.startsWith(`${name}:`));
      console.error(`✗ ${name}: npm pack failed${line ? `: ${line.slice(name.length + 2)}` : `\n${error.stderr ?? error.message}`}`);
      failed++;
      continue;
    }
    const problems = [];
    const tarball = join(work, packed.filename);
    // The tarball just made, so publint and attw check the same bytes (publint would otherwise pack again).
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      strict: true,
    });
    for (const message of messages) problems.push(`publint ${message.type}: ${formatMessage(message, pkg, { color: false })}`);

    const entrypoints = wildcardEntrypoints(
      manifest,
      packed.files.map((f) => f.path),
    );
    const args = [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'];
    if (entrypoints.length) args.push('--include-entrypoints', ...entrypoints);
    let attwSays = '';
    try {
      attwSays = execFileSync(attw, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      problems.push(`attw:\n${error.stdout}${error.stderr}`);
    }
    if (problems.length) {
      failed++;
      console.error(`✗ ${name}\n  ${problems.join('\n  ')}`);
    } else {
      // The spec (JSON), the docs (Markdown, HTML) and the cli (a command) ship no types: attw has nothing to resolve.
      const types = attwSays.includes('does not contain types')
        ? 'attw: no types to check'
        : `attw (esm-only${entrypoints.length ? `, with ${entrypoints.length} wildcard subpaths` : ''}) clean`;
      console.log(`✓ ${name}@${manifest.version}: ${packed.entryCount} files, ${packed.size} bytes; publint clean, ${types}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
