// Node transport over undici's dispatcher API, with a keep-alive connection pool per origin (the
// default transport moves to it after 1,000 requests). On loopback at 32 in flight it sends about
// twice the requests per second of node:http with a keep-alive agent (bench/throughput.mjs): no
// per-request streams or IncomingMessage objects.
import type { Dispatcher, Pool } from 'undici';
import { DomainTimeoutError, DomainTransportError, responseTooLarge } from '../errors.js';
import { reachedServer, type ConnectionUse } from './reached.js';
import { DEFAULT_MAX_RESPONSE_BYTES, splitUrl, type Transport, type TransportRequest, type TransportResponse } from './types.js';

export interface UndiciTransportOptions {
  /** Connections per origin (default 64). */
  readonly connections?: number;
  /** How long an idle keep-alive connection is kept, in ms (default 4000; the server may say less). */
  readonly keepAliveTimeout?: number;
  /**
   * The undici module. By default it is imported on the first request; pass
   * `await import('undici')` when a bundler must see the import (single-file Node bundles).
   */
  readonly undici?: Undici;
}

export interface UndiciTransport extends Transport {
  /** Closes every connection; later requests open new ones. */
  destroy(): void;
}

export type Undici = typeof import('undici');

// A specifier bundlers do not follow: undici is Node-only, and a browser bundle of this package
// must not try to include it. Importing on first use also keeps the client's import cost low.
const UNDICI = 'undici';
let loading: Promise<Undici> | undefined;
/** Imports undici once; rejects when it is not installed (e.g. a single-file bundle). */
export const loadUndici = (): Promise<Undici> => (loading ??= import(/* @vite-ignore */ UNDICI) as Promise<Undici>);

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const k in raw) {
    const v = raw[k];
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v; // undici lower-cases names
  }
  return headers;
}

/**
 * One request's handler: collects the response and settles the transport's promise once, on the
 * response, an error, the attempt's timeout or the caller's abort. (A class rather than closures:
 * this runs for every request.)
 */
class Exchange implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  // Set once undici hands the request to a connected socket: before that, nothing was written.
  #started = false;
  // Why the attempt ended early (timeout or caller abort). A request still queued for a
  // connection is aborted the moment undici starts it, so it is never written.
  #stopReason: unknown;
  #settled = false;
  #status = 0;
  #headers: Record<string, string> = {};
  #first: Buffer | undefined;
  #rest: Buffer[] | undefined;
  #size = 0;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onAbort: (() => void) | undefined;

  constructor(
    private readonly req: TransportRequest,
    private readonly resolve: (res: TransportResponse) => void,
    private readonly reject: (err: unknown) => void,
  ) {
    this.#timer = setTimeout(
      () => this.#stop(new DomainTimeoutError(req.timeoutMs, { reachedServer: reachedServer(this.#use) })),
      req.timeoutMs,
    );
    if (req.signal !== undefined) {
      this.#onAbort = () => this.#stop(req.signal!.reason);
      req.signal.addEventListener('abort', this.#onAbort, { once: true });
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#stopReason !== undefined) controller.abort(this.#stopReason as Error);
    else this.#started = true;
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.#status = statusCode;
    this.#headers = flattenHeaders(headers);
    if (Number(this.#headers['content-length']) > this.#limit) this.#stop(responseTooLarge(statusCode, this.#limit));
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#size += chunk.length;
    if (this.#size > this.#limit) this.#stop(responseTooLarge(this.#status, this.#limit));
    else if (this.#first === undefined) this.#first = chunk;
    else (this.#rest ??= []).push(chunk);
  }

  // undici calls onRequestStart only when it hands the request to a connected socket.
  get #use(): ConnectionUse {
    return this.#started ? 'used' : 'unused';
  }

  get #limit(): number {
    return this.req.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  onResponseEnd(): void {
    const bytes = this.#rest === undefined ? this.#first : Buffer.concat([this.#first!, ...this.#rest]);
    if (!this.#settle()) return;
    this.resolve({ status: this.#status, headers: this.#headers, body: bytes === undefined ? '' : bytes.toString('utf8') });
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    if (!this.#settle()) return;
    const code = (err as NodeJS.ErrnoException).code;
    const what = this.#status === 0 ? 'Network error' : 'Network error while reading the response';
    this.reject(
      new DomainTransportError(`${what}: ${code ?? err.message}`, { reachedServer: reachedServer(this.#use, code), code, cause: err }),
    );
  }

  #stop(reason: unknown): void {
    this.#stopReason = reason;
    if (this.#settle()) this.reject(reason);
    this.#controller?.abort(reason as Error);
  }

  /** True the first time: the caller may resolve or reject. */
  #settle(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    clearTimeout(this.#timer);
    // Whatever the caller keeps of a failed call, the bytes read so far go now.
    this.#first = undefined;
    this.#rest = undefined;
    if (this.#onAbort !== undefined) this.req.signal!.removeEventListener('abort', this.#onAbort);
    return true;
  }
}

/** undici's keep-alive connection pools, one per origin. */
export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const pools = new Map<string, Pool>();
  const poolOptions = { connections: options.connections ?? 64, keepAliveTimeout: options.keepAliveTimeout ?? 4000, pipelining: 1 };

  function pool(u: Undici, origin: string): Pool {
    let p = pools.get(origin);
    if (p === undefined) {
      p = new u.Pool(origin, poolOptions);
      pools.set(origin, p);
    }
    return p;
  }

  let undici = options.undici;
  const send = (u: Undici, req: TransportRequest): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      if (req.signal?.aborted) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the caller's own abort reason, whatever it is.
        reject(req.signal.reason);
        return;
      }
      const { origin, path } = splitUrl(req.url);
      const exchange = new Exchange(req, resolve, reject);
      pool(u, origin).dispatch(
        {
          origin,
          path,
          method: req.method,
          headers: req.headers,
          body: req.body ?? null,
          headersTimeout: req.timeoutMs,
          bodyTimeout: req.timeoutMs,
        },
        exchange,
      );
    });
  const transport = ((req) =>
    undici !== undefined ? send(undici, req) : loadUndici().then((u) => send((undici = u), req))) as UndiciTransport;

  transport.destroy = () => {
    for (const p of pools.values()) void p.destroy().catch(() => undefined);
    pools.clear();
  };
  return transport;
}
