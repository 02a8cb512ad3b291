import { canonicalize, canonicalQuery, formEncode, type WireParam } from './canonical.js';
import { commonParams, type ResponseFormat } from './common.js';
import { defaultCredentialsProvider, type Credentials, type CredentialsProvider } from './credentials.js';
import { percentEncode } from './encode.js';
import { DomainCallError, DomainValidationError, type ValidationProblem } from './errors.js';
import type { ActionMeta } from './meta.js';
import {
  abortSignal,
  checkObject,
  func,
  headerText,
  milliseconds,
  normalizeEndpoint,
  object,
  oneOf,
  positiveInteger,
  secret,
  string,
} from './options.js';
import { looksLikeXml, parseError, parseSuccess } from './parse/response.js';
import { loadXmlSupport } from './parse/xml.js';
import { abortableSleep, retryDelay, shouldRetry, type BackoffOptions } from './retry.js';
import { serializeInput } from './serialize.js';
import { signCanonical, type HttpMethod, type SignedQuery } from './sign.js';
import { createDefaultTransport } from './transport/default.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type Transport } from './transport/types.js';
import { fitsInUrl } from './url-length.js';

export const DEFAULT_ENDPOINT = 'https://domain.aliyuncs.com';
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_ATTEMPTS = 3;
const VERSION = '0.1.0';

export interface RetryOptions extends BackoffOptions {
  /** Waits between attempts (default: a timer; tests inject a fake). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface DomainClientOptions {
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly securityToken?: string;
  /** Alibaba Cloud CLI profile name (see the credential chain). */
  readonly profile?: string;
  /** Path of the Alibaba Cloud CLI config file (default `~/.aliyun/config.json`). */
  readonly configPath?: string;
  /** Your own credentials source; replaces the default chain. Called before every attempt. */
  readonly credentials?: CredentialsProvider;
  /** Default `https://domain.aliyuncs.com`. */
  readonly endpoint?: string;
  /** Response format requested from the API (default JSON). Results are the same either way. */
  readonly format?: ResponseFormat;
  /** Per-attempt timeout in ms (default 10000). */
  readonly timeout?: number;
  /** Attempts per call, including the first (default 3; 1 disables retries). */
  readonly maxAttempts?: number;
  /**
   * Largest response body accepted, in bytes (default 8 MiB, DEFAULT_MAX_RESPONSE_BYTES). A larger
   * one is not read past the limit: the connection is closed and the call rejects with
   * DomainResponseError (`limit` set). Not retried: the next answer would be as large.
   */
  readonly maxResponseBytes?: number;
  /** Backoff tuning (full jitter, base 100 ms, cap 5 s). */
  readonly retry?: RetryOptions;
  /** Default: in Node node:http(s) keep-alive, moving to undici's pools after 1,000 requests; fetch elsewhere. */
  readonly transport?: Transport;
  readonly userAgent?: string;
  /**
   * Checks before sending; any problem returned aborts the call with DomainValidationError and
   * nothing is sent. May be async (the generated client loads each Action's validator on first use).
   */
  readonly validate?: (
    meta: ActionMeta,
    input: unknown,
  ) => readonly (string | ValidationProblem)[] | Promise<readonly (string | ValidationProblem)[]>;
}

export interface SendOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  readonly timeout?: number;
}

const MAX_ATTEMPTS_LIMIT = 100;
const timeoutMs = milliseconds(false);

/** Every option of DomainClientOptions and how it is checked (a subclass adds its own to this). */
export const CLIENT_OPTION_CHECKS = {
  accessKeyId: string,
  accessKeySecret: secret,
  securityToken: secret,
  profile: string,
  configPath: string,
  credentials: func,
  endpoint: normalizeEndpoint,
  format: oneOf(['JSON', 'XML']),
  timeout: timeoutMs,
  maxAttempts: positiveInteger(MAX_ATTEMPTS_LIMIT),
  maxResponseBytes: positiveInteger(),
  retry: object({ baseMs: milliseconds(true), capMs: milliseconds(true), random: func, sleep: func }),
  transport: func,
  userAgent: headerText,
  validate: func,
} as const satisfies Record<keyof DomainClientOptions, (value: unknown, option: string) => unknown>;

