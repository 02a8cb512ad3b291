import { percentEncode } from './encode.js';

/** Flat wire parameters: unencoded `[name, value]` pairs. Names are unique. */
export type WireParam = readonly [name: string, value: string];

/** Sort order of parameter names. */
export function compareNames(a: WireParam, b: WireParam): number {
  // UTF-16 code-unit order of the *unencoded* names, as Java's String.compareTo / Arrays.sort
  // (which the server side uses). For the ASCII names the API has, this equals byte order and
  // equals ordering by the encoded name.
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * The canonicalized query string: parameters sorted by name, each as
 * `percentEncode(name)=percentEncode(value)`, joined with `&`.
 * It is also a valid URL query string, so a GET request can send it as is.
 * Does not modify `params`.
 */
export function canonicalQuery(params: readonly WireParam[]): string {
  return formEncode(params.slice().sort(compareNames));
}

/** `application/x-www-form-urlencoded` text with the same RFC 3986 encoding (order kept). */
export function formEncode(params: readonly WireParam[]): string {
  let out = '';
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (i > 0) out += '&';
    out += percentEncode(p[0]) + '=' + percentEncode(p[1]);
  }
  return out;
}
