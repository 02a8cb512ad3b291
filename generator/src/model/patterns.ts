// Regular expressions for the custom string formats, written into the schemas as `pattern` beside
// the `format`, so that a validator that knows nothing of the formats (ajv without them, ajv-cli,
// Python's jsonschema, @cfworker/json-schema, …) still checks what a regular expression can say.
//
// The format functions (packages/validators/src/domain-name.ts, formats.ts) remain the rule: a
// pattern is only ever the same or looser, never stricter, so nothing the validators accept is
// rejected by a pattern. What a pattern cannot say (lengths after punycode, the 64-bit range, the
// exact set of Chinese characters above U+FFFF) is listed in packages/validators/README.md.
//
// Each pattern must mean the same in ECMA-262 with the `u` flag (what JSON Schema 2020-12 asks
// for, and what ajv and @cfworker/json-schema use) and in Python's `re` (jsonschema), so they use
// only what both share: character classes of `\uXXXX` escapes, counted repetition, lookahead.
// Not used: lookbehind, `\p{…}` (Python's `re` has none), `\d`/`\w` (Unicode-wide in Python,
// ASCII in ECMA-262), flags (JSON Schema has none, hence `A-Za-z` spelled out), and literal
// characters above U+FFFF (a syntax error in a character class without the `u` flag).
//
// Anchoring: JSON Schema patterns are unanchored, so each starts with `^` and ends with END.
// Python's `$` also matches before a final "\n", so `$` alone would let "example.com\n" through;
// the lookahead `(?!\n)` after it leaves only the true end of the string, and is a no-op in
// ECMA-262. Validators on RE2 (Go, Rust's regex) have no lookahead and cannot compile these.

/** The end of the string in both dialects (see above). */
const END = '$(?!\\n)';

/** Any one character above U+FFFF, written without one (see above). */
const SUPPLEMENTARY = '[^\\x00-\\uffff]';

// ---------------------------------------------------------------------------------------------
// Domain names (format alidomain-domain-name; appendix 6.2 of the document)

/**
 * Letters and digits of an English label, either case: the runtime lower-cases the name first.
 * U+212A KELVIN SIGN is here because its lower case is "k", so the runtime accepts it as one.
 */
const ENGLISH = 'a-zA-Z0-9\\u212a';

/**
 * Chinese characters in the Basic Multilingual Plane: every block holding a character of
 * Unicode's Han script (the runtime's `\p{Script=Han}`), whole, so that characters a later
 * Unicode adds to these blocks still pass: CJK radicals (U+2E80–U+2FDF), 々 〇 and the Hangzhou
 * numerals (U+3005, U+3007, U+3021–U+3029, U+3038–U+303B), extension A (U+3400–U+4DBF), the
 * unified ideographs (U+4E00–U+9FFF) and the compatibility ideographs (U+F900–U+FAFF).
 */
const HAN_BMP = '\\u2e80-\\u2fdf\\u3005\\u3007\\u3021-\\u3029\\u3038-\\u303b\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/** A Chinese character: one of the BMP blocks above, or any character above U+FFFF (extensions B–H live there). */
const HAN = `(?:[${HAN_BMP}]|${SUPPLEMENTARY})`;
/** A character of a label that may stand first or last: not "-". */
const EDGE = `(?:[${ENGLISH}${HAN_BMP}]|${SUPPLEMENTARY})`;
/** Any character of a label. */
const INNER = `(?:[${ENGLISH}${HAN_BMP}-]|${SUPPLEMENTARY})`;

/**
 * One label of a domain name.
 * - `(?!INNER{2}--)`: no "-" at positions 3 and 4 together, which also rejects punycode (`xn--…`),
 *   the form the API refuses (it wants the Chinese one); positions count characters, as the runtime's do.
 * - A Chinese label (at least one Chinese character, found by the lookahead before any "." or
 *   other character that ends the label) of at most 59 characters: the runtime measures it by its
 *   punycode, at most 63, which is "xn--" and at least one letter for every character. The
 *   punycode length itself is not expressible.
 * - An English label: 1–63 of a–z, 0–9, "-", not starting or ending with "-".
 */
