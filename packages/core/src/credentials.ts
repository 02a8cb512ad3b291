import { DomainCredentialsError } from './errors.js';
import { nodeBuiltin } from './node-builtins.js';

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** STS token, sent as SecurityToken. */
  readonly securityToken?: string | undefined;
}

/** Anything that yields credentials; called before each request (cache inside if it is costly). */
export type CredentialsProvider = () => Credentials | Promise<Credentials>;

export interface CredentialChainOptions {
  readonly accessKeyId?: string | undefined;
  readonly accessKeySecret?: string | undefined;
  readonly securityToken?: string | undefined;
  /** CLI profile name; default: env ALIBABA_CLOUD_PROFILE, then the file's `current`. */
  readonly profile?: string | undefined;
  /** Path of the Alibaba Cloud CLI config; default `~/.aliyun/config.json`. */
  readonly configPath?: string | undefined;
  /** Environment to read; default `process.env` (when there is one). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';
export const ENV_PROFILE = 'ALIBABA_CLOUD_PROFILE';

interface NodeModules {
  readFile(path: string): Promise<string>;
  homedir(): string;
  join(...parts: string[]): string;
}

/** node:fs/os/path, obtained at run time so that browser bundles never need them. */
function nodeModules(): NodeModules | undefined {
  const fs = nodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
  const os = nodeBuiltin<typeof import('node:os')>('node:os');
  const path = nodeBuiltin<typeof import('node:path')>('node:path');
  if (!fs || !os || !path) return undefined;
  return { readFile: (p) => fs.readFile(p, 'utf8'), homedir: () => os.homedir(), join: (...p) => path.join(...p) };
}

function processEnv(): Readonly<Record<string, string | undefined>> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s !== '';

interface CliProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
  sts_token?: unknown;
}

async function fromProfileFile(
  opts: CredentialChainOptions,
  env: Readonly<Record<string, string | undefined>>,
  looked: string[],
): Promise<Credentials | undefined> {
  const node = nodeModules();
  if (node === undefined) {
    looked.push('Alibaba Cloud CLI config file: not available (no file system in this runtime)');
    return undefined;
  }
  const path = opts.configPath ?? node.join(node.homedir(), '.aliyun', 'config.json');
  let text: string;
  try {
    text = await node.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'unreadable';
    looked.push(`Alibaba Cloud CLI config file ${path}: ${code === 'ENOENT' ? 'not found' : `cannot be read (${code})`}`);
    return undefined;
  }
  let config: { current?: unknown; profiles?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    looked.push(`Alibaba Cloud CLI config file ${path}: not valid JSON`);
    return undefined;
  }
  const wanted = opts.profile ?? (nonEmpty(env[ENV_PROFILE]) ? env[ENV_PROFILE] : undefined);
  const source = opts.profile !== undefined ? 'option profile' : wanted !== undefined ? ENV_PROFILE : '"current"';
  const name = wanted ?? (typeof config.current === 'string' && config.current !== '' ? config.current : 'default');
  const profiles = Array.isArray(config.profiles) ? (config.profiles as CliProfile[]) : [];
  const profile = profiles.find((p) => p !== null && typeof p === 'object' && p.name === name);
  if (profile === undefined) {
    looked.push(`Alibaba Cloud CLI config file ${path}: no profile named "${name}" (from ${source})`);
    return undefined;
  }
  const mode = typeof profile.mode === 'string' ? profile.mode : 'AK';
  if (mode !== 'AK' && mode !== 'StsToken') {
    looked.push(`Alibaba Cloud CLI config file ${path}, profile "${name}": mode "${mode}" is not supported (only AK and StsToken)`);
    return undefined;
  }
  const id = typeof profile.access_key_id === 'string' ? profile.access_key_id : undefined;
  const secret = typeof profile.access_key_secret === 'string' ? profile.access_key_secret : undefined;
  const token = typeof profile.sts_token === 'string' ? profile.sts_token : undefined;
  if (!nonEmpty(id) || !nonEmpty(secret)) {
    looked.push(`Alibaba Cloud CLI config file ${path}, profile "${name}": access_key_id or access_key_secret is empty`);
    return undefined;
  }
  if (mode === 'StsToken' && !nonEmpty(token)) {
    looked.push(`Alibaba Cloud CLI config file ${path}, profile "${name}": mode StsToken but sts_token is empty`);
    return undefined;
  }
  return { accessKeyId: id, accessKeySecret: secret, securityToken: mode === 'StsToken' ? token : undefined };
}

