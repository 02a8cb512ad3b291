import { DomainCredentialsError } from './errors.js';

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

function processEnv(): Readonly<Record<string, string | undefined>> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

export const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s !== '';

// The CLI config file is read only when options and environment give nothing: its reader is a
// module of its own, loaded then, so that a bundle whose credentials are explicit never carries it.
const profileFile = (): Promise<typeof import('./credentials-file.js')> => import('./credentials-file.js');

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
    return { accessKeyId: opts.accessKeyId, accessKeySecret: opts.accessKeySecret, securityToken: opts.securityToken || undefined };
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
    const fromProfile = await (await profileFile()).fromProfileFile(opts, env, looked);
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

  const fromFile = await (await profileFile()).fromProfileFile(opts, env, looked);
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
