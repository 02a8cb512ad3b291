// Signature version 1.0 (HMAC-SHA1), in one implementation: `signCanonical`. Everything else here
// is an adapter that canonicalises first, or insists on a synchronous or a promised answer.
import { canonicalize, type Canonical, type WireParam } from './canonical.js';
import { syncHmacSha1 } from './hmac.js';

export type HttpMethod = 'GET' | 'POST';

export interface SignedQuery {
  /** Sorted, encoded parameters (without Signature): usable as a URL query or form body. */
  readonly canonical: string;
  readonly stringToSign: string;
  readonly signature: string;
}

const NO_SYNC_HMAC = 'Synchronous HMAC-SHA1 needs node:crypto; use signParamsAsync outside Node.';

/**
 * Signs a canonicalised request: base64(HMAC-SHA1(secret + "&", `METHOD&%2F&` + encoded)).
 * Synchronous where node:crypto signs (Node), a promise where WebCrypto must. The client signs
 * through this once it knows GET or POST (the method is part of the string to sign).
 */
export function signCanonical(method: HttpMethod, query: Canonical, secret: string): SignedQuery | Promise<SignedQuery> {
  // percentEncode('/') is the constant '%2F'.
  const stringToSign = method + '&%2F&' + query.encoded;
  const canonical = query.canonical;
  const hmac = syncHmacSha1();
  if (hmac !== undefined) return { canonical, stringToSign, signature: hmac(secret + '&', stringToSign) };
  return import('./hmac-webcrypto.js')
    .then((m) => m.webCryptoHmacSha1Base64(secret + '&', stringToSign))
    .then((signature) => ({ canonical, stringToSign, signature }));
}

/** Signs all request parameters (query and body alike, without `Signature`): synchronous in Node, a promise elsewhere. */
export function sign(method: HttpMethod, params: readonly WireParam[], secret: string): SignedQuery | Promise<SignedQuery> {
  return signCanonical(method, canonicalize(params), secret);
}

/** `sign`, synchronously: throws outside Node (no node:crypto). */
export function signParams(method: HttpMethod, params: readonly WireParam[], secret: string): SignedQuery {
  if (syncHmacSha1() === undefined) throw new Error(NO_SYNC_HMAC);
  return sign(method, params, secret) as SignedQuery;
}

/** `sign`, always as a promise: works with node:crypto and with WebCrypto. */
export async function signParamsAsync(method: HttpMethod, params: readonly WireParam[], secret: string): Promise<SignedQuery> {
  return sign(method, params, secret);
}
