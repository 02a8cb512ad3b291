// Bundle size of a script that calls one Action (esbuild, minified, gzipped) and the cost
// that importing a package adds to a bare `node` start; this client vs @alicloud/pop-core.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fmt, table } from './lib/measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The one-Action bundle's budget: gzipped bytes at start (10 kB). */
const SIZE_BUDGET = 10_000;

const entries = {
  'alidomain (checkDomain + DomainClientCore)': `import { DomainClientCore } from '@alidomain/core';\nimport { checkDomain } from '@alidomain/client';\nconst c = new DomainClientCore();\ncheckDomain(c, { DomainName: 'example.com' }).then(console.log);`,
  'alidomain (DomainClient, all methods)': `import { DomainClient } from '@alidomain/client';\nnew DomainClient().checkDomain({ DomainName: 'example.com' }).then(console.log);`,
  '@alicloud/pop-core': `import RPCClient from '@alicloud/pop-core';\nnew RPCClient({ endpoint: 'https://domain.aliyuncs.com', apiVersion: '2018-01-29', accessKeyId: 'a', accessKeySecret: 'b' }).request('CheckDomain', { DomainName: 'example.com' }).then(console.log);`,
};

export async function benchSize() {
  const dir = mkdtempSync(join(tmpdir(), 'alidomain-size-'));
  const results = {};
  for (const [name, source] of Object.entries(entries)) {
    const file = join(dir, `${name.replace(/\W+/g, '_')}.mjs`);
    writeFileSync(file, source);
    // Code split as a bundler does for dynamic import(): the entry chunk is what loads at start;
    // chunks behind import() (the XML parser, each Action's validator) load only when needed.
    const out = await build({
      entryPoints: [file],
      bundle: true,
      minify: true,
      splitting: true,
      outdir: join(dir, 'out'),
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      absWorkingDir: root,
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
      metafile: true,
    });
    // What loads at start is the entry chunk and every chunk it imports statically, transitively
    // (shared chunks split off by the bundler); the rest loads only behind import().
    const byName = new Map(out.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [basename(f.path), f]));
    const meta = new Map(Object.entries(out.metafile.outputs).map(([k, v]) => [basename(k), v]));
    const atStart = new Set();
    const visit = (n) => {
      if (atStart.has(n)) return;
      atStart.add(n);
      for (const i of meta.get(n)?.imports ?? [])
        if (i.kind === 'import-statement' && byName.has(basename(i.path))) visit(basename(i.path));
    };
    visit(`${name.replace(/\W+/g, '_')}.js`);
    const start = Buffer.concat([...atStart].map((n) => byName.get(n).contents));
    const lazy = [...byName.keys()].filter((n) => !atStart.has(n)).map((n) => byName.get(n));
    results[name] = {
      minified: start.length,
      gzipped: gzipSync(start, { level: 9 }).length,
      chunksAtStart: atStart.size,
      lazyGzipped: lazy.reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).length, 0),
    };
  }
  return results;
}

/** Wall time of one `node -e <code>` run, in ms. */
function startMs(code) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node -e ${code} failed`);
  return performance.now() - t;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const IMPORTS = {
  bare: '',
  '@alidomain/client': "await import('@alidomain/client')",
  '@alidomain/core': "await import('@alidomain/core')",
  '@alicloud/pop-core': "await import('@alicloud/pop-core')",
  'an empty ES module (loader baseline)': `await import('${new URL('./fixtures/empty.mjs', import.meta.url).href}')`,
};

/** Import cost over a bare start: runs interleaved (bare, each package, bare, …) so drift hits all alike. */
export function benchImport(n = Number(process.env.BENCH_STARTS ?? 21)) {
  const times = Object.fromEntries(Object.keys(IMPORTS).map((k) => [k, []]));
  for (let i = 0; i < n; i++) for (const [k, code] of Object.entries(IMPORTS)) times[k].push(startMs(code));
  const bare = median(times.bare);
  const result = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { ms: k === 'bare' ? bare : median(xs) - bare }]));
  // Instructions (valgrind's callgrind) do not depend on what else the machine is doing: the same
  // comparison, repeatable on a shared machine. Skipped where valgrind is missing.
  if (process.env.BENCH_CALLGRIND !== '0' && spawnSync('valgrind', ['--version']).status === 0) {
    const counts = Object.fromEntries(Object.entries(IMPORTS).map(([k, code]) => [k, instructions(code)]));
    for (const k of Object.keys(IMPORTS)) result[k].instructions = k === 'bare' ? counts.bare : counts[k] - counts.bare;
  }
  return result;
}

/** Instructions a `node -e <code>` run executes, per callgrind. */
function instructions(code) {
  const r = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--input-type=module', '-e', code],
    { cwd: root, encoding: 'utf8' },
  );
  const m = /Collected : (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`callgrind of node -e ${code} failed: ${r.stderr.slice(-500)}`);
  return Number(m[1]);
}

export function printSize(size, imports) {
  console.log('\nBundle of a script that calls one Action (esbuild --bundle --minify --splitting, platform node)');
  console.log('(at start: the entry chunk and the chunks it imports statically, as one gzip stream)');
  console.log(
    table([
      ['bundle', 'at start min B', 'at start gzip B', 'chunks at start', 'on-demand chunks gzip B'],
      ...Object.entries(size).map(([k, v]) => [k, fmt(v.minified), fmt(v.gzipped), fmt(v.chunksAtStart), fmt(v.lazyGzipped)]),
    ]),
  );
  console.log(
    '(undici, which the default Node transport moves to after 1,000 requests, is not bundled: it is imported from node_modules then.)',
  );
  const one = size['alidomain (checkDomain + DomainClientCore)'];
  console.log(
    `one-Action budget: ${fmt(one.gzipped)} B gzip at start, ${one.gzipped < SIZE_BUDGET ? 'under' : 'OVER'} the ${fmt(SIZE_BUDGET)} B budget`,
  );
  const counted = imports.bare.instructions !== undefined;
  const pop = imports['@alicloud/pop-core'];
  console.log(
    `\nImport cost added to a bare node start (median of runs; bare start ${fmt(imports.bare.ms, 1)} ms${counted ? `, ${fmt(imports.bare.instructions / 1e6)} M instructions` : ''})`,
  );
  console.log(
    table([
      ['package', 'added ms', '× pop-core', ...(counted ? ['added M instructions', '× pop-core'] : [])],
      ...Object.entries(imports)
        .filter(([k]) => k !== 'bare')
        .map(([k, v]) => [
          k,
          fmt(v.ms, 1),
          fmt(v.ms / pop.ms, 2),
          ...(counted ? [fmt(v.instructions / 1e6, 1), fmt(v.instructions / pop.instructions, 2)] : []),
        ]),
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printSize(await benchSize(), benchImport());
