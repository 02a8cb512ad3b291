// The RPC signature, v1.0 (HMAC-SHA1), as the document's 签名机制 section describes it, written
// here independently of @alidomain/core so that a bug in one cannot hide in the other:
//   StringToSign = Method & %2F & percentEncode(sorted `name=value` pairs joined by &)
//   Signature    = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
// encodeURIComponent leaves these five unreserved; RFC 3986 does not.
const SUB_DELIMS = /[!'()*]/g;
const PERCENT = /%/g;

/** RFC 3986: every byte except A–Z a–z 0–9 - _ . ~ as %XX (upper case), from UTF-8. */
export function percentEncode(s: string): string {
  if (UNRESERVED.test(s)) return s;
  try {
    return encodeURIComponent(s).replace(SUB_DELIMS, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  } catch {
    // A lone surrogate, which encodeURIComponent refuses: encoded as UTF-8 makes it (U+FFFD).
    return bytewise(s);
  }
}

function bytewise(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function signatureV1(method: string, params: Readonly<Record<string, string>>, secret: string): string {
  // Sorted by code unit, as the service's Java String.compareTo sorts.
  const names = Object.keys(params)
    .filter((n) => n !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // The canonical query, percent-encoded once more for the string to sign: its pairs hold only
  // unreserved characters and %XX, so that second encoding turns % into %25, = into %3D, & into %26.
  let encoded = '';
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    const k = encodedName(n);
    const v = percentEncode(params[n]!);
    encoded += `${i > 0 ? '%26' : ''}${k.includes('%') ? k.replace(PERCENT, '%25') : k}%3D${v.includes('%') ? v.replace(PERCENT, '%25') : v}`;
  }
  const toSign = `${method}&%2F&${encoded}`;
  return createHmac('sha1', keyOf(secret)).update(toSign, 'utf8').digest('base64');
}

// Parameter names repeat from request to request (Action, Timestamp, DomainName…): each is
// encoded once.
const names = new Map<string, string>();
function encodedName(name: string): string {
  let k = names.get(name);
  if (k === undefined) {
    k = percentEncode(name);
    if (names.size < 4096) names.set(name, k);
  }
  return k;
}

// A KeyObject per secret: building one from text on every request is a measurable part of a check.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    key = createSecretKey(Buffer.from(`${secret}&`, 'utf8'));
    if (keys.size < 64) keys.set(secret, key);
  }
  return key;
}

export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
