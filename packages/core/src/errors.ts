import { percentEncode } from './encode.js';

/** Base class of every error this package throws on its own. */
export class DomainError extends Error {
  override name = 'DomainError';
}

export interface DomainApiErrorInit {
  code: string;
  message: string;
  statusCode: number;
  action: string;
  requestId?: string | undefined;
  hostId?: string | undefined;
  recommend?: string | undefined;
  retryable: boolean;
  attempts?: number;
  /** The wait the server asked for with `Retry-After`, in ms. */
  retryAfterMs?: number | undefined;
}

const attemptsText = (n: number): string => `${n} attempt${n === 1 ? '' : 's'}`;

/**
 * An error of one call of an Action: it names the Action and how many attempts were made, in its
 * fields and its message. The transports raise theirs without knowing either; the client fills
 * them in before the error reaches the caller.
 */
export abstract class DomainCallError extends DomainError {
  /** The Action called (empty until the client names it, for an error raised by a transport). */
  action: string;
  /** How many attempts were made before giving up. */
  attempts = 1;

  constructor(action: string | undefined, options?: { cause?: unknown }) {
    super('', options);
    this.action = action ?? '';
  }

  /** The message without the Action and the attempts. */
  protected abstract describe(): string;

  /** Records the Action and the attempts, and rewrites the message (and the stack's first line) to name them. */
  recordCall(action: string, attempts: number): void {
    this.action = action;
    this.attempts = attempts;
    this.render();
  }

  /**
   * Replaces the given values with `***` wherever the error holds text: a server can echo the
   * request (an HTML error page, or a SignatureDoesNotMatch message quoting the string to sign)
   * and so the SecurityToken, raw or percent-encoded once or twice.
   */
  redact(values: readonly (string | undefined)[]): void {
    const forms = values
      .filter((v): v is string => v !== undefined && v.length >= 4)
      .flatMap((v) => [percentEncode(percentEncode(v)), percentEncode(v), v]);
    if (forms.length === 0) return;
    const scrub = (text: string): string => forms.reduce((t, f) => (t.includes(f) ? t.split(f).join('***') : t), text);
    const self = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(self)) if (typeof self[key] === 'string') self[key] = scrub(self[key]);
    this.message = scrub(this.message);
    if (typeof this.stack === 'string') this.stack = scrub(this.stack);
    const cause = this.cause as { message?: unknown; stack?: unknown } | null | undefined;
    if (cause !== null && typeof cause === 'object') {
      if (typeof cause.message === 'string') cause.message = scrub(cause.message);
      if (typeof cause.stack === 'string') cause.stack = scrub(cause.stack);
    }
  }

  protected render(): void {
    const old = this.message;
    this.message = `${this.action ? `${this.action}: ` : ''}${this.describe()}`;
    // The stack was captured with the old text; keep its first line in step with the message.
    const stack = this.stack;
    if (typeof stack === 'string') {
      const at = stack.indexOf('\n    at ');
      const head = at < 0 ? stack : stack.slice(0, at);
      if (head.endsWith(old)) this.stack = `${this.name}: ${this.message}${at < 0 ? '' : stack.slice(at)}`;
    }
  }
}

/** The API answered with an error body (`{RequestId, HostId, Code, Message}` or `<Error>`). */
export class DomainApiError extends DomainCallError {
  override name = 'DomainApiError';
  readonly code: string;
  readonly statusCode: number;
  readonly requestId: string | undefined;
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;
  /** The server's own message, without the prefix added in `message`. */
  readonly apiMessage: string;
  /** Whether this kind of failure is transient (see isTransientApiAnswer in classify.ts). The client retries it only for safe/idempotent Actions. */
  readonly retryable: boolean;
  /** The wait the server asked for (`Retry-After`), in ms; the client honours it, up to the backoff cap. */
  readonly retryAfterMs: number | undefined;

  constructor(init: DomainApiErrorInit) {
    super(init.action);
    this.code = init.code;
    this.statusCode = init.statusCode;
    this.requestId = init.requestId;
    this.hostId = init.hostId;
    this.recommend = init.recommend;
    this.apiMessage = init.message;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
    this.render();
  }

  protected describe(): string {
    return `${this.code}: ${this.apiMessage} (HTTP ${this.statusCode}${this.requestId ? `, RequestId ${this.requestId}` : ''}, ${attemptsText(this.attempts)})`;
  }
}

/** The response could not be used: an unparseable body (e.g. an HTML page from a proxy), or one larger than `maxResponseBytes`. */
export class DomainResponseError extends DomainCallError {
  override name = 'DomainResponseError';
  readonly statusCode: number;
  /** The first 200 characters of the body (empty when the body was not read: too large). */
  readonly bodySnippet: string;
  /** Why the response was not usable. */
  readonly reason: string;
  /** The `maxResponseBytes` the body exceeded, when that is why. */
  readonly limit: number | undefined;
  /** The wait the server asked for (`Retry-After`), in ms. */
  readonly retryAfterMs: number | undefined;
  constructor(
    action: string | undefined,
    statusCode: number,
    body: string,
    reason: string,
    options?: { cause?: unknown; limit?: number; retryAfterMs?: number | undefined },
  ) {
    super(action, options?.cause === undefined ? undefined : { cause: options.cause });
    this.statusCode = statusCode;
    this.bodySnippet = body.slice(0, 200);
    this.reason = reason;
    this.limit = options?.limit;
    this.retryAfterMs = options?.retryAfterMs;
    this.render();
  }

  protected describe(): string {
    return `unexpected response (HTTP ${this.statusCode}): ${this.reason} (${attemptsText(this.attempts)})`;
  }
}