const DOMAIN_LABEL =
  `(?!${INNER}{2}--)` +
  `(?:(?=[${ENGLISH}-]*${HAN})${EDGE}(?:${INNER}{0,57}${EDGE})?` +
  `|[${ENGLISH}](?:[${ENGLISH}-]{0,61}[${ENGLISH}])?)`;

/** What separates labels: "." and the dots IDNA maps to it (ideographic, full-width, half-width ideographic), as the runtime reads them. */
const DOT = '[.\\u3002\\uff0e\\uff61]';

/** A domain name: two labels at least (a name and its suffix). The runtime sets no total length. */
const DOMAIN_NAME = `${DOMAIN_LABEL}(?:${DOT}${DOMAIN_LABEL})+`;

// ---------------------------------------------------------------------------------------------
// Host names and labels (formats alidomain-host-name, alidomain-host-label; DNS limits, RFC 1035
// §2.3.4 and RFC 1123 §2.1). Unlike domain names, `xn--` labels are accepted and "--" may stand
// anywhere but first or last.

/**
 * Characters above U+007F that may stand in an IDN host label: a superset of the runtime's
 * `[\p{L}\p{M}\p{N}]` outside ASCII. Left out are only ranges with no letter, mark or digit:
 * C1 controls and Latin-1 punctuation and symbols (keeping ª ² ³ µ ¹ º ¼–¾), × and ÷, general
 * punctuation and spaces (U+2000–U+206F), the ideographic space and punctuation U+3000–U+3004,
 * surrogates, private use, CJK compatibility and small forms (U+FE30–U+FE6F) and the specials
 * (U+FFF0–U+FFFF). Above U+FFFF everything passes.
 */
const IDN_BMP =
  '\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff' +
  '\\u2070-\\u2fff\\u3005-\\ud7ff\\uf900-\\ufe2f\\ufe70-\\uffef';
const IDN = `(?:[${IDN_BMP}]|${SUPPLEMENTARY})`;
const LDH_EDGE = `(?:[a-zA-Z0-9${IDN_BMP}]|${SUPPLEMENTARY})`;
const LDH_INNER = `(?:[a-zA-Z0-9${IDN_BMP}-]|${SUPPLEMENTARY})`;

/**
 * One label of a host name: letters, digits and "-", not first or last.
 * - An IDN label (a character above U+007F, found by the lookahead) of at most 59 characters:
 *   the runtime measures it by its punycode, at most 63 (see DOMAIN_LABEL).
 * - An ASCII label: 1–63 characters.
 */
const HOST_LABEL =
  `(?:(?=[a-zA-Z0-9-]*${IDN})${LDH_EDGE}(?:${LDH_INNER}{0,57}${LDH_EDGE})?` + `|[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)`;

/**
 * A host name: at most 253 characters (the lookahead; the runtime measures IDNs by their punycode
 * as well, which is not expressible), two labels at least, and a last label that is not all
 * digits (an IP address is not a host name).
 */
const HOST_NAME = `(?=[\\s\\S]{1,253}${END})(?:${HOST_LABEL}\\.)+(?![0-9]+${END})${HOST_LABEL}`;

// ---------------------------------------------------------------------------------------------

/** The pattern that goes beside each custom format, by format name. */
export const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  'alidomain-domain-name': `^${DOMAIN_NAME}${END}`,
  /** Domain names separated by "," (no spaces, no empty items). */
  'alidomain-domain-name-list': `^${DOMAIN_NAME}(?:,${DOMAIN_NAME})*${END}`,
  'alidomain-host-name': `^${HOST_NAME}${END}`,
  /** One label, no ".". */
  'alidomain-host-label': `^${HOST_LABEL}${END}`,
  /** Decimal digits, optionally after "-"; any number of them (the runtime allows leading zeros), so the 64-bit range is not expressible. */
  int64: `^-?[0-9]+${END}`,
};

/** The schema keywords for a string format: the format, and its pattern when it has one. */
export function formatKeywords(format: string): { format: string; pattern?: string } {
  const pattern = FORMAT_PATTERNS[format];
  return pattern === undefined ? { format } : { format, pattern };
}
