// One Action's validator bundles alone: no other Action, no ajv, no schema compiler.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { pkgDir } from './helpers.js';

async function bundle(contents: string) {
  const out = await build({
    stdin: { contents, resolveDir: pkgDir, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.text;
  return { code, min: code.length, gzip: gzipSync(code).length };
}

describe('bundle size', () => {
  it('the CheckDomain validator from its subpath module is small and alone', async () => {
    const b = await bundle(
      `import { validateCheckDomainRequest } from './src/generated/actions/CheckDomain.ts'; console.log(validateCheckDomainRequest({ DomainName: 'example.com' }));`,
    );
    expect(b.code).not.toContain('QueryDomainList');
    expect(b.code).not.toMatch(/ajv|new Function/);
    expect(b.gzip).toBeLessThan(8_000);
    console.info(`CheckDomain validators (request+response) bundle: ${b.min} B minified, ${b.gzip} B minified+gzipped`);
  });

  it('importing one validator from the package root tree-shakes the others away', async () => {
    const b = await bundle(
      `import { validateCheckDomainRequest } from './src/index.ts'; console.log(validateCheckDomainRequest({ DomainName: 'example.com' }));`,
    );
    expect(b.code).not.toContain('QueryDomainList');
    expect(b.gzip).toBeLessThan(8_000);
  });

  it('the generic validateRequest carries every Action (for reference)', async () => {
    const b = await bundle(`import { validateRequest } from './src/index.ts'; console.log(validateRequest('CheckDomain', {}));`);
    expect(b.code).toContain('QueryDomainList');
    console.info(`validateRequest (all 111 Actions) bundle: ${b.min} B minified, ${b.gzip} B minified+gzipped`);
  });
});
