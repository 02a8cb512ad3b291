#!/usr/bin/env node
// npm run generate [-- --check] [-- --spec <file>]
// Reads the spec (spec/openapi.yaml, or the file given with --spec), builds the model, runs every
// emitter and writes (or, with --check, compares) their files. Each emitter owns one output
// directory, which holds nothing else.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from './load.js';
import { buildModel } from './model.js';
import { emitClient } from './emitters/client.js';
import { emitSpecPackage } from './emitters/spec-package.js';
import { emitDocsMarkdown } from './emitters/docs-markdown.js';
import { emitDocsSite } from './emitters/docs-site.js';
import { emitValidators } from './emitters/validators.js';
import { emitJsonSchemas } from './emitters/json-schemas.js';
import { emitEmulator } from './emitters/emulator.js';
import { emitCli } from './emitters/cli.js';
import { createFormatter } from './format.js';

// The repository root: src/ when run from source (tests), dist/generator/src/ when compiled.
const root = (function findRoot(dir: string): string {
  if (existsSync(join(dir, 'spec/openapi.yaml'))) return dir;
  if (dirname(dir) === dir) throw new Error('generator: no spec/openapi.yaml above the generator');
  return findRoot(dirname(dir));
})(dirname(fileURLToPath(import.meta.url)));

/** The repository's own spec: what `npm run generate` reads unless told otherwise. */
export const DEFAULT_SPEC = join(root, 'spec/openapi.yaml');

/**
 * What the package directories were last generated from: the spec file's sha256. turbo caches
 * the generator on its inputs but does not track the committed trees it writes, so
 * generator/scripts/generate.mjs compares this stamp with the repository's spec and forces a run
 * when they differ (after a --spec run, or a spec changed back by a checkout).
 */
export const STAMP = join(root, 'node_modules/.cache/alidomain-generator/generated-from.json');
export const specHash = (text: string): string => createHash('sha256').update(text).digest('hex');

interface Output {
  dir: string;
  files: Record<string, string>;
  /** false for a git-ignored build artefact, which --check does not compare */
  committed?: boolean;
  /** false for verbatim copies, which stay byte-identical to their sources */
  formatted?: boolean;
}

/** The spec, its model and each emitter, not yet run: generate() runs them in turn. */
function emitters(specPath: string) {
  const { document, yaml } = loadSpec(specPath);
  const errataPath = join(dirname(specPath), 'ERRATA.md');
  // Generated files name their spec: by its path in the repository, or by file name from elsewhere.
  const inRepo = relative(root, specPath);
  const model = buildModel(document, inRepo.startsWith('..') ? basename(specPath) : inRepo);
  // The validators first: theirs is the most formatting, which can start while the rest is emitted.
  const runs: { dir: string; emit: () => Record<string, string>; committed?: boolean; formatted?: boolean }[] = [
    { dir: 'packages/validators/src/generated', emit: () => emitValidators(model) },
    // JSON, not TypeScript: the formatter passes it through as the emitter wrote it.
    { dir: 'packages/validators/json', emit: () => emitJsonSchemas(model) },
    { dir: 'packages/client/src/generated', emit: () => emitClient(model) },
    // A build artefact (git-ignored): copies of spec/, which extract.mjs --check already guards.
    {
      dir: 'packages/spec/dist',
      emit: () => emitSpecPackage(document, yaml, existsSync(errataPath) ? readFileSync(errataPath, 'utf8') : undefined),
      committed: false,
      formatted: false,
    },
    { dir: 'packages/docs/markdown', emit: () => emitDocsMarkdown(model) },
    { dir: 'packages/docs/site', emit: () => emitDocsSite(model) },
    { dir: 'packages/emulator/src/generated', emit: () => emitEmulator(model) },
    { dir: 'packages/cli/src/generated', emit: () => emitCli(model) },
  ];
  return { model, runs };
}

/**
 * Every emitter's files for one spec, unformatted. The spec package ships the spec's ERRATA.md
 * when one lies beside it (the repository's does).
 */
export function generate(specPath: string = DEFAULT_SPEC): { model: ReturnType<typeof buildModel>; outputs: Output[] } {
  const { model, runs } = emitters(specPath);
  return { model, outputs: runs.map(({ emit, ...o }) => ({ ...o, files: emit() })) };
}

/** generate(), with every output formatted by prettier: what `npm run generate` writes and `--check` compares. */
export async function generateFormatted(
  specPath: string = DEFAULT_SPEC,
): Promise<{ model: ReturnType<typeof buildModel>; outputs: Output[] }> {
  const formatter = await createFormatter(root);
  try {
    const { model, runs } = emitters(specPath);
    // Each emitter's files go to the formatting workers at once; the next emitter runs meanwhile.
    const outputs = runs.map(async ({ emit, ...o }) => {
      const files = emit();
      return { ...o, files: o.formatted === false ? files : await formatter.format(files) };
    });
    return { model, outputs: await Promise.all(outputs) };
  } finally {
    await formatter.close();
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** `--spec <file>`: resolved against the directory npm was started in (INIT_CWD), as a user typed it. */
function specArgument(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--spec');
  if (at < 0) return undefined;
  const file = argv[at + 1];
  if (file === undefined || file.startsWith('--')) {
    console.error('generate: --spec needs a file: npm run generate -- --spec <openapi.yaml>');
    process.exit(2);
  }
  // npm runs scripts at the root: a relative path is the user's, from where they typed it.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(path)) {
    console.error(`generate: --spec ${file}: no such file (${path})`);
    process.exit(2);
  }
  return path;
}

async function main() {
  const check = process.argv.includes('--check');
  const specPath = specArgument(process.argv);
  const { model, outputs } = await generateFormatted(specPath);
  const stale: string[] = [];
  let written = 0;
  for (const { dir, files, committed = true } of outputs) {
    if (check && !committed) continue;
    const abs = join(root, dir);
    for (const [name, content] of Object.entries(files)) {
      const path = join(abs, name);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      if (current === content) continue;
      if (check) stale.push(`${dir}/${name}`);
      else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
        written++;
      }
    }
    for (const extra of listFiles(abs).filter((f) => !(f in files))) {
      if (check) stale.push(`${dir}/${extra} (not generated any more)`);
      else rmSync(join(abs, extra));
    }
  }
  if (!check) {
    mkdirSync(dirname(STAMP), { recursive: true });
    writeFileSync(
      STAMP,
      `${JSON.stringify({ spec: specHash(readFileSync(specPath ?? DEFAULT_SPEC, 'utf8')), from: relative(root, specPath ?? DEFAULT_SPEC) })}\n`,
    );
  }
  if (check) {
    if (stale.length) {
      console.error(`Generated output is stale (${stale.length} file(s)); run \`npm run generate\`:\n  ${stale.slice(0, 20).join('\n  ')}`);
      process.exit(1);
    }
    console.log(`Generated output is up to date (${model.actions.length} Actions).`);
  } else {
    const from = relative(root, specPath ?? DEFAULT_SPEC);
    console.log(`Generated ${model.actions.length} Actions of ${model.title} ${model.version} from ${from}: ${written} file(s) written.`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
