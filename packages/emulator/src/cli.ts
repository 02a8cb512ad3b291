#!/usr/bin/env node
// alidomain-emulator [--port 0] [--host 127.0.0.1] [--access-key ID:SECRET]... [--state FILE]
//                    [--latency MS] [--fault ACTION:CODE[:COUNT]]... [--task-step MS] [--no-rate-limits]
// The first line on stdout is `alidomain-emulator listening on http://HOST:PORT` (scripts wait for
// it); a bad flag exits 2 naming it; SIGINT/SIGTERM save the state (with --state) and exit 0.
import { parseArgs } from 'node:util';
import { parseFault, SeedError, startEmulator, type Emulator, type Fault } from './index.js';

const USAGE = `usage: alidomain-emulator [--port 0] [--host 127.0.0.1] [--access-key ID:SECRET]... [--state FILE]
                          [--latency MS] [--fault ACTION:CODE[:COUNT]]... [--task-step MS] [--no-rate-limits]
  --port N                 port to listen on (default 0: any free port)
  --host HOST              address to listen on (default 127.0.0.1)
  --access-key ID:SECRET   an AccessKeyId and its secret to accept (repeatable; default testid:testsecret)
  --state FILE             load the state from FILE (default state when missing), save it there on exit
  --latency MS             add MS milliseconds to every answer
  --fault ACTION:CODE[:COUNT]
                           ACTION an Action or *; CODE an error code (Throttling, ServiceUnavailable,
                           InternalError…), drop or latency=MS; COUNT requests (default: all). Repeatable.
  --task-step MS           how long a task detail waits, then executes (default 1000)
  --no-rate-limits         turn off the document's per-Action QPS limits`;

function fail(message: string, code = 2): never {
  process.stderr.write(`alidomain-emulator: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

function integer(flag: string, v: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) > max)
    fail(`--${flag} ${JSON.stringify(v)}: expected a whole number${max < Number.MAX_SAFE_INTEGER ? ` from 0 to ${max}` : ''}`);
  return Number(v);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'access-key': { type: 'string', multiple: true },
      state: { type: 'string' },
      latency: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'task-step': { type: 'string' },
      'no-rate-limits': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
} catch (e) {
  // parseArgs names the flag ("Unknown option '--prot'", "Option '--port <value>' argument missing"),
  // but also quotes stray values ("Unexpected argument 'mysecret'" after `--access-key id mysecret`),
  // which may be a secret: only quoted flags are kept.
  fail((e as Error).message.replace(/'([^']*)'/g, (quoted, v: string) => (v.startsWith('-') ? quoted : "'…'")));
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const accessKeys: Record<string, string> = {};
for (const [i, pair] of (args['access-key'] ?? []).entries()) {
  const at = pair.indexOf(':');
  // Neither the pair nor the secret is echoed: it may be a real one.
  if (at <= 0 || at === pair.length - 1)
    fail(`--access-key (the ${ordinal(i + 1)}): expected ID:SECRET (an AccessKeyId, a colon, its secret)`);
  accessKeys[pair.slice(0, at)] = pair.slice(at + 1);
}
let faults: Fault[];
try {
  faults = (args.fault ?? []).map(parseFault);
} catch (e) {
  fail((e as Error).message);
}
if (args.host === '') fail('--host "": expected a host name or IP address');
if (args.state === '') fail('--state "": expected a file path');

let emulator: Emulator;
try {
  emulator = await startEmulator({
    port: integer('port', args.port, 0, 65535),
    host: args.host ?? '127.0.0.1',
    ...(Object.keys(accessKeys).length ? { accessKeys } : {}),
    ...(args.state === undefined ? {} : { stateFile: args.state }),
    latencyMs: integer('latency', args.latency, 0),
    taskStepMs: integer('task-step', args['task-step'], 1000),
    faults,
    ...(args['no-rate-limits'] ? { rateLimits: false as const } : {}),
  });
} catch (e) {
  const message = (e as Error).message;
  // A state file that cannot be read or written is a bad --state; anything else (a port in use) is not a usage error.
  if (e instanceof SeedError || message.startsWith('state')) {
    const file = args.state ?? '';
    fail(`--state ${file}: ${message.replace(`state ${file}: `, '').replace(/^state: /, '')}`);
  }
  fail(`cannot start: ${message}`, 1);
}

process.stdout.write(`alidomain-emulator listening on ${emulator.url}\n`);
if (Object.keys(accessKeys).length === 0)
  process.stdout.write('accepting AccessKeyId testid with AccessKeySecret testsecret (no --access-key given)\n');
else process.stdout.write(`accepting AccessKeyId ${Object.keys(accessKeys).join(', ')}\n`);
if (args.state !== undefined) process.stdout.write(`state: ${args.state} (saved on exit)\n`);
if (args['no-rate-limits']) process.stdout.write('rate limits: off\n');

let stopping = false;
const stop = (signal: string) => {
  // A second signal while the state is being written does not cut it short.
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => {
      process.stdout.write(`alidomain-emulator stopped (${signal})${args.state === undefined ? '' : `, state saved to ${args.state}`}\n`);
      process.exit(0);
    },
    (e: unknown) => fail(`stopping: ${(e as Error).message}`, 1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

function ordinal(n: number): string {
  return n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}
