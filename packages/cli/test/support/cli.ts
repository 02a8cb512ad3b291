// Runs the real `alidomain` binary (dist/bin.js, as npm installs it) in a child process: with
// pipes, or under a pseudo-terminal (util-linux `script`) to see what a person at a terminal sees.
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '@alidomain/emulator';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface Result {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export type Env = Record<string, string | undefined>;

/** An environment without the caller's Alibaba Cloud settings, with a HOME holding no ~/.aliyun. */
export function cleanEnv(extra: Env = {}): Env {
  const env: Env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ALIBABA_CLOUD_') && !k.startsWith('ALIDOMAIN_')) env[k] = v;
  return { ...env, HOME: mkdtempSync(join(tmpdir(), 'alidomain-home-')), ...extra };
}

/** The emulator's endpoint and its default key pair in the environment. */
export const emulatorEnv = (emulator: Emulator, extra: Env = {}): Env =>
  cleanEnv({
    ALIDOMAIN_ENDPOINT: emulator.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'testid',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'testsecret',
    ...extra,
  });

export function start(
  args: readonly string[],
  options: { env?: Env; stdin?: string; cwd?: string } = {},
): ChildProcessByStdio<Writable, Readable, Readable> {
  const child = spawn(process.execPath, [BIN, ...args], { env: options.env ?? cleanEnv(), cwd: options.cwd, stdio: 'pipe' });
  child.stdin.end(options.stdin ?? '');
  return child;
}

export function finished(child: ChildProcess): Promise<Result> {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `alidomain ...args` with pipes for stdin, stdout and stderr. */
export const alidomain = (args: readonly string[], options: { env?: Env; stdin?: string; cwd?: string } = {}): Promise<Result> =>
  finished(start(args, options));

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `alidomain ...args` under a pseudo-terminal: stdout and stderr are both the terminal, so
 * what it shows comes back as one text (with the terminal's CR LF line ends made LF).
 */
export async function alidomainInTerminal(args: readonly string[], env: Env): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...env, COLUMNS: '200', TERM: 'dumb' }, stdio: 'pipe' });
  child.stdin.end();
  const r = await finished(child);
  return { code: r.code, output: r.stdout.replace(/\r\n/g, '\n') };
}
