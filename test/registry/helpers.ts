// Helpers for the registry test (registry.test.ts): a Verdaccio of its own, child processes with
// an environment that cannot reach past 127.0.0.1, a scratch clone of the repository, and the
// third-party packages the published ones depend on, taken from the npm cache.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Refused at once: npm's proxy for anything that is not 127.0.0.1, so no request leaves the machine. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * The environment for every child process. The `npm_*` variables an outer `npm run` exports
 * (npm_config_local_prefix=/work/main among them) are dropped, so a child npm works on the
 * directory it runs in and nothing else; npm sends everything but 127.0.0.1 to a closed port.
 */
export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return {
    ...env,
    npm_config_proxy: NOWHERE,
    npm_config_https_proxy: NOWHERE,
    npm_config_noproxy: '127.0.0.1',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    ...extra,
  };
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs a command to its end without blocking this process's event loop (the mock server and the
 * registry's health checks answer from it). A failure carries the command's output tail.
 */
export async function run(command: string, args: readonly string[], options: RunOptions): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    const tail = (s: string | undefined) => (s ?? '').slice(-6000);
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) failed with ${String(e.code)}\n--- stdout\n${tail(e.stdout)}\n--- stderr\n${tail(e.stderr)}`,
      { cause: error },
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

export interface Registry {
  /** With a trailing slash, as npm writes registry URLs. */
  readonly url: string;
  readonly port: number;
  /**
   * Writes an npm user config at `path` (a temporary file, outside any repository) that points npm
   * at this registry with the publishing token, and returns the environment that makes npm read it.
   * A file, not `npm_config_//127.0.0.1:<port>/:_authToken` in the environment: that name is not a
   * shell identifier, and dash (/bin/sh, which runs `npm run` scripts) drops it from the environment
   * of what the script starts, so `npm run release` would publish without it.
   */
  userConfig(path: string): Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

const verdaccioBin = join(import.meta.dirname, '../../node_modules/verdaccio/bin/verdaccio');

/**
 * Starts Verdaccio in `dir` (its config, storage and htpasswd live there), waits until it answers
 * /-/ping, and creates the one user allowed to publish through the registry's own adduser route.
 */
