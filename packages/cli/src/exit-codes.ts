// What the command's exit status means: scripts branch on these, so they are decided here, once.
import {
  DomainApiError,
  DomainCredentialsError,
  DomainOptionsError,
  DomainResponseError,
  DomainTransportError,
  DomainValidationError,
} from '@alidomain/core';

export const EXIT = {
  /** The call (or every call, or the task) succeeded. */
  ok: 0,
  /** A bug of the command itself. */
  internal: 1,
  /** Usage or validation error: nothing was sent. */
  usage: 2,
  /** The API answered with an error (or a task detail failed). */
  api: 3,
  /** Network, timeout or credentials: the API's answer is not known (or nothing could be sent). */
  transport: 4,
  /** A batch stopped by Ctrl-C (128 + SIGINT), after the calls in flight finished. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in how the command was called: reported with its message alone, exit 2, nothing sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An outcome the command has already reported on stderr, ending it with this exit code. */
export class Exit extends Error {
  override name = 'Exit';
  constructor(readonly code: ExitCode) {
    super(`exit ${code}`);
  }
}

/** The exit code an error ends the command with. */
export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof Exit) return err.code;
  if (err instanceof UsageError || err instanceof DomainValidationError || err instanceof DomainOptionsError) return EXIT.usage;
  if (err instanceof DomainApiError || err instanceof DomainResponseError) return EXIT.api;
  if (err instanceof DomainTransportError || err instanceof DomainCredentialsError) return EXIT.transport;
  if (err instanceof Error && err.name === 'DomainTaskTimeoutError') return EXIT.transport;
  return EXIT.internal;
}
