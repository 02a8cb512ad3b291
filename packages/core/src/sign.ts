import { compareNames, type WireParam } from './canonical.js';
import { percentEncode } from './encode.js';
import { hmacSha1Base64, hmacSha1Base64Sync } from './hmac.js';

export type HttpMethod = 'GET' | 'POST';

/** `METHOD&%2F&percentEncode(canonicalQuery)` (signature version 1.0). */
export function stringToSign(method: HttpMethod, canonical: string): string {
  // percentEncode('/') is the constant '%2F'.
  return method + '&%2F&' + percentEncode(canonical);
}

/** base64(HMAC-SHA1(secret + "&", stringToSign)), synchronous (Node). */
export function signString(secret: string, toSign: string): string {
  return hmacSha1Base64Sync(secret + '&', toSign);
}

export interface SignedQuery {
  /** Sorted, encoded parameters (without Signature): usable as a URL query or form body. */
  readonly canonical: string;
  readonly stringToSign: string;
  readonly signature: string;
}

/**
 * Signs all request parameters (query and body alike, without `Signature`), synchronously (Node).
 * This is the hot path: one sort, one pass of encoding, one HMAC.
 */
export function signParams(method: HttpMethod, params: readonly WireParam[], secret: string): SignedQuery {
  const { canonical, toSign } = canonicalAndStringToSign(method, params);
  return { canonical, stringToSign: toSign, signature: hmacSha1Base64Sync(secret + '&', toSign) };
}

const PERCENT = /%/g;

/**
 * Builds the canonical query and StringToSign in one pass. The canonical text holds only
 * unreserved characters, `%`, `=` and `&`, so encoding it again needs no general encoder:
 * `%` → `%25`, `=` → `%3D`, `&` → `%26`.
 */
function canonicalAndStringToSign(method: HttpMethod, params: readonly WireParam[]): { canonical: string; toSign: string } {
  const sorted = params.slice().sort(compareNames);
  let canonical = '';
  let toSign = method + '&%2F&';
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    const k = percentEncode(p[0]);
    const v = percentEncode(p[1]);
    if (i > 0) {
      canonical += '&';
      toSign += '%26';
    }
    canonical += k + '=' + v;
    toSign += (k.indexOf('%') === -1 ? k : k.replace(PERCENT, '%25')) + '%3D' + (v.indexOf('%') === -1 ? v : v.replace(PERCENT, '%25'));
  }
  return { canonical, toSign };
}

/** Same as signParams, but also works without node:crypto (WebCrypto). */
export async function signParamsAsync(
  method: HttpMethod,
  params: readonly WireParam[],
  secret: string,
): Promise<SignedQuery> {
  const { canonical, toSign } = canonicalAndStringToSign(method, params);
  return { canonical, stringToSign: toSign, signature: await hmacSha1Base64(secret + '&', toSign) };
}
