const NEEDS_FIX = /[!'()*]/;
const FIX_ALL = /[!'()*]/g;

function fixChar(c: string): string {
  return '%' + c.charCodeAt(0).toString(16).toUpperCase();
}

// 1 for the unreserved ASCII characters A-Z a-z 0-9 - _ . ~
const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-_.~]/.test(ch)) UNRESERVED[c] = 1;
}

/**
 * RFC 3986 percent-encoding as the Alibaba Cloud RPC signature requires:
 * `A-Z a-z 0-9 - _ . ~` kept, everything else as UTF-8 `%XY` (uppercase hex),
 * so space is `%20`, `*` is `%2A`, `+` is `%2B`.
 *
 * encodeURIComponent already does this except for `! ' ( ) *`, which it keeps.
 * Throws URIError for a lone surrogate (not valid UTF-16, cannot be encoded).
 */
export function percentEncode(value: string): string {
  // Most names and values (Action, Version, nonces, domain names) need no encoding: a scan is
  // cheaper than encodeURIComponent's native call. This runs for every parameter of every request.
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) return encodeFrom(value);
  }
  return value;
}

function encodeFrom(value: string): string {
  const encoded = encodeURIComponent(value);
  return NEEDS_FIX.test(encoded) ? encoded.replace(FIX_ALL, fixChar) : encoded;
}
