/** Base class of every error this package throws on its own. */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** Common error codes of the Domain API (appendix 6.1 of the reference, plus frequent service codes). */
export type CommonErrorCode =
  | 'Throttling'
  | 'ServiceUnavailable'
  | 'InternalError'
  | 'InvalidAccessKeyId.NotFound'
  | 'SignatureDoesNotMatch'
  | 'SignatureNonceUsed'
  | 'MissingParameter'
  | 'InvalidParameter'
  | 'UnsupportedOperation'
  | 'NoSuchVersion'
  | 'Forbidden'
  | 'Forbidden.RAM'
  | 'Forbidden.RiskControl'
  | 'Forbidden.UserVerification'
  | 'WhoisInfoNotExist';

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
}

/** The API answered with an error body (`{RequestId, HostId, Code, Message}` or `<Error>`). */
export class DomainApiError extends DomainError {
  override name = 'DomainApiError';
  readonly code: string;
  readonly statusCode: number;
  readonly action: string;
  readonly requestId: string | undefined;
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;
  /** The server's own message, without the prefix added in `message`. */
  readonly apiMessage: string;
  /** Whether this kind of failure is transient (Throttling, 5xx, …). The client retries it only for safe/idempotent Actions. */
  readonly retryable: boolean;
  /** How many attempts were made before giving up. */
  attempts: number;

  constructor(init: DomainApiErrorInit) {
    super(`${init.action}: ${init.code}: ${init.message} (HTTP ${init.statusCode}${init.requestId ? `, RequestId ${init.requestId}` : ''})`);
    this.code = init.code;
    this.statusCode = init.statusCode;
    this.action = init.action;
    this.requestId = init.requestId;
    this.hostId = init.hostId;
    this.recommend = init.recommend;
    this.apiMessage = init.message;
    this.retryable = init.retryable;
    this.attempts = init.attempts ?? 1;
  }

}

/** The response could not be understood (unparseable body, e.g. an HTML page from a proxy). */
export class DomainResponseError extends DomainError {
  override name = 'DomainResponseError';
  readonly statusCode: number;
  readonly action: string;
  /** The first 200 characters of the body. */
  readonly bodySnippet: string;
  attempts = 1;
  constructor(action: string, statusCode: number, body: string, reason: string, options?: { cause?: unknown }) {
    super(`${action}: unexpected response (HTTP ${statusCode}): ${reason}`, options);
    this.action = action;
    this.statusCode = statusCode;
    this.bodySnippet = body.slice(0, 200);
  }
}

/** A network failure: no HTTP response was received. */
export class DomainTransportError extends DomainError {
  override name = 'DomainTransportError';
  /**
   * `false` only when the request provably never reached the server (connection refused, DNS failure,
   * connect timeout): then even an unsafe Action may be sent again.
   */
  readonly reachedServer: boolean;
  /** System error code such as `ECONNREFUSED`, when known. */
  readonly code: string | undefined;
  action: string | undefined;
  attempts = 1;
  constructor(message: string, init: { reachedServer: boolean; code?: string | undefined; cause?: unknown; action?: string }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.reachedServer = init.reachedServer;
    this.code = init.code;
    this.action = init.action;
  }
}

/** No response within the per-attempt timeout. */
export class DomainTimeoutError extends DomainTransportError {
  override name = 'DomainTimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number, init: { reachedServer: boolean; action?: string }) {
    super(
      `Request timed out after ${timeoutMs} ms (${init.reachedServer ? 'no response' : 'could not connect'})`,
      { reachedServer: init.reachedServer, code: 'ETIMEDOUT', ...(init.action === undefined ? {} : { action: init.action }) },
    );
    this.timeoutMs = timeoutMs;
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
  /** Free-form text (problems reported by a `validate` hook); replaces expected/got in the message. */
  readonly message?: string;
}

function renderProblem(p: ValidationProblem): string {
  // A validator's own one-line message already names the parameter.
  if (p.message !== undefined) return p.param === '(input)' ? p.message : `${p.param}: ${p.message}`;
  return `${p.param}: expected ${p.expected}, got ${p.got}`;
}

/** The input was rejected before anything was sent. */
export class DomainValidationError extends DomainError {
  override name = 'DomainValidationError';
  readonly action: string;
  readonly problems: readonly ValidationProblem[];
  constructor(action: string, problems: readonly ValidationProblem[]) {
    super(
      `${action}: invalid input: ` +
        problems.map(renderProblem).join('; '),
    );
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

/** `e` is an API error with exactly this code. */
export function isErrorCode<C extends CommonErrorCode | (string & {})>(
  e: unknown,
  code: C,
): e is DomainApiError & { readonly code: C } {
  return e instanceof DomainApiError && e.code === code;
}

/** `Throttling` and its variants (`Throttling.User`, `Throttling.Api`, …). */
export function isThrottling(e: unknown): e is DomainApiError {
  return e instanceof DomainApiError && (e.code === 'Throttling' || e.code.startsWith('Throttling.'));
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

/** Codes that mean "try again later" on the server side. */
export function isTransientCode(code: string): boolean {
  return code === 'Throttling' || code.startsWith('Throttling.') || code === 'ServiceUnavailable' || code === 'InternalError';
}
