export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** Caller cancellation: the transport rejects with `signal.reason`. */
  readonly signal?: AbortSignal | undefined;
  /** Whole-attempt timeout (connect + response); on expiry reject with DomainTimeoutError. */
  readonly timeoutMs: number;
}

export interface TransportResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends one HTTP request. Network failures must reject with DomainTransportError (with
 * `reachedServer: false` only when the request provably never reached the server) or
 * DomainTimeoutError; any HTTP status resolves.
 */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

/** System error codes meaning the connection was never established. */
export const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);
