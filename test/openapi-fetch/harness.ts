// What the generic-client tests share: a scratch directory under test/artifacts where each test
// generates the client code a user would (openapi-typescript's types, hey-api's SDK) from the spec
// package, copies its fixture program beside it, and type-checks the lot with tsc.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');

export const specFile = require.resolve('@alidomain/spec/openapi.json');

/** A fresh directory test/artifacts/<name> holding copies of the named fixtures. */
export function scratch(name: string, fixtureFiles: readonly string[]): string {
  const dir = join(root, 'test/artifacts', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of fixtureFiles) copyFileSync(join(fixtures, file), join(dir, file));
  return dir;
}

/** openapi-typescript's `paths` for the spec package, written as `<dir>/domain-api.d.ts`. */
export async function generatePathTypes(dir: string): Promise<void> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(pathToFileURL(specFile));
  writeFileSync(join(dir, 'domain-api.d.ts'), astToString(ast));
}

/** hey-api's SDK and fetch client for the spec package, written to `<dir>/sdk`. */
export async function generateHeyApiClient(dir: string): Promise<void> {
  const { createClient } = await import('@hey-api/openapi-ts');
  await createClient({
    input: specFile,
    output: { path: join(dir, 'sdk') },
    plugins: ['@hey-api/client-fetch', '@hey-api/sdk', '@hey-api/typescript'],
    logs: { level: 'silent' },
  });
}

/**
 * tsc over `files` with the repository's compiler rules, changed by `overrides`; resolves with its
 * report ('' when clean).
 */
export async function typecheck(dir: string, files: readonly string[], overrides: Record<string, unknown> = {}): Promise<string> {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(root, 'tsconfig.base.json'), compilerOptions: { noEmit: true, ...overrides }, files }),
  );
  try {
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir });
    return '';
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}
