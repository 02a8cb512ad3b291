// Builds the client and validators packages of any spec in a temporary directory, as a user who
// points the generator at their own spec gets them: the generated code plus the hand-written
// runtime of each package, compiled by tsc, importable by node. The repository's packages stay
// untouched, so a test can generate another product without disturbing anything else.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateFormatted } from '../../src/cli.js';

const repo = join(import.meta.dirname, '../../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The client's hand-written modules the generated code imports (not tasks.ts: it is the Domain API's). */
const CLIENT_RUNTIME = ['validation.ts', 'action-meta.ts', 'paginate.ts'];

export interface ScratchPackages {
  readonly dir: string;
  /** `import()` of the compiled client's generated index (the client class, metas, API constants). */
  client(): Promise<Record<string, unknown>>;
  /** Every file the emitters wrote, by output directory (`packages/docs/markdown`, …). */
  readonly outputs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  remove(): void;
}

function write(root: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

function compile(pkg: string): void {
  writeFileSync(
    join(pkg, 'tsconfig.json'),
    JSON.stringify({
      extends: join(repo, 'tsconfig.base.json'),
      compilerOptions: { rootDir: 'src', outDir: 'dist', declaration: true, noEmit: false },
      include: ['src'],
    }),
  );
  execFileSync(process.execPath, [tsc, '-p', pkg], { stdio: 'pipe' });
}

/** Generates every package from `specPath` into a new temporary directory and compiles client and validators. */
export async function scratchPackages(specPath: string): Promise<ScratchPackages> {
  const { outputs } = await generateFormatted(specPath);
  const byDir = Object.fromEntries(outputs.map((o) => [o.dir, o.files]));
  const dir = mkdtempSync(join(tmpdir(), 'alidomain-scratch-'));
  // node_modules: the repository's core and type packages; the validators are the scratch ones.
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@alidomain'), { recursive: true });
  symlinkSync(join(repo, 'packages/core'), join(modules, '@alidomain/core'));
  symlinkSync(join(repo, 'node_modules/@types'), join(modules, '@types'));
  symlinkSync(join(dir, 'packages/validators'), join(modules, '@alidomain/validators'));

  const validators = join(dir, 'packages/validators');
  mkdirSync(join(validators, 'src'), { recursive: true });
  cpSync(join(repo, 'packages/validators/package.json'), join(validators, 'package.json'));
  for (const f of readdirSync(join(repo, 'packages/validators/src')).filter((f) => f.endsWith('.ts')))
    cpSync(join(repo, 'packages/validators/src', f), join(validators, 'src', f));
  write(join(validators, 'src/generated'), byDir['packages/validators/src/generated'] ?? {});
  compile(validators);

  const client = join(dir, 'packages/client');
  mkdirSync(join(client, 'src'), { recursive: true });
  writeFileSync(join(client, 'package.json'), JSON.stringify({ name: 'scratch-client', type: 'module' }));
  for (const f of CLIENT_RUNTIME) cpSync(join(repo, 'packages/client/src', f), join(client, 'src', f));
  write(join(client, 'src/generated'), byDir['packages/client/src/generated'] ?? {});
  compile(client);

  return {
    dir,
    outputs: byDir,
    client: () => import(join(client, 'dist/generated/index.js')) as Promise<Record<string, unknown>>,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
