// How long regenerating takes: the generator's own time for a full regeneration of every package
// from spec/openapi.yaml (model, emitters, prettier; in a fresh process, after its imports), with
// an empty format cache (a fresh clone) and with a warm one (after a spec change, only the files it
// changes are formatted again), and the wall time of an `npm run generate` with nothing changed
// (turbo restores from its cache).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, table } from './lib/measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = new URL('../generator/dist/generator/src/cli.js', import.meta.url).href;
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ms of generateFormatted() in a new node process: what a full regeneration costs the generator. */
function fullMs(cacheDir) {
  const code = `const { generateFormatted } = await import(${JSON.stringify(cli)}); const t = performance.now(); await generateFormatted(); console.log(performance.now() - t);`;
  const env = cacheDir === undefined ? process.env : { ...process.env, ALIDOMAIN_GENERATOR_CACHE: cacheDir };
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`full regeneration failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

/** Wall ms of `npm run generate` (turbo, cache hit when nothing changed since the last run). */
function npmGenerateMs() {
  const t = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'generate'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`npm run generate failed: ${r.stderr}`);
  return { ms: performance.now() - t, hit: /FULL TURBO|1 cached, 1 total/.test(r.stdout) };
}

export function benchGenerate(runs = Number(process.env.BENCH_GENERATE_RUNS ?? 3)) {
  npmGenerateMs(); // brings turbo's cache up to date with the tree, so the runs below are no-ops
  const noop = Array.from({ length: runs }, npmGenerateMs);
  const cold = Array.from({ length: runs }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'alidomain-generator-cache-'));
    try {
      return fullMs(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  fullMs(); // fills the repository's cache, if anything was missing
  const warm = Array.from({ length: runs }, () => fullMs());
  return { coldMs: median(cold), warmMs: median(warm), noopMs: median(noop.map((n) => n.ms)), noopAllHits: noop.every((n) => n.hit) };
}

export function printGenerate(r) {
  console.log('\nRegeneration (median of runs)');
  console.log(
    table([
      ['what', 'ms', 'target ms'],
      ['full regeneration, empty format cache (fresh clone), generator time', fmt(r.coldMs), '3,000'],
      ['full regeneration, warm format cache (after a spec change), generator time', fmt(r.warmMs), '3,000'],
      [`no-op npm run generate (turbo cache ${r.noopAllHits ? 'hit' : 'MISS'}), wall`, fmt(r.noopMs), '1,000'],
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printGenerate(benchGenerate());