/** The body is larger than the client's `maxResponseBytes`: reading stopped there and the connection was closed. */
export function responseTooLarge(statusCode: number, limit: number): DomainResponseError {
  return new DomainResponseError(
    undefined,
    statusCode,
    '',
    `the body exceeds maxResponseBytes (${limit} bytes); reading stopped and the connection was closed`,
    { limit },
  );
}

/** A network failure: no HTTP response was received. */
export class DomainTransportError extends DomainCallError {
  override name = 'DomainTransportError';
  /**
   * `false` only when the request provably never reached the server (connection refused, DNS failure,
   * connect timeout): then even an unsafe Action may be sent again.
   */
  readonly reachedServer: boolean;
  /** System error code such as `ECONNREFUSED`, when known. */
  readonly code: string | undefined;
  readonly #text: string;
  // No Action here: a transport does not know it; the client records it (recordCall).
  constructor(message: string, init: { reachedServer: boolean; code?: string | undefined; cause?: unknown }) {
    super(undefined, init.cause === undefined ? undefined : { cause: init.cause });
    this.#text = message;
    this.reachedServer = init.reachedServer;
    this.code = init.code;
    this.render();
  }

  protected describe(): string {
    return `${this.#text} (${this.reachedServer ? 'the request may have reached the server' : 'the request never reached the server'}; ${attemptsText(this.attempts)})`;
  }
}

/** No response within the per-attempt timeout. */
export class DomainTimeoutError extends DomainTransportError {
  override name = 'DomainTimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number, init: { reachedServer: boolean }) {
    super('request timed out', { reachedServer: init.reachedServer, code: 'ETIMEDOUT' });
    this.timeoutMs = timeoutMs;
    this.render();
  }

  protected override describe(): string {
    return `request timed out after ${this.timeoutMs} ms (${this.reachedServer ? 'no response' : 'could not connect'}; ${attemptsText(this.attempts)})`;
  }
}

/** No usable credentials were found. Never contains secret values. */
export class DomainCredentialsError extends DomainError {
  override name = 'DomainCredentialsError';
  /** Every place that was looked at, and why it did not give credentials. */
  readonly looked: readonly string[];
  constructor(message: string, looked: readonly string[]) {
    super(looked.length > 0 ? `${message}\nLooked at:\n${looked.map((l) => `  - ${l}`).join('\n')}` : message);
    this.looked = looked;
  }
}

export interface ValidationProblem {
  /** Wire name of the parameter, e.g. `DomainName.3` or `Contact.1.Email`; `(input)` for the whole input. */
  readonly param: string;
  readonly expected: string;
  /** Short description of what was given (type, never the full value of a secret). */
  readonly got: string;
  /** The whole line, naming the parameter, when a validator wrote its own (else built from the fields). */
  readonly message?: string;
}

function renderProblem(p: ValidationProblem): string {
  return p.message ?? `${p.param}: expected ${p.expected}, received ${p.got}`;
}

/** The input was rejected before anything was sent. */
export class DomainValidationError extends DomainError {
  override name = 'DomainValidationError';
  readonly action: string;
  readonly problems: readonly ValidationProblem[];
  constructor(action: string, problems: readonly ValidationProblem[]) {
    super(`${action}: invalid input: ${problems.map(renderProblem).join('; ')}`);
    this.action = action;
    this.problems = problems;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

export function isDomainApiError(e: unknown): e is DomainApiError {
  return e instanceof DomainApiError;
}

export function isDomainTransportError(e: unknown): e is DomainTransportError {
  return e instanceof DomainTransportError;
}

export function isDomainTimeoutError(e: unknown): e is DomainTimeoutError {
  return e instanceof DomainTimeoutError;
}

export function isDomainValidationError(e: unknown): e is DomainValidationError {
  return e instanceof DomainValidationError;
}

export function isDomainCredentialsError(e: unknown): e is DomainCredentialsError {
  return e instanceof DomainCredentialsError;
}

/**
 * `e` is an API error with exactly this code. The codes of the document's catalogue are generated
 * into @alidomain/client (`CommonErrorCode`), whose `isErrorCode` completes them.
 */
export function isErrorCode<C extends string>(e: unknown, code: C): e is DomainApiError & { readonly code: C } {
  return e instanceof DomainApiError && e.code === code;
}

export const isServiceUnavailable = (e: unknown): e is DomainApiError => isErrorCode(e, 'ServiceUnavailable');
export const isInternalError = (e: unknown): e is DomainApiError => isErrorCode(e, 'InternalError');
export const isInvalidAccessKeyIdNotFound = (e: unknown): e is DomainApiError => isErrorCode(e, 'InvalidAccessKeyId.NotFound');
export const isSignatureDoesNotMatch = (e: unknown): e is DomainApiError => isErrorCode(e, 'SignatureDoesNotMatch');
export const isSignatureNonceUsed = (e: unknown): e is DomainApiError => isErrorCode(e, 'SignatureNonceUsed');
export const isMissingParameter = (e: unknown): e is DomainApiError => isErrorCode(e, 'MissingParameter');
export const isInvalidParameter = (e: unknown): e is DomainApiError => isErrorCode(e, 'InvalidParameter');
export const isForbiddenRam = (e: unknown): e is DomainApiError => isErrorCode(e, 'Forbidden.RAM');
export const isWhoisInfoNotExist = (e: unknown): e is DomainApiError => isErrorCode(e, 'WhoisInfoNotExist');

/** A client option is unusable. Thrown by the constructor (or by a call, for its own options), before anything is sent. */
export class DomainOptionsError extends DomainError {
  override name = 'DomainOptionsError';
  /** The option, as written in the options object (`timeout`, `retry.capMs`). */
  readonly option: string;
  constructor(option: string, problem: string) {
    super(`${option}: ${problem}`);
    this.option = option;
  }
}
