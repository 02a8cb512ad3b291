// Every TypeScript example of the docs compiles against the client's own sources: the method
// names, parameter names and example values agree with the generated types.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { getModel, markdownFiles, repoRoot } from './build.js';

it('type-checks every TypeScript example of the Markdown pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alidomain-docs-ts-'));
  let count = 0;
  for (const [name, md] of Object.entries(markdownFiles())) {
    if (!name.startsWith('actions/')) continue;
    [...md.matchAll(/^```ts\n([\s\S]*?)\n```$/gm)].forEach((m, i) => {
      writeFileSync(join(dir, `${name.slice('actions/'.length, -3)}.${i}.ts`), `${m[1]}\nexport {};\n`);
      count++;
    });
  }
  expect(count).toBeGreaterThanOrEqual(getModel().actions.length);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(repoRoot, 'node_modules/@types')],
        paths: {
          '@alidomain/client': [join(repoRoot, 'packages/client/src/index.ts')],
          '@alidomain/core': [join(repoRoot, 'packages/core/src/index.ts')],
        },
      },
      include: ['*.ts'],
    }),
  );
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout ?? e);
  }
  expect(output).toBe('');
});
