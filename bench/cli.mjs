// Start-up of the `alidomain` command: the process time (spawn to exit) of
//   alidomain CheckDomain --DomainName example.com --dry-run
// against a bare `node -e ''` in the same run, interleaved, medians. The dry run loads the
// command, one Action's module and validator, resolves credentials and signs: all a call does
// before the network. Target: at most 1.5 times the bare start.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmt, table } from './lib/measure.mjs';

const BIN = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
const ENV = {
  ...process.env,
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'bench-id',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'bench-secret',
  ALIBABA_CLOUD_PROFILE: '',
};
const RUNS = {
  "node -e ''": [process.execPath, ['-e', '']],
  'alidomain CheckDomain --dry-run': [process.execPath, [BIN, 'CheckDomain', '--DomainName', 'example.com', '--dry-run']],
  'alidomain --help': [process.execPath, [BIN, '--help']],
};

function once([file, args]) {
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { env: ENV, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${[file, ...args].join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export function benchCli(runs = Number(process.env.BENCH_STARTS ?? 21)) {
  const times = Object.fromEntries(Object.keys(RUNS).map((k) => [k, []]));
  for (const run of Object.values(RUNS)) once(run); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(RUNS)) times[name].push(once(run));
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]]));
}

export function printCli(results) {
  const base = results["node -e ''"];
  console.log('\nCLI start-up (ms from spawn to exit; median, interleaved; target ≤ 1.5× node -e "")');
  console.log(table([['process', 'ms', '× node -e ""'], ...Object.entries(results).map(([k, v]) => [k, fmt(v, 1), fmt(v / base, 2)])]));
}

if (import.meta.url === `file://${process.argv[1]}`) printCli(benchCli());
