// What the generic-client tests share: a scratch directory under test/artifacts where each test
// generates the client code a user would (openapi-typescript's types, hey-api's SDK) from the spec
// package, copies its fixture program beside it, and type-checks the lot with tsc.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator, type Emulator, type SeenRequest } from '@alidomain/emulator';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');

export const specFile = require.resolve('@alidomain/spec/openapi.json');

/** The emulator's default key pair. */
export const KEYS = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

/** What a generic client's call resolves with: the parsed body as `data` or `error`. */
export interface Result {
  data?: Record<string, unknown>;
  error?: Record<string, unknown>;
  response: Response;
}

export interface RenewItem {
  DomainName: string;
  SubscriptionDuration: number;
  CurrentExpirationDate: number;
}

/** The calls both fixture programs export, loosely typed: the tests need the calls, tsc checks the types. */
export interface Program<Client> {
  domainApi(baseUrl: string, options: object): Client;
  checkDomain(client: Client, name: string): Promise<Result>;
  lockTransfers(client: Client, names: string[]): Promise<Result>;
  renew(client: Client, items: RenewItem[]): Promise<Result>;
  verifyProfile(client: Client, profileId: number, credential: string): Promise<Result>;
}

/** The fixture program `file` as copied into `dir`, beside the code generated for it. */
export async function loadProgram<P>(dir: string, file: string): Promise<P> {
  return (await import(pathToFileURL(join(dir, file)).href)) as P;
}

/** An emulator without rate limits, keeping enough of its log for a whole file's requests. */
export const startTestEmulator = (): Promise<Emulator> => startEmulator({ rateLimits: false, requestLog: 1000 });

/** The emulator's record of the latest request of `action` (answered: the client awaited the answer). */
export async function lastSeen(emulator: Emulator, action: string): Promise<SeenRequest> {
  const count = emulator.requests.filter((r) => r.action === action).length;
  return (await emulator.waitForRequests(count, action)).at(-1)!;
}

/** A fresh directory test/artifacts/<name> holding copies of the named fixtures. */
export function scratch(name: string, fixtureFiles: readonly string[]): string {
  const dir = join(root, 'test/artifacts', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of fixtureFiles) copyFileSync(join(fixtures, file), join(dir, file));
  return dir;
}

/** openapi-typescript's `paths` for the spec package, written as `<dir>/domain-api.d.ts`. */
export async function generatePathTypes(dir: string): Promise<void> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(pathToFileURL(specFile));
  writeFileSync(join(dir, 'domain-api.d.ts'), astToString(ast));
}

/** hey-api's SDK and fetch client for the spec package, written to `<dir>/sdk`. */
export async function generateHeyApiClient(dir: string): Promise<void> {
  const { createClient } = await import('@hey-api/openapi-ts');
  await createClient({
    input: specFile,
    output: { path: join(dir, 'sdk') },
    plugins: ['@hey-api/client-fetch', '@hey-api/sdk', '@hey-api/typescript'],
    logs: { level: 'silent' },
  });
}

/**
 * tsc over `files` with the repository's compiler rules, changed by `overrides`; resolves with its
 * report ('' when clean).
 */
export async function typecheck(dir: string, files: readonly string[], overrides: Record<string, unknown> = {}): Promise<string> {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(root, 'tsconfig.base.json'), compilerOptions: { noEmit: true, ...overrides }, files }),
  );
  try {
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir });
    return '';
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}
