// The alidomain-emulator command, run as users run it: the built bin (dist/cli.js, built here in
// beforeAll from src), its first stdout line awaited, signed calls made with this project's
// client, then a signal and the exit awaited.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainApiError, DomainClient } from '@alidomain/client';
import { validateResponse } from '@alidomain/validators';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(PACKAGE, 'dist', 'cli.js');
const LISTENING = /^alidomain-emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

interface Run {
  readonly child: ChildProcess;
  /** The first stdout line, once written. */
  readonly firstLine: Promise<string>;
  /** Resolves with the exit code and everything written, once the process has exited. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

const running = new Set<ChildProcess>();

function run(...args: string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const lines = createInterface({ input: child.stdout });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before writing a line: ${stderr}`)));
  });
  // Keep an early exit from surfacing as an unhandled rejection in tests that only await `exit`.
  firstLine.catch(() => undefined);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, firstLine, exit };
}

/** Starts the bin and waits for its first line: the URL it listens on. */
async function started(...args: string[]): Promise<Run & { url: string }> {
  const r = run(...args);
  const line = await r.firstLine;
  const m = LISTENING.exec(line);
  if (!m) throw new Error(`unexpected first line: ${JSON.stringify(line)}`);
  return { ...r, url: m[1]! };
}

const client = (url: string, accessKeyId = 'testid', accessKeySecret = 'testsecret') =>
  new DomainClient({ endpoint: url, accessKeyId, accessKeySecret, maxAttempts: 1 });

async function checkDomain(c: DomainClient) {
  const body = await c.checkDomain({ DomainName: 'fresh-name-4711.com' });
  expect(validateResponse('CheckDomain', body)).toEqual([]);
  return body;
}

async function apiErrorOf(call: Promise<unknown>): Promise<DomainApiError> {
  const e = await call.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainApiError);
  return e as DomainApiError;
}

let dir: string;

beforeAll(() => {
  // dist/ is what the bin runs: build it from the current sources first.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: PACKAGE, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'alidomain-emulator-cli-'));
});
afterEach(() => {
  // A test that failed half-way leaves no process behind.
  for (const child of running) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('alidomain-emulator', () => {
  it('writes `alidomain-emulator listening on http://HOST:PORT` first, answers a signed call, and exits 0 on SIGTERM', async () => {
    const r = await started('--port', '0', '--host', '127.0.0.1');
    await checkDomain(client(r.url));
    r.child.kill('SIGTERM');
    const { code, stdout } = await r.exit;
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`alidomain-emulator listening on ${r.url}`);
  });

  it('accepts testid / testsecret when no --access-key is given, and says so', async () => {
    const r = await started();
    await checkDomain(client(r.url));
    r.child.kill('SIGTERM');
    const { stdout } = await r.exit;
    expect(stdout).toMatch(/accepting AccessKeyId testid with AccessKeySecret testsecret/);
  });

  it('saves the state to --state FILE on SIGINT and exits 0', async () => {
    const file = join(dir, 'sigint.json');
    const r = await started('--state', file, '--no-rate-limits');
    await client(r.url).saveDomainGroup({ DomainGroupName: 'saved-on-sigint' });
    r.child.kill('SIGINT');
    expect((await r.exit).code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { groups: { DomainGroupName: string }[] };
    expect(saved.groups.map((g) => g.DomainGroupName)).toContain('saved-on-sigint');
  });

  it('loads --state FILE at start', async () => {
    const file = join(dir, 'load.json');
    writeFileSync(file, JSON.stringify({ groups: [{ DomainGroupId: '7', DomainGroupName: 'from-the-file' }] }));
    const r = await started('--state', file);
    const body = await client(r.url).queryDomainGroupList({});
    expect((body.Data?.DomainGroup ?? []).map((g) => g.DomainGroupName)).toContain('from-the-file');
    r.child.kill('SIGTERM');
    expect((await r.exit).code).toBe(0);
  });

  it('accepts only the --access-key pairs given, and never prints a secret', async () => {
    const secret = 'cli-secret-do-not-print';
    const r = await started('--access-key', `mykey:${secret}`);
    await checkDomain(client(r.url, 'mykey', secret));
    expect((await apiErrorOf(checkDomain(client(r.url)))).code).toBe('InvalidAccessKeyId.NotFound');
    r.child.kill('SIGTERM');
    const { stdout, stderr } = await r.exit;
    expect(stdout).toMatch(/accepting AccessKeyId mykey\n/);
    expect(stdout + stderr).not.toContain(secret);
  });

  it('applies --fault ACTION:CODE:COUNT to COUNT requests', async () => {
    const r = await started('--fault', 'CheckDomain:Throttling:1');
    const c = client(r.url);
    expect((await apiErrorOf(checkDomain(c))).code).toBe('Throttling');
    await checkDomain(c);
    r.child.kill('SIGTERM');
    expect((await r.exit).code).toBe(0);
  });

  it('adds --latency MS to every answer', async () => {
    const r = await started('--latency', '200');
    const start = performance.now();
    await checkDomain(client(r.url));
    expect(performance.now() - start).toBeGreaterThanOrEqual(200);
    r.child.kill('SIGTERM');
    expect((await r.exit).code).toBe(0);
  });
});

describe('alidomain-emulator with a bad flag', () => {
  it.each([
    [['--prot', '1'], /Unknown option '--prot'/],
    [['--port'], /--port <value>' argument missing/],
    [['--port', 'eighty'], /--port "eighty": expected a whole number from 0 to 65535/],
    [['--port', '70000'], /--port "70000": expected a whole number from 0 to 65535/],
    [['--latency', '1.5'], /--latency "1.5": expected a whole number/],
    [['--fault', 'CheckDomain'], /--fault "CheckDomain": expected ACTION:CODE\[:COUNT\]/],
    [['--fault', 'CheckDomian:Throttling'], /--fault "CheckDomian:Throttling": ACTION "CheckDomian" is not an Action/],
    [['--fault', 'CheckDomain:Throttling:0'], /COUNT "0": expected a whole number of requests, at least 1/],
    [['--access-key', 'no-colon-secret'], /--access-key \(the first\): expected ID:SECRET/],
    [['--state', join(tmpdir(), 'alidomain-no-such-dir', 'state.json')], /--state .*: cannot save to .*is not a directory/],
  ])('%j exits 2 naming the flag and what it expects', async (args, message) => {
    const { code, stdout, stderr } = await run(...args).exit;
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('exits 2 on a malformed --state file, naming the field', async () => {
    const file = join(dir, 'malformed.json');
    writeFileSync(file, JSON.stringify({ domains: [{ DomainName: 'acme-widgets.com', ExpirationDate: 'next spring' }] }));
    const { code, stderr } = await run('--state', file).exit;
    expect(code).toBe(2);
    expect(stderr).toContain(`--state ${file}: domains[0].ExpirationDate: expected epoch milliseconds or an ISO 8601 date`);
  });

  it('does not print the value of a malformed --access-key', async () => {
    const { code, stderr } = await run('--access-key', 'malformed-secret-value').exit;
    expect(code).toBe(2);
    expect(stderr).not.toContain('malformed-secret-value');
  });

  it('does not print a secret given apart from its flag (--access-key ID SECRET)', async () => {
    const { code, stderr } = await run('--access-key', 'myid', 'stray-secret-value').exit;
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unexpected argument/);
    expect(stderr).not.toContain('stray-secret-value');
  });
});
