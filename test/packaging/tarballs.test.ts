// What each public package's tarball holds, as `npm pack` lists it: the built files its layout in
// fixtures/tarballs.json names, README.md, LICENSE, CHANGELOG.md (once it has one) and
// package.json, and nothing else: no sources, tests, scripts, tsconfigs, API reports or source
// maps. The listing skips prepack (--ignore-scripts): the packages are built before the tests run
// (`npm test`), and a build started from here would rewrite dist/ under pack.test.ts, which packs
// the same packages at the same time with their prepack.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const layouts = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/tarballs.json'), 'utf8')) as Record<string, string[]>;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, string | Record<string, string>>;
}
const workspaces = (readJson(join(root, 'package.json')).workspaces as string[]).map((dir) => ({
  dir: join(root, dir),
  manifest: readJson(join(root, dir, 'package.json')) as Manifest,
}));
const published = workspaces.filter(({ manifest }) => manifest.private !== true);

/** `*` is any run of characters within one path segment; `**` followed by `/` any run of directories. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.+/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

function packedFiles(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return (JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path).sort();
}

/** The files on disk under the layout's top directories, as paths relative to the package. */
function filesOnDisk(dir: string, globs: string[]): string[] {
  const tops = [...new Set(globs.map((g) => g.split('/')[0]!))];
  return tops
    .filter((top) => existsSync(join(dir, top)))
    .flatMap((top) =>
      readdirSync(join(dir, top), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) =>
          posix.join(
            top,
            join(e.parentPath, e.name)
              .slice(join(dir, top).length + 1)
              .replaceAll('\\', '/'),
          ),
        ),
    );
}

/** Relative module specifiers in a built file: static imports and re-exports, import() and import types. */
const relativeSpecifiers = (source: string) =>
  [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);

const packages = published.map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest, files: packedFiles(dir) }));

describe('tarballs', () => {
  it('has a layout for every public package, and none for a private one', () => {
    expect(Object.keys(layouts).sort()).toEqual(published.map(({ manifest }) => manifest.name).sort());
  });

  describe.each(packages)('$name', ({ name, dir, manifest, files }) => {
    const globs = layouts[name] ?? [];

    it('holds exactly package.json, README.md, LICENSE, CHANGELOG.md if any, and the built files of its layout', () => {
      const patterns = globs.map(globToRegExp);
      const built = filesOnDisk(dir, globs).filter((file) => patterns.some((p) => p.test(file)));
      const docs = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].filter((file) => existsSync(join(dir, file)));
      expect(files).toEqual([...docs, ...built].sort());
    });

    it('has a file for every entry of its layout (it is built)', () => {
      const unmatched = globs.filter((glob) => !files.some((file) => globToRegExp(glob).test(file)));
      expect(unmatched, `nothing packed for these; build the package first`).toEqual([]);
    });

    it('resolves every export target and every relative import of its modules inside the tarball', () => {
      const packed = new Set(files);
      const missing: string[] = [];
      for (const [key, target] of Object.entries(manifest.exports ?? {})) {
        for (const path of typeof target === 'string' ? [target] : Object.values(target)) {
          const pattern = globToRegExp(posix.normalize(path));
          if (!files.some((file) => pattern.test(file))) missing.push(`exports["${key}"] → ${path}`);
        }
      }
      for (const file of files.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
        for (const specifier of relativeSpecifiers(readFileSync(join(dir, file), 'utf8'))) {
          const target = posix.join(posix.dirname(file), specifier);
          const wanted = file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target;
          if (!packed.has(wanted)) missing.push(`${file} imports ${specifier}`);
        }
      }
      expect(missing).toEqual([]);
    });

    // turbo restores a cached build over dist/ without clearing it, and a build from another spec
    // (`npm run generate -- --spec`) leaves modules of Actions the repository's spec does not have.
    it('ships no module left from an earlier build: each has its source in src/, or is a chunk a shipped module imports', () => {
      if (!existsSync(join(dir, 'src'))) return;
      const imported = new Set(
        files
          .filter((f) => f.endsWith('.js'))
          .flatMap((file) => relativeSpecifiers(readFileSync(join(dir, file), 'utf8')).map((s) => posix.join(posix.dirname(file), s))),
      );
      const orphans = files.filter(
        (file) =>
          /^dist\/.*\.(js|d\.ts)$/.test(file) &&
          !existsSync(join(dir, 'src', file.slice('dist/'.length).replace(/\.(js|d\.ts)$/, '.ts'))) &&
          !imported.has(file),
      );
      expect(orphans, `stale dist/: delete it and build again (npm run build -w ${name})`).toEqual([]);
    });
  });
});
