#!/usr/bin/env node
// npm run spec:diff -- [<old> <new>] [--json] [--fail-on-breaking] [--changeset [<file>.md]]
// Compares two specs in the generated client's terms (compare.ts) and suggests a semver bump.
// Each of <old>/<new> is a spec file or `git:<ref>` (spec/openapi.yaml at that commit); with
// neither, git:HEAD against the working tree. --changeset also writes the changes as a changeset
// for the generated packages (changeset.ts). Exit 0; 1 with --fail-on-breaking when something
// breaks; 2 when an argument is wrong or a spec does not load (one line on stderr, naming it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../load.js';
import { buildModel, type Model } from '../model.js';
import { changesHash, changesetText, findWorkspace, releaseType, type ReleaseType } from './changeset.js';
import { diffModels, type Change, type Diff } from './compare.js';
import { CLASSES } from './rules.js';

const SPEC = 'spec/openapi.yaml';
const USAGE =
  'usage: npm run -s spec:diff -- [<old> <new>] [--json] [--fail-on-breaking] [--changeset [<file>.md]]   (each spec: a file or git:<ref>)';

class UsageError extends Error {}

interface Options {
  specs: string[];
  json: boolean;
  failOnBreaking: boolean;
  help: boolean;
  /** --changeset: true for the default file (.changeset/spec-<hash>.md), or the file given. */
  changeset: string | boolean;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { specs: [], json: false, failOnBreaking: false, help: false, changeset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--fail-on-breaking') options.failOnBreaking = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    // The file is optional, so only a .md after the flag is taken for it: specs are YAML, JSON or git:.
    else if (arg === '--changeset') options.changeset = argv[i + 1]?.endsWith('.md') ? argv[++i]! : true;
    else if (arg.startsWith('--changeset=')) options.changeset = changesetFile(arg.slice('--changeset='.length));
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (expected --json, --fail-on-breaking, --changeset)`);
    else options.specs.push(arg);
  }
  if (options.specs.length === 1) throw new UsageError(`expected two specs, <old> and <new>, or none; got only ${options.specs[0]}`);
  if (options.specs.length > 2) throw new UsageError(`expected two specs, <old> and <new>; got an extra argument ${options.specs[2]}`);
  return options;
}

function changesetFile(file: string): string {
  if (!file.endsWith('.md')) throw new UsageError(`--changeset=${file}: expected a .md file (changesets reads only those)`);
  return file;
}

/** Where relative paths and git commands start: where the user ran `npm run` (npm itself runs scripts from the root). */
const baseDir = () => process.env.INIT_CWD ?? process.cwd();

function git(args: string[], label: string): string {
  try {
    return execFileSync('git', args, { cwd: baseDir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const stderr = (e as { stderr?: unknown }).stderr;
    const first = typeof stderr === 'string' ? stderr.trim().split('\n')[0] : undefined;
    throw new UsageError(`${label}: ${first || (e as Error).message}`);
  }
}

/** The model of one spec argument. A git revision goes through a temporary file: load.ts is the one reader of spec files. */
function load(arg: string): Model {
  if (arg.startsWith('git:')) {
    const ref = arg.slice('git:'.length);
    if (!ref) throw new UsageError(`${arg}: expected a revision after git: (git:HEAD, git:main, git:v0.1.0)`);
    const yaml = git(['show', `${ref}:${SPEC}`], arg);
    const dir = mkdtempSync(join(tmpdir(), 'spec-diff-'));
    try {
      const path = join(dir, 'openapi.yaml');
      writeFileSync(path, yaml);
      return model(path, arg);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const path = resolve(baseDir(), arg);
  if (!existsSync(path)) throw new UsageError(`${arg}: no such file`);
  return model(path, arg);
}

function model(path: string, label: string): Model {
  try {
    return buildModel(loadSpec(path).document);
  } catch (e) {
    throw new UsageError(`${label}: ${(e as Error).message.replace(path, label)}`);
  }
}

/** No arguments: the committed spec against the working tree's. */
function defaultSpecs(): [string, string] {
  const top = git(['rev-parse', '--show-toplevel'], 'no specs given, so git:HEAD against the working tree').trim();
  return ['git:HEAD', join(top, SPEC)];
}

/** The human report: changes grouped by class, one line each, then the suggested bump. */
export function report(diff: Diff, old: string, now: string): string {
  const lines = [`${old} → ${now}: ${diff.changes.length ? `${diff.changes.length} change(s)` : 'no changes'}`];
  for (const cls of CLASSES) {
    const group = diff.changes.filter((c) => c.class === cls);
    if (!group.length) continue;
    lines.push('', `${cls} (${group.length}):`, ...group.map(line));
  }
  lines.push('', `suggested bump: ${diff.bump}`);
  return lines.join('\n') + '\n';
}

interface Written {
  /** The file written, relative to where the command ran; undefined when the bump is none. */
  file: string | undefined;
  type: ReleaseType | undefined;
  packages: string[];
}

/** Writes the changeset --changeset asked for, unless nothing changed. */
function writeChangeset(diff: Diff, file: string | true): Written {
  let workspace;
  try {
    workspace = findWorkspace(baseDir());
  } catch (e) {
    throw new UsageError(`--changeset: ${(e as Error).message}`);
  }
  const type = releaseType(diff.bump, workspace.version);
  if (!type) return { file: undefined, type, packages: workspace.packages };
  const path = file === true ? join(workspace.root, '.changeset', `spec-${changesHash(diff.changes)}.md`) : resolve(baseDir(), file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, changesetText(diff, workspace.packages, type));
  return { file: relative(baseDir(), path), type, packages: workspace.packages };
}

const writtenLine = (w: Written, bump: string) =>
  w.file ? `changeset: wrote ${w.file} (${w.type} for ${w.packages.join(', ')})` : `changeset: none written (suggested bump ${bump})`;

const line = (c: Change) => `  ${c.kind}  ${[c.action, c.target].filter(Boolean).join(' ') || '(spec)'}  ${c.detail}`;

export function main(argv: readonly string[]): number {
  let options: Options;
  let diff: Diff;
  let labels: [string, string];
  let written: Written | undefined;
  try {
    options = parseArgs(argv);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const [old, now] = options.specs.length === 2 ? (options.specs as [string, string]) : defaultSpecs();
    labels = options.specs.length === 2 ? [old, now] : [old, `${SPEC} (working tree)`];
    diff = diffModels(load(old), load(now));
    if (options.changeset) written = writeChangeset(diff, options.changeset);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`spec:diff: ${e.message}\n`);
    return 2;
  }
  if (options.json) {
    // With --changeset the one JSON object says what was written: {"file","type","packages"}, file null for bump none.
    const out = written ? { ...diff, changeset: { ...written, file: written.file ?? null, type: written.type ?? null } } : diff;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else process.stdout.write(report(diff, ...labels) + (written ? `${writtenLine(written, diff.bump)}\n` : ''));
  return options.failOnBreaking && diff.changes.some((c) => c.class === 'breaking') ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
