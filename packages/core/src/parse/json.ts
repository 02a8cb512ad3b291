/**
 * JSON.parse that keeps integers beyond 2^53 exact.
 *
 * JSON.parse turns `12345678901234567890` into a rounded double. Before parsing, one regex finds
 * integer literals of 16 or more digits outside strings and wraps them in a string with a
 * per-call random marker; after parsing, those strings become `BigIntLiteral` boxes, which the
 * shape step turns into number (when safe), bigint or a digit string.
 */

/** An integer literal of 16+ digits, kept as its exact decimal text. */
export class BigIntLiteral {
  constructor(readonly digits: string) {}
  /** number when exactly representable, bigint otherwise. */
  toValue(): number | bigint {
    const n = Number(this.digits);
    return Number.isSafeInteger(n) ? n : BigInt(this.digits);
  }
}

/**
 * A JSON string, matched whole so that digits inside it are left alone, or an integer literal of
 * 16+ digits that is not part of a fraction or an exponent (no `.`, `e`, sign or digit beside it).
 */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?![\w.+-])/g;
const SIXTEEN_DIGITS = /\d{16}/;

/** Integer literals with at least 16 digits, outside strings, as written. */
export function findLongIntegers(text: string): string[] {
  return Array.from(text.matchAll(STRING_OR_LONG_INTEGER), (m) => m[0]).filter((t) => !t.startsWith('"'));
}

function randomMarker(): string {
  return '\u0000big' + Math.random().toString(36).slice(2) + ':';
}

/** Parses JSON text; integer literals of 16+ digits come back as BigIntLiteral. */
export function parseJsonLossless(text: string): unknown {
  // A long integer literal needs 16 digits in a row; most bodies have none, and the native regex
  // rules that out at once.
  if (!SIXTEEN_DIGITS.test(text)) return JSON.parse(text);
  const marker = randomMarker();
  const escapedMarker = JSON.stringify(marker).slice(1, -1);
  const rewritten = text.replace(STRING_OR_LONG_INTEGER, (token) => (token.startsWith('"') ? token : `"${escapedMarker}${token}"`));
  // 16 digits in a row, but all inside strings or numbers with a fraction: nothing was boxed.
  if (rewritten === text) return JSON.parse(text);
  return JSON.parse(rewritten, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? new BigIntLiteral(value.slice(marker.length)) : value,
  );
}
