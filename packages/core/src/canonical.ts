// The one canonicaliser: every query string, form body and string to sign this package writes is
// built by `join` below, so the sort order and the encoding are decided here and nowhere else.
import { percentEncode } from './encode.js';

/** Flat wire parameters: unencoded `[name, value]` pairs. Names are unique. */
export type WireParam = readonly [name: string, value: string];

/** A canonicalised parameter list. */
export interface Canonical {
  /** Sorted `percentEncode(name)=percentEncode(value)` pairs joined with `&`: also a valid URL query. */
  readonly canonical: string;
  /**
   * `canonical` percent-encoded once more: the part of the StringToSign after `METHOD&%2F&`
   * (empty unless asked for).
   */
  readonly encoded: string;
}

/** Sort order of parameter names. */
export function compareNames(a: WireParam, b: WireParam): number {
  // UTF-16 code-unit order of the *unencoded* names, as Java's String.compareTo / Arrays.sort
  // (which the server side uses). For the ASCII names the API has, this equals byte order and
  // equals ordering by the encoded name.
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * A sorted copy. Requests have ~10–30 parameters, where an insertion sort the JIT inlines beats
 * Array.prototype.sort's calls into a comparator; long lists (batch Actions) use the built-in sort.
 * Both orders are compareNames'.
 */
function sortByName(params: readonly WireParam[]): WireParam[] {
  const out = params.slice();
  if (out.length > 32) return out.sort(compareNames);
  for (let i = 1; i < out.length; i++) {
    const p = out[i]!;
    const name = p[0];
    let j = i - 1;
    while (j >= 0 && out[j]![0] > name) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = p;
  }
  return out;
}

const PERCENT = /%/g;

/**
 * `name=value` pairs in the given order, percent-encoded, joined with `&`; with `signing`, the
 * same text encoded once more, built in the same pass. The joined text holds only unreserved
 * characters, `%`, `=` and `&`, so encoding it again needs no general encoder:
 * `%` → `%25`, `=` → `%3D`, `&` → `%26`.
 */
function join(pairs: readonly WireParam[], signing: boolean): Canonical {
  let canonical = '';
  let encoded = '';
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    const k = percentEncode(p[0]);
    const v = percentEncode(p[1]);
    if (i > 0) canonical += '&';
    canonical += k + '=' + v;
    if (signing) {
      if (i > 0) encoded += '%26';
      encoded += (!k.includes('%') ? k : k.replace(PERCENT, '%25')) + '%3D' + (!v.includes('%') ? v : v.replace(PERCENT, '%25'));
    }
  }
  return { canonical, encoded };
}

/**
 * The canonical query and its signing form, in one sort and one pass of encoding (the signer's
 * hot path). Does not modify `params`.
 */
export function canonicalize(params: readonly WireParam[]): Canonical {
  return join(sortByName(params), true);
}

/**
 * The canonicalized query string: parameters sorted by name, each as
 * `percentEncode(name)=percentEncode(value)`, joined with `&`.
 * It is also a valid URL query string, so a GET request can send it as is.
 * Does not modify `params`.
 */
export function canonicalQuery(params: readonly WireParam[]): string {
  return join(sortByName(params), false).canonical;
}

/** `application/x-www-form-urlencoded` text with the same RFC 3986 encoding (order kept). */
export function formEncode(params: readonly WireParam[]): string {
  return join(params, false).canonical;
}
