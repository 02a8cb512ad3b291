// Requests per second and latency against a loopback server: this client, @alicloud/pop-core,
// and two presigned floors (a fixed URL, no signing or parsing): node:http with a keep-alive
// agent, and undici's dispatcher, which this client's Node transport uses. Sequential and 32 in
// flight. Bounded in time.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { DomainClient, UNDICI_AFTER_REQUESTS } from '@alidomain/client';
import { Pool } from 'undici';
import { fmt, percentile, table } from './lib/measure.mjs';

const require = createRequire(import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function startServer() {
  const child = spawn(process.execPath, [new URL('./lib/server.mjs', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve) =>
    child.stdout.once('data', (d) => resolve({ port: Number(String(d).trim()), stop: () => child.stdin.end() })),
  );
}

async function run(call, inFlight, seconds = SECONDS) {
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  let errors = 0;
  async function worker() {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  }
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

export async function benchThroughput() {
  const { port, stop } = await startServer();
  const endpoint = `http://127.0.0.1:${port}`;
  const ours = new DomainClient({ accessKeyId: 'testid', accessKeySecret: 'testsecret', endpoint, maxAttempts: 1 });
  const RPCClient = require('@alicloud/pop-core');
  const pop = new RPCClient({ accessKeyId: 'testid', accessKeySecret: 'testsecret', endpoint, apiVersion: '2018-01-29' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const presigned = `/?Action=CheckDomain&DomainName=example.com&Format=JSON&Version=2018-01-29&Signature=x`;
  const floor = () =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: presigned, agent }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve(JSON.parse(data)));
      });
      req.on('error', reject);
      req.end();
    });
  const pool = new Pool(endpoint, { connections: 64, pipelining: 1 });
  const undiciFloor = () =>
    new Promise((resolve, reject) => {
      const chunks = [];
      pool.dispatch(
        { path: presigned, method: 'GET' },
        {
          onRequestStart: () => undefined, // undici treats a handler without it as the legacy handler API
          onResponseData: (_c, chunk) => chunks.push(chunk),
          onResponseEnd: () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
          onResponseError: (_c, err) => reject(err),
        },
      );
    });
  const clients = {
    alidomain: () => ours.checkDomain({ DomainName: 'example.com' }),
    '@alicloud/pop-core': () => pop.request('CheckDomain', { DomainName: 'example.com' }, { method: 'GET', timeout: 10_000 }),
    'node:http keep-alive floor (presigned)': floor,
    'undici dispatch floor (presigned)': undiciFloor,
  };
  const results = {};
  try {
    // Past the default transport's move to undici (UNDICI_AFTER_REQUESTS), so the rounds measure
    // what a busy client runs on; the load itself is timed by bench/first-call.mjs's cold start.
    for (let i = 0; i <= UNDICI_AFTER_REQUESTS; i++) await ours.checkDomain({ DomainName: 'example.com' });
    for (const inFlight of [1, 32]) {
      for (const call of Object.values(clients)) await run(call, inFlight, 0.5); // warm-up: JIT and connections
      // Interleaved rounds, median by requests/s: this machine is shared and its load drifts.
      const rounds = {};
      for (let r = 0; r < ROUNDS; r++) {
        for (const [name, call] of Object.entries(clients)) (rounds[name] ??= []).push(await run(call, inFlight));
      }
      for (const [name, list] of Object.entries(rounds)) {
        list.sort((a, b) => a.rps - b.rps);
        results[`${name} @${inFlight}`] = list[Math.floor(list.length / 2)];
      }
    }
  } finally {
    agent.destroy();
    await pool.close();
    stop();
  }
  return results;
}

export function printThroughput(results) {
  console.log(`\nThroughput against a loopback server (median of ${ROUNDS} interleaved ${SECONDS} s runs; requests/s, latency ms)`);
  console.log(
    `alidomain runs its default transport, which moved from node:http to undici after ${UNDICI_AFTER_REQUESTS} warm-up requests.`,
  );
  const pop32 = results['@alicloud/pop-core @32']?.rps;
  console.log(
    table([
      ['client @ in flight', 'req/s', 'p50 ms', 'p99 ms', 'errors', '× pop-core'],
      ...Object.entries(results).map(([k, r]) => [
        k,
        fmt(r.rps),
        fmt(r.p50, 2),
        fmt(r.p99, 2),
        r.errors,
        k.endsWith('@32') && pop32 ? fmt(r.rps / pop32, 2) : '',
      ]),
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printThroughput(await benchThroughput());