/**
 * Resolves credentials from, in order: explicit options (keys, else a named `profile` of the
 * CLI config file); the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET /
 * ALIBABA_CLOUD_SECURITY_TOKEN; the Alibaba Cloud CLI config file (ALIBABA_CLOUD_PROFILE or its
 * `current` profile). Throws DomainCredentialsError listing every place looked at (no secret values).
 */
export async function resolveCredentials(opts: CredentialChainOptions = {}): Promise<Credentials> {
  const looked: string[] = [];

  const hasId = nonEmpty(opts.accessKeyId);
  const hasSecret = nonEmpty(opts.accessKeySecret);
  if (hasId && hasSecret) {
    return { accessKeyId: opts.accessKeyId!, accessKeySecret: opts.accessKeySecret!, securityToken: opts.securityToken || undefined };
  }
  if (hasId !== hasSecret) {
    // Half of a pair is a mistake, not a reason to silently use other credentials.
    throw new DomainCredentialsError(
      `Incomplete explicit credentials: ${hasId ? 'accessKeyId' : 'accessKeySecret'} was given without ${hasId ? 'accessKeySecret' : 'accessKeyId'}.`,
      [],
    );
  }
  looked.push('options accessKeyId/accessKeySecret: not given');

  const env = opts.env ?? processEnv();
  // A profile named in the options is explicit configuration too: it wins over the environment's
  // keys, and when it cannot be used that is an error, not a reason to use other credentials.
  if (opts.profile !== undefined) {
    const fromProfile = await fromProfileFile(opts, env, looked);
    if (fromProfile !== undefined) return fromProfile;
    throw new DomainCredentialsError(`The profile "${opts.profile}" given in the options cannot be used.`, looked);
  }
  const envId = env[ENV_ACCESS_KEY_ID];
  const envSecret = env[ENV_ACCESS_KEY_SECRET];
  if (nonEmpty(envId) && nonEmpty(envSecret)) {
    const token = env[ENV_SECURITY_TOKEN];
    return { accessKeyId: envId, accessKeySecret: envSecret, securityToken: nonEmpty(token) ? token : undefined };
  }
  looked.push(
    nonEmpty(envId) || nonEmpty(envSecret)
      ? `environment ${ENV_ACCESS_KEY_ID}/${ENV_ACCESS_KEY_SECRET}: only ${nonEmpty(envId) ? ENV_ACCESS_KEY_ID : ENV_ACCESS_KEY_SECRET} is set`
      : `environment ${ENV_ACCESS_KEY_ID}/${ENV_ACCESS_KEY_SECRET}: not set`,
  );

  const fromFile = await fromProfileFile(opts, env, looked);
  if (fromFile !== undefined) return fromFile;

  throw new DomainCredentialsError('No Alibaba Cloud credentials found.', looked);
}

/**
 * The default provider: resolves the chain on first use and caches the result.
 * A failed resolution is not cached, so a later call can pick up newly set credentials.
 */
export function defaultCredentialsProvider(opts: CredentialChainOptions = {}): CredentialsProvider {
  let cached: Promise<Credentials> | undefined;
  // Once found, handed out synchronously: no await per request.
  let found: Credentials | undefined;
  return () => {
    if (found !== undefined) return found;
    if (cached === undefined) {
      cached = resolveCredentials(opts).then((c) => (found = c));
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  };
}
