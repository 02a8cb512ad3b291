// Time to a first answer in a fresh process (import, construct, sign, send, parse): what a CLI or
// a cold serverless function pays. Runs interleaved across clients; medians.
import { spawn, spawnSync } from 'node:child_process';
import { fmt, table } from './lib/measure.mjs';

const CHILD = new URL('./lib/first-call-child.mjs', import.meta.url).pathname;
const KINDS = ['alidomain', '@alicloud/pop-core', 'node:http (presigned)'];

function startServer() {
  const child = spawn(process.execPath, [new URL('./lib/server.mjs', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve) =>
    child.stdout.once('data', (d) => resolve({ port: Number(String(d).trim()), stop: () => child.stdin.end() })),
  );
}

export async function benchFirstCall(runs = Number(process.env.BENCH_STARTS ?? 11)) {
  const { port, stop } = await startServer();
  const times = Object.fromEntries(KINDS.map((k) => [k, []]));
  try {
    for (let i = 0; i < runs; i++) {
      for (const kind of KINDS) {
        const r = spawnSync(process.execPath, [CHILD, kind, String(port)], {
          encoding: 'utf8',
          env: { ...process.env, ALIBABA_CLOUD_PROFILE: '' },
        });
        if (r.status !== 0) throw new Error(`${kind}: ${r.stderr}`);
        times[kind].push(Number(r.stdout.trim()));
      }
    }
  } finally {
    stop();
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]]));
}

export function printFirstCall(results) {
  console.log('\nFirst answer in a fresh process (ms from process start to the parsed response; median)');
  console.log(table([['client', 'ms'], ...Object.entries(results).map(([k, v]) => [k, fmt(v, 1)])]));
}

if (import.meta.url === `file://${process.argv[1]}`) printFirstCall(await benchFirstCall());