export async function startRegistry(dir: string): Promise<Registry> {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(import.meta.dirname, 'verdaccio.yaml'), join(dir, 'config.yaml'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [verdaccioBin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async () => {
    if (running) child.kill('SIGTERM');
    await exited;
  };
  try {
    // Polls until the registry answers: it takes seconds to load on a busy machine, and its exit
    // (a taken port, a bad config) ends the wait at once with what it printed.
    for (const started = Date.now(); ;) {
      if (!running) throw new Error(`verdaccio exited before answering:\n${output}`);
      if (Date.now() - started > 120_000) throw new Error(`verdaccio did not answer ${url}-/ping in 120 s:\n${output}`);
      const ok = await fetch(`${url}-/ping`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await delay(200);
    }
    const user = 'alidomain-ci';
    const response = await fetch(`${url}-/user/org.couchdb.user:${user}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user, password: randomUUID() }),
    });
    const body = (await response.json()) as { token?: string; error?: string };
    if (response.status !== 201 || !body.token) throw new Error(`adduser answered ${response.status}: ${body.error ?? 'no token'}`);
    const token = body.token;
    return {
      url,
      port,
      // The token stays in this closure and in the temporary config files written from it.
      userConfig: (path) => {
        writeFileSync(path, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`, { mode: 0o600 });
        return { npm_config_userconfig: path, npm_config_registry: url };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The registry's document for a package, or undefined when it has none. */
export async function packument(
  registry: Registry,
  name: string,
): Promise<{ 'dist-tags': Record<string, string>; versions: Record<string, unknown> } | undefined> {
  const response = await fetch(`${registry.url}${name.replace('/', '%2f')}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${name}: registry answered ${response.status}`);
  return (await response.json()) as { 'dist-tags': Record<string, string>; versions: Record<string, unknown> };
}

/**
 * A clone of the repository at `root` in `dest`, with the working tree's uncommitted changes laid
 * over it (none in CI, which tests a clean clone; here, the changes not yet committed). The release
 * and versioning write to the clone, never to `root`.
 */
export async function cloneWorkingTree(root: string, dest: string): Promise<void> {
  // Read-only git: no index refresh in `root`, where others are working.
  const env = childEnv({ GIT_OPTIONAL_LOCKS: '0' });
  await run('git', ['clone', '--quiet', '--no-hardlinks', root, dest], { cwd: dirname(dest), env });
  // Changed against HEAD, staged or not (added, modified, deleted), and untracked files.
  const changed = await run('git', ['diff', '--name-only', '-z', 'HEAD'], { cwd: root, env });
  const untracked = await run('git', ['ls-files', '-z', '--others', '--exclude-standard'], { cwd: root, env });
  for (const file of new Set(`${changed.stdout}${untracked.stdout}`.split('\0').filter(Boolean))) {
    const from = join(root, file);
    const to = join(dest, file);
    if (existsSync(from)) {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    } else {
      rmSync(to, { force: true });
    }
  }
}

export interface PackageEntry {
  readonly name: string;
  readonly version: string;
  readonly integrity?: string;
}

interface LockEntry {
  readonly name?: string;
  readonly version?: string;
  readonly integrity?: string;
  readonly link?: boolean;
  readonly resolved?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

/**
 * The packages from elsewhere that installing the workspace packages at `locations` (lockfile
 * keys such as "packages/core") brings in, at the lockfile's versions: their runtime dependencies,
 * transitively. Workspace packages are followed, not listed.
 */
export function thirdPartyRuntimeDependencies(lockfilePath: string, locations: readonly string[]): PackageEntry[] {
  const packages = (JSON.parse(readFileSync(lockfilePath, 'utf8')) as { packages: Record<string, LockEntry> }).packages;
  // Node's lookup, as npm lays it out: the nearest node_modules/<name> from `from` upwards.
  const locate = (from: string, name: string): string => {
    for (let base = from; ;) {
      const key = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (key in packages) return key;
      if (!base) throw new Error(`${from}: ${name} is not in the lockfile`);
      const i = base.lastIndexOf('/node_modules/');
      base = i === -1 ? '' : base.slice(0, i);
    }
  };
  const found = new Map<string, PackageEntry>();
  const queue = [...locations];
  const visited = new Set(queue);
  for (let location = queue.shift(); location !== undefined; location = queue.shift()) {
    const entry = packages[location]!;
    const names = Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies });
    for (const name of names) {
      let key = locate(location, name);
      const target = packages[key]!;
      if (target.link) key = target.resolved!;
      else found.set(key, { name, version: target.version!, ...(target.integrity ? { integrity: target.integrity } : {}) });
      if (!visited.has(key)) {
        visited.add(key);
        queue.push(key);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/**
 * Puts third-party packages into the registry, byte for byte the tarballs in the npm cache (`npm
 * pack --offline` fails rather than download), so that a project using only this registry can
 * install what the published packages depend on, and nothing reaches the network.
 */
export async function seedFromCache(registry: Registry, entries: readonly PackageEntry[], dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // Packed through the default registry's cached documents, published to the test's registry.
  const publisher = childEnv(registry.userConfig(join(dir, 'publisher.npmrc')));
  for (const { name, version, integrity } of entries) {
    const { stdout } = await run('npm', ['pack', `${name}@${version}`, '--offline', '--json', '--pack-destination', dir], { cwd: dir });
    const packed = (JSON.parse(stdout) as { filename: string; integrity: string }[])[0]!;
    if (integrity && packed.integrity !== integrity)
      throw new Error(`${name}@${version}: cached tarball is ${packed.integrity}, lockfile says ${integrity}`);
    await run('npm', ['publish', join(dir, packed.filename), '--ignore-scripts'], { cwd: dir, env: publisher });
  }
}
