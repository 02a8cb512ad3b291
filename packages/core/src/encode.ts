const NEEDS_FIX = /[!'()*]/;
const FIX_ALL = /[!'()*]/g;

function fixChar(c: string): string {
  return '%' + c.charCodeAt(0).toString(16).toUpperCase();
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
  const encoded = encodeURIComponent(value);
  // Most values have none of the five characters: skip the second pass.
  return NEEDS_FIX.test(encoded) ? encoded.replace(FIX_ALL, fixChar) : encoded;
}