const SEND_OPTION_CHECKS = { signal: abortSignal, timeout: timeoutMs };

/** A fully prepared attempt. */
export interface PreparedRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

interface Wire {
  readonly query: readonly WireParam[];
  readonly body: readonly WireParam[];
}

/** A validator's line (`Name.2.Field: expected …, received …`) as a problem with its parts. */
function problemOfLine(line: string): ValidationProblem {
  const m = /^([^\s:]+): expected (.*), received (.*)$/s.exec(line);
  return m === null
    ? { param: '(input)', expected: '', got: '', message: line }
    : { param: m[1]!, expected: m[2]!, got: m[3]!, message: line };
}

// Set by DomainClientCore's static block: lets prepareRequest (a test seam, @alidomain/core/internal)
// reach the private #prepare without making it a method of the public class.
let prepareOf: (
  client: DomainClientCore,
  meta: ActionMeta,
  wire: Wire,
  credentials: Credentials,
) => PreparedRequest | Promise<PreparedRequest>;

/**
 * Builds one signed attempt of `client`: fresh Timestamp and SignatureNonce, signature over every
 * parameter (query and body). What `send` hands the transport.
 */
export async function prepareRequest(
  client: DomainClientCore,
  meta: ActionMeta,
  wire: Wire,
  credentials: Credentials,
): Promise<PreparedRequest> {
  return prepareOf(client, meta, wire, credentials);
}

const isPromise = <T>(v: T | PromiseLike<T>): v is PromiseLike<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

function defaultUserAgent(): string {
  const proc = (globalThis as { process?: { version?: string } }).process;
  return `alidomain-core/${VERSION}${proc?.version ? ` Node/${proc.version}` : ''}`;
}

/**
 * Runtime of the Domain API client: signs, sends, retries and parses one Action call described by
 * an ActionMeta. Generated clients wrap it with one typed method per Action.
 *
 * Credentials, transport and hooks live in `#private` fields: `console.log`, `util.inspect` and
 * `JSON.stringify` show only the public settings (endpoint, format, timeout, maxAttempts,
 * maxResponseBytes), so no secret can be printed.
 */
export class DomainClientCore {
  readonly endpoint: string;
  readonly format: ResponseFormat;
  readonly timeout: number;
  readonly maxAttempts: number;
  readonly maxResponseBytes: number;
  readonly #credentials: CredentialsProvider;
  readonly #transport: Transport;
  readonly #userAgent: string;
  readonly #validate: DomainClientOptions['validate'];
  readonly #retry: RetryOptions;
  readonly #getHeaders: Readonly<Record<string, string>>;
  readonly #postHeaders: Readonly<Record<string, string>>;

