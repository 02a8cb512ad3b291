// The Alibaba Cloud CLI config file (~/.aliyun/config.json) as a credential source: loaded by
// credentials.ts only when the options and the environment give no credentials.
import type { CredentialChainOptions, Credentials } from './credentials.js';
import { ENV_PROFILE, nonEmpty } from './credentials.js';
import { nodeBuiltin } from './node-builtins.js';

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

interface CliProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
  sts_token?: unknown;
}

/** Credentials of the wanted profile of the CLI config file, or undefined with the reason pushed to `looked`. */
export async function fromProfileFile(
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
  // The file is untyped JSON: an entry may be anything.
  const profiles = Array.isArray(config.profiles) ? (config.profiles as unknown[]) : [];
  const profile = profiles.find((p): p is CliProfile => p !== null && typeof p === 'object' && (p as CliProfile).name === name);
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
