export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** Caller cancellation: the transport rejects with `signal.reason`. */
  readonly signal?: AbortSignal | undefined;
  /** Whole-attempt timeout (connect + response); on expiry reject with DomainTimeoutError. */
  readonly timeoutMs: number;
  /**
   * Largest body accepted, in bytes (default DEFAULT_MAX_RESPONSE_BYTES). Past it the transport
   * stops reading, closes the connection and rejects with `responseTooLarge()`.
   */
  readonly maxResponseBytes?: number | undefined;
}

/**
 * 8 MiB: the largest page the API serves (1,000 domains of QueryDomainList, well under 2 MiB as
 * JSON or XML) several times over, while a server that streams without end costs at most this much.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * A request URL (`https://host:port/?query`) as origin and path: what connection pools and
 * http.request take, without a WHATWG URL parse per request.
 */
export function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0 ? { origin: url, path: '/' } : { origin: url.slice(0, slash), path: url.slice(slash) };
}

export interface TransportResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends one HTTP request. Network failures must reject with DomainTransportError (with
 * `reachedServer: false` only when the request provably never reached the server: reached.ts) or
 * DomainTimeoutError; a body over `maxResponseBytes` with `responseTooLarge()`; any HTTP status
 * resolves. A rejected request keeps no reference to the bytes it had read.
 */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>;
