// spec:diff's command line, run as a process (bundled from src/ by esbuild, so it needs no
// generator build): what goes to stdout and stderr, the exit codes, `git:` specs, in a
// temporary git repository with a spec/openapi.yaml, and --changeset, in a copy of a workspace
// fixture (a .changeset/config.json and the client's package.json at 0.4.2).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import YAML from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE, FIXTURES, changed } from './fixture.js';

let dir: string;
let cli: string;
let breaking: string; // base + DomainName required
let additive: string; // base + an optional parameter

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spec-diff-test-'));
  cli = join(dir, 'cli.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, '../../src/diff/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: cli,
    logLevel: 'warning',
    // yaml is CommonJS inside; an ES module bundle needs a require for it.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  breaking = join(dir, 'breaking.yaml');
  writeFileSync(breaking, YAML.stringify(changed('param-became-required')));
  additive = join(dir, 'additive.yaml');
  writeFileSync(additive, YAML.stringify(changed('param-added-optional')));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], cwd = dir) {
  // INIT_CWD (set when vitest runs under npm) would move where the CLI resolves paths and runs git.
  const { INIT_CWD: _init, ...env } = process.env;
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('spec:diff output', () => {
  it('--json prints exactly one JSON object on stdout and nothing else', () => {
    const { code, stdout, stderr } = run([BASE, breaking, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(stdout)).toEqual({
      changes: [
        { class: 'breaking', kind: 'param-became-required', action: 'ListThings', target: 'DomainName', detail: 'optional → required' },
      ],
      bump: 'major',
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('prints the changes grouped by class, one line each, then the suggested bump', () => {
    const both = join(dir, 'both.yaml');
    writeFileSync(both, YAML.stringify(changed('param-became-required', 'action-added', 'param-docs-changed')));
    const { code, stdout } = run([BASE, both]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `${BASE} → ${both}: 3 change(s)`,
        '',
        'breaking (1):',
        '  param-became-required  ListThings DomainName  optional → required',
        '',
        'non-breaking (1):',
        '  action-added  DeleteThing  POST deleteThing(), idempotent',
        '',
        'docs (1):',
        '  param-docs-changed  ListThings DomainName  description changed',
        '',
        'suggested bump: major',
        '',
      ].join('\n'),
    );
  });
});

describe('spec:diff exit codes', () => {
  it('exits 0 on breaking changes without --fail-on-breaking', () => {
    expect(run([BASE, breaking]).code).toBe(0);
  });

  it('--fail-on-breaking exits 1 when a change is breaking', () => {
    const { code, stdout } = run([BASE, breaking, '--fail-on-breaking']);
    expect(code).toBe(1);
    expect(stdout).toContain('suggested bump: major');
  });

  it('--fail-on-breaking exits 0 when no change is breaking', () => {
    const { code, stdout } = run([BASE, additive, '--fail-on-breaking', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).bump).toBe('minor');
  });
});

describe('spec:diff with git', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=spec-diff test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });

  // Two commits: base.yaml, then base.yaml with an optional parameter added (HEAD, and the working tree).
  beforeAll(() => {
    repo = join(dir, 'repo');
    mkdirSync(join(repo, 'spec'), { recursive: true });
    copyFileSync(BASE, join(repo, 'spec/openapi.yaml'));
    git('init', '-q');
    git('add', 'spec/openapi.yaml');
    git('commit', '-q', '-m', 'base');
    copyFileSync(additive, join(repo, 'spec/openapi.yaml'));
    git('commit', '-q', '-am', 'an optional parameter');
  });

  it('with no arguments and a clean tree, reports no changes and bump none', () => {
    const { code, stdout } = run([], repo);
    expect(code).toBe(0);
    expect(stdout).toBe('git:HEAD → spec/openapi.yaml (working tree): no changes\n\nsuggested bump: none\n');
  });

  it('with no arguments, compares git:HEAD with the working tree', () => {
    writeFileSync(join(repo, 'spec/openapi.yaml'), YAML.stringify(changed('param-added-optional', 'param-became-required')));
    try {
      expect(JSON.parse(run(['--json'], repo).stdout).changes.map((c: any) => c.kind)).toEqual(['param-became-required']);
    } finally {
      copyFileSync(additive, join(repo, 'spec/openapi.yaml'));
    }
  });

  it('reads git:<ref> as spec/openapi.yaml at that revision', () => {
    const { stdout } = run(['git:HEAD~1', 'git:HEAD', '--json'], repo);
    expect(JSON.parse(stdout).changes.map((c: any) => c.kind)).toEqual(['param-added-optional']);
  });
});

describe('spec:diff bad arguments', () => {
  const notSpec = () => {
    const path = join(dir, 'not-a-spec.yaml');
    writeFileSync(path, 'swagger: "2.0"\n');
    return path;
  };
  const cases: [string, { args: () => string[]; cwd?: () => string; want: RegExp }][] = [
    ['one spec only', { args: () => [BASE], want: /^spec:diff: expected two specs, <old> and <new>, or none; got only .*base\.yaml$/ }],
    ['a third spec', { args: () => [BASE, BASE, 'extra.yaml'], want: /^spec:diff: .*extra argument extra\.yaml$/ }],
    [
      'an unknown option',
      { args: () => [BASE, BASE, '--jsn'], want: /^spec:diff: unknown option --jsn \(expected --json, --fail-on-breaking, --changeset\)$/ },
    ],
    [
      'a --changeset= file that is not Markdown',
      { args: () => [BASE, BASE, '--changeset=notes.txt'], want: /^spec:diff: --changeset=notes\.txt: expected a \.md file/ },
    ],
    [
      '--changeset outside a changesets workspace',
      { args: () => [BASE, breaking, '--changeset'], want: /^spec:diff: --changeset: no \.changeset\/config\.json in .* or above$/ },
    ],
    ['a missing file', { args: () => [BASE, 'missing.yaml'], want: /^spec:diff: missing\.yaml: no such file$/ }],
    [
      'a file that is no OpenAPI 3.1 spec',
      { args: () => [BASE, notSpec()], want: /^spec:diff: .*not-a-spec\.yaml: .*expected an OpenAPI 3\.1 document/ },
    ],
    [
      'an unknown git revision',
      { args: () => ['git:no-such-ref', BASE], cwd: () => join(dir, 'repo'), want: /^spec:diff: git:no-such-ref: fatal: / },
    ],
    ['git: without a revision', { args: () => ['git:', BASE], want: /^spec:diff: git:: expected a revision after git:/ }],
    [
      'no arguments outside a git repository',
      { args: () => [], want: /^spec:diff: no specs given, so git:HEAD against the working tree: fatal: / },
    ],
  ];
  it.each(cases)('names %s on one line of stderr and exits 2', (_name, { args, cwd, want }) => {
    const { code, stdout, stderr } = run(args(), cwd?.());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(want);
  });
});

describe('spec:diff --changeset', () => {
  let ws: string;
  let several: string; // breaking, non-breaking and docs changes, one detail with Markdown in it

  beforeAll(() => {
    several = join(dir, 'several.yaml');
    writeFileSync(
      several,
      YAML.stringify(
        changed('param-became-required', 'action-added', 'param-wire-name-changed', 'field-enum-value-added', 'param-docs-changed'),
      ),
    );
  });

  // A fresh copy of the workspace fixture for each test, so files one test writes never meet another.
  beforeEach(() => {
    ws = mkdtempSync(join(dir, 'ws-'));
    cpSync(join(FIXTURES, 'workspace'), ws, { recursive: true });
  });

  const written = () => readdirSync(join(ws, '.changeset')).filter((f) => f !== 'config.json');

  it('writes the fixed group, the bump mapped for 0.x and the changes grouped by class to .changeset/spec-<hash>.md', () => {
    const { code, stdout } = run([BASE, several, '--changeset'], ws);
    expect(code).toBe(0);
    const [file, ...more] = written();
    expect(more).toEqual([]);
    expect(file).toMatch(/^spec-[0-9a-f]{8}\.md$/);
    expect(readFileSync(join(ws, '.changeset', file!), 'utf8')).toBe(readFileSync(join(FIXTURES, 'changeset.md'), 'utf8'));
    expect(
      stdout.endsWith(
        `suggested bump: major\nchangeset: wrote .changeset/${file} (minor for @alidomain/client, @alidomain/docs, @alidomain/spec, @alidomain/validators)\n`,
      ),
    ).toBe(true);
  });

  it('names the default file by the changes: the same diff twice writes one file, another diff a second', () => {
    run([BASE, several, '--changeset'], ws);
    run([BASE, several, '--changeset'], ws);
    expect(written()).toHaveLength(1);
    run([BASE, additive, '--changeset'], ws);
    expect(written()).toHaveLength(2);
  });

  it('maps a non-breaking bump to patch while the packages are 0.x', () => {
    run([BASE, additive, '--changeset'], ws);
    const text = readFileSync(join(ws, '.changeset', written()[0]!), 'utf8');
    expect(text.split('---')[1]).toBe(
      "\n'@alidomain/client': patch\n'@alidomain/docs': patch\n'@alidomain/spec': patch\n'@alidomain/validators': patch\n",
    );
  });

  it('writes to the .md file given after the flag, relative to where it runs', () => {
    const { code } = run([BASE, breaking, '--changeset', 'notes/spec.md'], ws);
    expect(code).toBe(0);
    expect(readFileSync(join(ws, 'notes/spec.md'), 'utf8')).toMatch(/^---\n'@alidomain\/client': minor\n/);
    expect(written()).toEqual([]);
  });

  it('writes nothing when the bump is none, and says so', () => {
    const { code, stdout } = run([BASE, BASE, '--changeset', 'none.md'], ws);
    expect(code).toBe(0);
    expect(stdout.endsWith('suggested bump: none\nchangeset: none written (suggested bump none)\n')).toBe(true);
    expect(existsSync(join(ws, 'none.md'))).toBe(false);
  });

  it('with --json, says in the one JSON object what it wrote', () => {
    const { stdout } = run([BASE, breaking, '--json', '--changeset=spec.md'], ws);
    expect(JSON.parse(stdout).changeset).toEqual({
      file: 'spec.md',
      type: 'minor',
      packages: ['@alidomain/client', '@alidomain/docs', '@alidomain/spec', '@alidomain/validators'],
    });
  });
});
