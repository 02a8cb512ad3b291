// Formats generated files with prettier, using the repository's .prettierrc.json, so the committed
// output reads like hand-written code and stays byte-for-byte deterministic (prettier is pinned by
// package-lock.json; options come from .prettierrc.json and .editorconfig, read as the prettier CLI
// reads them, so `prettier --check` agrees with the generator).
//
// Formatting is most of a regeneration's time (~700 files). Two things keep it short: a cache of
// formatted files by content (node_modules/.cache/alidomain-generator/format/: a spec change
// re-formats only the files it changed), and worker threads (one per core but the main thread's)
// that format while the main thread goes on emitting. Each file is formatted alone, so the result
// does not depend on which worker took it, when, or whether it came from the cache.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { resolveConfig, type Options } from 'prettier';

type Files = Record<string, string>;

/**
 * Only TypeScript is formatted. Markdown and HTML are left as their emitters write them (one
 * table row, one block per line): prettier pads every Markdown table cell to its column's width
 * (+20 % bytes, a whole-table diff for a one-cell change) and indents the HTML (+47 % bytes
 * shipped, and inline whitespace in <code>/<pre> is meaning). The site's CSS and JS are
 * hand-written files, formatted where they live, and copied as they are.
 */
const formatted = (name: string) => name.endsWith('.ts');

// babel-ts, not prettier's default typescript parser for .ts: the same output for this code
// (`prettier --check`, which uses the default, agrees in CI) in about half the time.
// Only dynamic imports, so the code runs whether eval treats it as a script or a module.
const WORKER = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  // require.resolve found prettier's CommonJS entry: its functions are on the default export.
  const loading = import(workerData.prettier).then((m) => m.default ?? m);
  parentPort.on('message', async ({ id, files }) => {
    try {
      const { format } = await loading;
      const out = [];
      for (const [name, text] of files) out.push([name, await format(text, { ...workerData.config, filepath: name, parser: 'babel-ts' })]);
      parentPort.postMessage({ id, out });
    } catch (e) {
      parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
})();`;

/** One core is the main thread's, which goes on emitting; measured on 2 cores, a second worker gained nothing. */
const WORKERS = Math.max(1, Math.min(availableParallelism() - 1, 4));

/** Files per message to a worker: few enough messages, small enough batches to share the work out. */
const BATCH = 16;

export interface Formatter {
  /** The files with every TypeScript file formatted; the others as they are. */
  format(files: Files): Promise<Files>;
  close(): Promise<void>;
}

/** A pool of prettier workers for the repository at `root`. */
export async function createFormatter(root: string): Promise<Formatter> {
  const config: Options =
    (await resolveConfig(join(root, 'generated.ts'), { config: join(root, '.prettierrc.json'), editorconfig: true })) ?? {};
  const prettierEntry = createRequire(import.meta.url).resolve('prettier');
  const prettierDir = join(prettierEntry, '..');
  const prettier = pathToFileURL(prettierEntry).href;
  // Started on the first file the cache does not have: a run that finds everything cached starts none.
  const pending = new Map<number, { resolve: (out: [string, string][]) => void; reject: (e: Error) => void }>();
  let workers: Worker[] | undefined;
  const pool = (): Worker[] =>
    (workers ??= Array.from({ length: WORKERS }, () => {
      const worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { prettier, config } });
      worker.unref();
      worker.on('message', ({ id, out, error }: { id: number; out?: [string, string][]; error?: string }) => {
        const p = pending.get(id)!;
        pending.delete(id);
        if (error !== undefined) p.reject(new Error(`prettier: ${error}`));
        else p.resolve(out!);
      });
      return worker;
    }));
  // The cache key covers everything the output depends on: prettier's version, the options, the
  // code that calls it (parser included), the text.
  const version = (JSON.parse(readFileSync(join(prettierDir, 'package.json'), 'utf8')) as { version: string }).version;
  // ALIDOMAIN_GENERATOR_CACHE moves it (the bench measures a cold start with an empty one).
  const cacheDir = join(process.env.ALIDOMAIN_GENERATOR_CACHE ?? join(root, 'node_modules/.cache/alidomain-generator'), 'format');
  mkdirSync(cacheDir, { recursive: true });
  const keyOf = (text: string) =>
    createHash('sha256')
      .update(JSON.stringify([version, config, WORKER, text]))
      .digest('hex');
  const cached = (key: string): string | undefined => {
    try {
      // An empty entry is never a formatted file: treat it as missing.
      return readFileSync(join(cacheDir, key), 'utf8') || undefined;
    } catch {
      return undefined;
    }
  };
  // Written whole or not at all (a rename), so a concurrent reader or an interrupted run never
  // sees half a file.
  const store = (key: string, text: string): void => {
    const temp = join(cacheDir, `${key}.${process.pid}.${randomUUID()}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(cacheDir, key));
  };
  let next = 0;
  const send = (files: [string, string][]): Promise<[string, string][]> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      const all = pool();
      all[id % all.length]!.postMessage({ id, files });
    });
  return {
    async format(files) {
      const done = new Map<string, string>();
      const todo: [string, string][] = [];
      const keys = new Map<string, string>();
      for (const [name, text] of Object.entries(files)) {
        if (!formatted(name)) continue;
        const key = keyOf(text);
        const hit = cached(key);
        if (hit !== undefined) done.set(name, hit);
        else {
          todo.push([name, text]);
          keys.set(name, key);
        }
      }
      const batches: Promise<[string, string][]>[] = [];
      for (let i = 0; i < todo.length; i += BATCH) batches.push(send(todo.slice(i, i + BATCH)));
      for (const [name, text] of (await Promise.all(batches)).flat()) {
        done.set(name, text);
        store(keys.get(name)!, text);
      }
      // Keys in the emitter's order, whichever batch came back first.
      return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, done.get(name) ?? text]));
    },
    async close() {
      await Promise.all((workers ?? []).map((w) => w.terminate()));
    },
  };
}

/** One-off formatting of a set of files (a pool for just these). */
export async function formatFiles(root: string, files: Files): Promise<Files> {
  const formatter = await createFormatter(root);
  try {
    return await formatter.format(files);
  } finally {
    await formatter.close();
  }
}
