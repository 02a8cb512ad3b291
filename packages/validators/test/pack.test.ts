// Publishable: `npm pack` the built package, install the tarball in a scratch project outside
// the workspace (offline: the package has no dependencies), import it and validate there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkgDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let scratch: string;

beforeAll(() => {
  // Packs what `npm run build` (turbo's build task, before every test) left in dist/. Rebuilding
  // here would rewrite dist/ while other packages' tests read it.
  if (!existsSync(join(pkgDir, 'dist/index.js'))) throw new Error('packages/validators/dist is missing: run `npm run build` first');
  scratch = mkdtempSync(join(tmpdir(), 'alidomain-validators-pack-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm pack → install → import', () => {
  it('works in a project outside the workspace', () => {
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: pkgDir, encoding: 'utf8' }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/generated/actions/CheckDomain.js');
    expect(files).toContain('dist/generated/actions/CheckDomain.d.ts');
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});

    const project = join(scratch, 'project');
    execFileSync('mkdir', ['-p', project]);
    execFileSync(npm, ['init', '-y'], { cwd: project, stdio: 'pipe' });
    execFileSync(npm, ['install', join(scratch, packed[0].filename), '--no-audit', '--no-fund', '--offline'], {
      cwd: project,
      stdio: 'pipe',
    });

    writeFileSync(
      join(project, 'check.mjs'),
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
    );
    const result = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(result.valid).toEqual([]);
    expect(result.invalid).toEqual([
      'DomainName: expected a domain name under appendix 6.2, received "xn--fiq228c.com": punycode input "xn--fiq228c" is not accepted, pass the Chinese form of the name instead',
      'FeePeriod: expected at most 10, received 11',
    ]);
    expect(result.subpath).toEqual([]);
    expect(result.response).toEqual([]);
    expect(result.schema).toBe(true);
  });
});
