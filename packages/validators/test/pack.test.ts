// Publishable: `npm pack` the built package, install the tarball in a scratch project outside
// the workspace (offline: the package has no dependencies), import it and validate there; and use
// its .json schemas there as the README tells: by import attribute, by require.resolve, with
// ajv-cli and with Python's jsonschema.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkgDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
let scratch: string;
let project: string;
let files: string[];

beforeAll(() => {
  // Packs what `npm run build` (turbo's build task, before every test) left in dist/. Rebuilding
  // here would rewrite dist/ while other packages' tests read it.
  if (!existsSync(join(pkgDir, 'dist/index.js'))) throw new Error('packages/validators/dist is missing: run `npm run build` first');
  scratch = mkdtempSync(join(tmpdir(), 'alidomain-validators-pack-'));
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: pkgDir, encoding: 'utf8' }));
  files = packed[0].files.map((f: { path: string }) => f.path);
  project = join(scratch, 'project');
  mkdirSync(project);
  execFileSync(npm, ['init', '-y'], { cwd: project, stdio: 'pipe' });
  execFileSync(npm, ['install', join(scratch, packed[0].filename), '--no-audit', '--no-fund', '--offline'], {
    cwd: project,
    stdio: 'pipe',
  });
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs an ES module in the scratch project and parses what it prints. */
function runModule(name: string, source: string): unknown {
  writeFileSync(join(project, name), source);
  return JSON.parse(execFileSync(process.execPath, [name], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The fenced code blocks of the README in a language. */
const blocks = (lang: string) => [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('npm pack → install → import', () => {
  it('packs the built modules and the .json schemas, and no sources', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/generated/actions/CheckDomain.js');
    expect(files).toContain('dist/generated/actions/CheckDomain.d.ts');
    expect(files).toContain('json/CheckDomain.request.json');
    expect(files).toContain('json/CheckDomain.response.json');
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('validates in a project outside the workspace', () => {
    const result = runModule(
      'check.mjs',
      `import { validateRequest, validateResponse, schemas } from '@alidomain/validators';
import { validateCheckDomainRequest } from '@alidomain/validators/actions/CheckDomain';
import { request } from '@alidomain/validators/schemas/CheckDomain';
const out = {
  valid: validateRequest('CheckDomain', { DomainName: 'example.com', FeePeriod: 1 }),
  invalid: validateRequest('CheckDomain', { DomainName: 'xn--fiq228c.com', FeePeriod: 11 }),
  subpath: validateCheckDomainRequest({ DomainName: '中文.com' }),
  response: validateResponse('CheckDomain', { RequestId: 'r', Avail: '1' }),
  schema: request.title === schemas.CheckDomain.request.title,
};
console.log(JSON.stringify(out));
`,
    ) as Record<string, unknown>;
    expect(result.valid).toEqual([]);
    expect(result.invalid).toEqual([
      'DomainName: expected a domain name under appendix 6.2, received "xn--fiq228c.com": punycode input "xn--fiq228c" is not accepted, pass the Chinese form of the name instead',
      'FeePeriod: expected at most 10, received 11',
    ]);
    expect(result.subpath).toEqual([]);
    expect(result.response).toEqual([]);
    expect(result.schema).toBe(true);
  });

  it('imports a .json schema with an import attribute, the same as the schema module', () => {
    const result = runModule(
      'json-import.mjs',
      `import schema from '@alidomain/validators/json/CheckDomain.request.json' with { type: 'json' };
import { request } from '@alidomain/validators/schemas/CheckDomain';
console.log(JSON.stringify({ id: schema.$id, same: JSON.stringify(schema) === JSON.stringify(request) }));
`,
    );
    expect(result).toEqual({ id: 'urn:alidomain:Domain:2018-01-29:CheckDomain:request', same: true });
  });

  it('resolves a .json schema with require.resolve, and no path the exports map does not list', () => {
    const require = createRequire(join(project, 'index.js'));
    const path = require.resolve('@alidomain/validators/json/QueryDomainList.response.json');
    expect(path).toBe(join(project, 'node_modules/@alidomain/validators/json/QueryDomainList.response.json'));
    expect(() => require.resolve('@alidomain/validators/json/CheckDomain.request')).toThrow(/is not defined by "exports"/);
  });
});

describe("the README's commands on the installed .json schemas", () => {
  it('ajv-cli rejects a bad request and accepts a good one', () => {
    const line = blocks('sh')
      .flatMap((b) => b.split('\n'))
      .find((l) => l.startsWith('npx ajv-cli validate '));
    expect(line).toBeDefined();
    // The ajv-cli devDependency's own bin, so that no npx fetches anything.
    const ajvCli = join(dirname(createRequire(import.meta.url).resolve('ajv-cli/package.json')), 'dist/index.js');
    const args = line!.split(/\s+/).slice(2);
    const run = (request: unknown) => {
      writeFileSync(join(project, 'request.json'), JSON.stringify(request));
      return spawnSync(process.execPath, [ajvCli, ...args], { cwd: project, encoding: 'utf8' });
    };
    const bad = run({ DomainName: '-bad-.com' });
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stderr).toContain('request.json invalid');
    expect(bad.stderr).toContain("keyword: 'pattern'");
    const good = run({ DomainName: '中文.中国', FeePeriod: 1 });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout + good.stderr).toContain('request.json valid');
  });

  it('Python jsonschema reports the bad name (skipped without python3 and jsonschema)', (ctx) => {
    if (spawnSync('python3', ['-c', 'import jsonschema']).status !== 0) {
      console.info('pack.test.ts: the README Python snippet is not run: no python3 with jsonschema here.');
      ctx.skip();
    }
    const snippet = blocks('python')[0];
    expect(snippet).toBeDefined();
    const run = spawnSync('python3', ['-c', snippet!], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\$\.DomainName '-bad-\.com' does not match /);
  });
});