  /** Throws DomainOptionsError, naming the option, for an unknown option or an unusable value. */
  constructor(options: DomainClientOptions = {}) {
    checkObject(options as Record<string, unknown>, CLIENT_OPTION_CHECKS);
    this.endpoint = options.endpoint === undefined ? DEFAULT_ENDPOINT : normalizeEndpoint(options.endpoint);
    this.format = options.format ?? 'JSON';
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#credentials =
      options.credentials ??
      defaultCredentialsProvider({
        accessKeyId: options.accessKeyId,
        accessKeySecret: options.accessKeySecret,
        securityToken: options.securityToken,
        profile: options.profile,
        configPath: options.configPath,
      });
    this.#transport = options.transport ?? createDefaultTransport();
    this.#userAgent = options.userAgent ?? defaultUserAgent();
    this.#getHeaders = Object.freeze({
      accept: this.format === 'XML' ? 'application/xml' : 'application/json',
      'user-agent': this.#userAgent,
    });
    this.#postHeaders = Object.freeze({ ...this.#getHeaders, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
    this.#validate = options.validate;
    this.#retry = options.retry ?? {};
  }

  /** Calls one Action. Rejects with DomainApiError, DomainTransportError, DomainTimeoutError, DomainValidationError or DomainCredentialsError. */
  async send<I, O>(meta: ActionMeta, input: I, opts: SendOptions = {}): Promise<O> {
    // Validators, credentials and signing answer synchronously once warm; awaiting only real
    // promises keeps a call to one suspension (the network) in the common case.
    if (opts.timeout !== undefined || opts.signal !== undefined) checkObject(opts as Record<string, unknown>, SEND_OPTION_CHECKS);
    if (this.#validate !== undefined) {
      let problems = this.#validate(meta, input);
      if (isPromise(problems)) problems = await problems;
      if (problems.length > 0)
        throw new DomainValidationError(
          meta.action,
          problems.map((p) => (typeof p === 'string' ? problemOfLine(p) : p)),
        );
    }
    // Serialise before anything else: invalid input never costs a credential lookup or a request.
    const wire = serializeInput(meta, input);
    const signal = opts.signal;
    const timeoutMs = opts.timeout ?? this.timeout;
    const sleep = this.#retry.sleep ?? abortableSleep;

    let credentials: Credentials | undefined;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      try {
        const found = this.#credentials();
        credentials = isPromise(found) ? await found : found;
        let req = this.#prepare(meta, wire, credentials);
        if (isPromise(req)) req = await req;
        const res = await this.#transport({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: req.body,
          signal,
          timeoutMs,
          maxResponseBytes: this.maxResponseBytes,
        });
        if (this.format === 'XML' || looksLikeXml(res.body)) await loadXmlSupport();
        if (res.status >= 200 && res.status < 300) return parseSuccess(meta, res.status, res.body, this.format, res.headers) as O;
        throw parseError(meta, res.status, res.body, this.format, res.headers);
      } catch (err) {
        if (signal?.aborted) throw err;
        if (attempt >= this.maxAttempts || !shouldRetry(err, meta.retry)) {
          if (err instanceof DomainCallError) {
            err.recordCall(meta.action, attempt);
            if (credentials !== undefined) err.redact([credentials.securityToken, credentials.accessKeySecret]);
          }
          throw err;
        }
        await sleep(retryDelay(attempt, err, this.#retry), signal);
      }
    }
  }

  static {
    prepareOf = (client, meta, wire, credentials) => client.#prepare(meta, wire, credentials);
  }

  // Synchronous where node:crypto signs (Node); a promise where WebCrypto must.
  #prepare(meta: ActionMeta, wire: Wire, credentials: Credentials): PreparedRequest | Promise<PreparedRequest> {
    const common = commonParams({
      action: meta.action,
      version: meta.version,
      accessKeyId: credentials.accessKeyId,
      securityToken: credentials.securityToken,
      format: this.format,
    });
    const all = canonicalize([...common, ...wire.query, ...wire.body]);
    const asGet = meta.method === 'GET' && wire.body.length === 0 && fitsInUrl(this.endpoint, all.canonical.length);
    const signed = signCanonical(asGet ? 'GET' : 'POST', all, credentials.accessKeySecret);
    return isPromise(signed) ? signed.then((s) => this.#assemble(asGet, common, wire, s)) : this.#assemble(asGet, common, wire, signed);
  }

  #assemble(asGet: boolean, common: readonly WireParam[], wire: Wire, signed: SignedQuery): PreparedRequest {
    const sig = percentEncode(signed.signature);
    if (asGet)
      return { method: 'GET', url: `${this.endpoint}/?${signed.canonical}&Signature=${sig}`, headers: this.#getHeaders, body: undefined };
    // POST: common parameters stay in the query; body parameters (and, when the URL would be too
    // long, every Action parameter) go in a form body. All of them are signed.
    let query = wire.query.length === 0 ? canonicalQuery(common) : canonicalQuery([...common, ...wire.query]);
    let body = wire.body;
    if (wire.query.length > 0 && !fitsInUrl(this.endpoint, query.length)) {
      query = canonicalQuery(common);
      body = [...wire.query, ...wire.body];
    }
    return { method: 'POST', url: `${this.endpoint}/?${query}&Signature=${sig}`, headers: this.#postHeaders, body: formEncode(body) };
  }
}
