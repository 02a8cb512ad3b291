import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCredentialsProvider, resolveCredentials } from '../src/credentials.js';
import { DomainCredentialsError } from '../src/errors.js';

let dir: string;
const noEnv = {};

function writeConfig(config: unknown, path = join(dir, 'config.json')): string {
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config));
  return path;
}

const profiles = {
  current: 'default',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'file-id', access_key_secret: 'file-secret' },
    { name: 'sts', mode: 'StsToken', access_key_id: 'sts-id', access_key_secret: 'sts-secret', sts_token: 'sts-token' },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'r', access_key_secret: 'r' },
  ],
};

async function credentialsError(p: Promise<unknown>): Promise<DomainCredentialsError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainCredentialsError) return e;
    throw e;
  }
  throw new Error('expected DomainCredentialsError');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'alidomain-cred-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('credential chain', () => {
  it('uses explicit options first', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };
    await expect(resolveCredentials({ accessKeyId: 'o-id', accessKeySecret: 'o-secret', securityToken: 'o-tok', env })).resolves.toEqual({
      accessKeyId: 'o-id',
      accessKeySecret: 'o-secret',
      securityToken: 'o-tok',
    });
  });

  it('rejects half of an explicit pair instead of falling through', async () => {
    const e = await credentialsError(resolveCredentials({ accessKeyId: 'o-id', env: noEnv }));
    expect(e.message).toContain('accessKeySecret');
  });

  it('uses the environment variables second, with the STS token', async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'env-tok',
    };
    await expect(resolveCredentials({ env, configPath: writeConfig(profiles) })).resolves.toEqual({
      accessKeyId: 'env-id',
      accessKeySecret: 'env-secret',
      securityToken: 'env-tok',
    });
  });

  it('reads process.env when no env is passed', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'penv-id');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'penv-secret');
    await expect(resolveCredentials({ configPath: join(dir, 'none.json') })).resolves.toMatchObject({ accessKeyId: 'penv-id' });
  });

  it('uses the CLI config current profile third', async () => {
    await expect(resolveCredentials({ env: noEnv, configPath: writeConfig(profiles) })).resolves.toEqual({
      accessKeyId: 'file-id',
      accessKeySecret: 'file-secret',
      securityToken: undefined,
    });
  });

  it('uses the profile named by the option', async () => {
    await expect(resolveCredentials({ env: noEnv, profile: 'sts', configPath: writeConfig(profiles) })).resolves.toEqual({
      accessKeyId: 'sts-id',
      accessKeySecret: 'sts-secret',
      securityToken: 'sts-token',
    });
  });

  it('uses the profile named by the option even when the environment holds keys', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };
    await expect(resolveCredentials({ env, profile: 'sts', configPath: writeConfig(profiles) })).resolves.toMatchObject({
      accessKeyId: 'sts-id',
    });
  });

  it('fails for a profile named by the option that does not exist, instead of using the environment', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };
    const e = await credentialsError(resolveCredentials({ env, profile: 'nope', configPath: writeConfig(profiles) }));
    expect(e.message).toContain('The profile "nope" given in the options cannot be used');
    expect(e.message).toContain('no profile named "nope" (from option profile)');
  });

  it('uses the profile named by ALIBABA_CLOUD_PROFILE', async () => {
    await expect(resolveCredentials({ env: { ALIBABA_CLOUD_PROFILE: 'sts' }, configPath: writeConfig(profiles) })).resolves.toMatchObject({
      accessKeyId: 'sts-id',
    });
  });

  it('reads ~/.aliyun/config.json by default', async () => {
    mkdirSync(join(dir, '.aliyun'));
    writeConfig(profiles, join(dir, '.aliyun', 'config.json'));
    vi.stubEnv('HOME', dir);
    vi.stubEnv('USERPROFILE', dir);
    await expect(resolveCredentials({ env: noEnv })).resolves.toMatchObject({ accessKeyId: 'file-id' });
  });

  it('explains an unsupported profile mode', async () => {
    const e = await credentialsError(resolveCredentials({ env: noEnv, profile: 'role', configPath: writeConfig(profiles) }));
    expect(e.message).toContain('RamRoleArn');
  });

  it('lists every place looked at when nothing is found', async () => {
    const path = join(dir, 'missing.json');
    const e = await credentialsError(resolveCredentials({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'only-id' }, configPath: path }));
    expect(e.looked).toHaveLength(3);
    expect(e.message).toContain('accessKeyId/accessKeySecret');
    expect(e.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET');
    expect(e.message).toContain(path);
  });

  it('never prints secret values in the error', async () => {
    const path = writeConfig({
      current: 'x',
      profiles: [{ name: 'x', mode: 'StsToken', access_key_id: 'id', access_key_secret: 'TOPSECRET', sts_token: '' }],
    });
    const e = await credentialsError(resolveCredentials({ env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'ENVSECRET' }, configPath: path }));
    expect(e.message).not.toContain('TOPSECRET');
    expect(e.message).not.toContain('ENVSECRET');
  });

  it('reports a config file that is not JSON', async () => {
    const e = await credentialsError(resolveCredentials({ env: noEnv, configPath: writeConfig('{nope') }));
    expect(e.message).toContain('not valid JSON');
  });
});

describe('defaultCredentialsProvider', () => {
  it('resolves once and caches the result', async () => {
    const path = writeConfig(profiles);
    const provider = defaultCredentialsProvider({ env: noEnv, configPath: path });
    const first = await provider();
    rmSync(path);
    expect(await provider()).toBe(first);
  });

  it('does not resolve before first use', async () => {
    const path = join(dir, 'late.json');
    const provider = defaultCredentialsProvider({ env: noEnv, configPath: path });
    writeConfig(profiles, path);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'file-id' });
  });

  it('does not cache a failure', async () => {
    const path = join(dir, 'later.json');
    const provider = defaultCredentialsProvider({ env: noEnv, configPath: path });
    await expect(provider()).rejects.toBeInstanceOf(DomainCredentialsError);
    writeConfig(profiles, path);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'file-id' });
  });
});
