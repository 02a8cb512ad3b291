// The client a command calls the API with: @alidomain/core's, configured from the command's
// options, validating every input before it is sent, and telling the terminal which values
// (the AccessKeySecret and SecurityToken in use) must never be printed.
import {
  DomainClientCore,
  DomainOptionsError,
  defaultCredentialsProvider,
  type CredentialsProvider,
  type Transport,
} from '@alidomain/core';
import { problemsOf } from './validation.js';
import type { ActionCommand } from './command-types.js';
import type { Terminal } from './terminal.js';
import { UsageError } from './exit-codes.js';

/** The options every Action call (and batch) takes, as parsed from the flags. */
export interface ClientFlags {
  readonly endpoint?: string;
  readonly format?: 'JSON' | 'XML';
  readonly timeout?: number;
  readonly maxAttempts?: number;
  readonly profile?: string;
}

/** The flag each client option comes from, for messages. */
const FLAG_OF: Record<string, string> = {
  endpoint: '--endpoint (or ALIDOMAIN_ENDPOINT)',
  format: '--format',
  timeout: '--timeout',
  maxAttempts: '--max-attempts',
  profile: '--profile',
};

/** The credential chain (`--profile`, environment, ~/.aliyun/config.json), its finds hidden from output. */
export function credentialsFor(flags: ClientFlags, term: Terminal): CredentialsProvider {
  const chain = defaultCredentialsProvider({ profile: flags.profile });
  return async () => {
    const found = await chain();
    term.hide(found.accessKeySecret, found.securityToken);
    return found;
  };
}

export interface ClientParts {
  readonly transport?: Transport;
  readonly credentials?: CredentialsProvider;
}

/**
 * A client for calls of `command`, whose inputs it checks before sending. Other calls it makes
 * for the command (QueryTaskDetailList for --wait) are the command's own, built valid.
 */
export function createClient(flags: ClientFlags, term: Terminal, command: ActionCommand, parts: ClientParts = {}): DomainClientCore {
  try {
    const endpoint = flags.endpoint ?? (process.env.ALIDOMAIN_ENDPOINT || undefined);
    return new DomainClientCore({
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(flags.format !== undefined ? { format: flags.format } : {}),
      ...(flags.timeout !== undefined ? { timeout: flags.timeout } : {}),
      ...(flags.maxAttempts !== undefined ? { maxAttempts: flags.maxAttempts } : {}),
      validate: (meta, input) => (meta.action === command.name ? problemsOf(command, input) : []),
      credentials: parts.credentials ?? credentialsFor(flags, term),
      ...(parts.transport ? { transport: parts.transport } : {}),
    });
  } catch (err) {
    // The client names its option (`endpoint`); the user typed a flag.
    if (err instanceof DomainOptionsError) {
      const problem = err.message.slice(err.option.length + 2);
      throw new UsageError(`${FLAG_OF[err.option] ?? err.option}: ${problem}`);
    }
    throw err;
  }
}
