/**
 * JSON.parse that keeps integers beyond 2^53 exact.
 *
 * JSON.parse turns `12345678901234567890` into a rounded double. Before parsing, a small scanner
 * finds integer literals of 16 or more digits outside strings and wraps them in a string with a
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

const MIN_DIGITS = 16;
const SIXTEEN_DIGITS = /\d{16}/;

/** Start/end offsets of integer literals with at least 16 digits, outside strings. */
export function findLongIntegers(text: string): [start: number, end: number][] {
  const found: [number, number][] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      if (c === 45) i++;
      const digitsStart = i;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const digits = i - digitsStart;
      let integer = true;
      // Fraction / exponent: not an integer literal; skip the rest of the token.
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45 || (d >= 48 && d <= 57)) {
          integer = false;
          i++;
        } else break;
      }
      if (integer && digits >= MIN_DIGITS) found.push([start, i]);
      continue;
    }
    i++;
  }
  return found;
}

function randomMarker(): string {
  return '\u0000big' + Math.random().toString(36).slice(2) + ':';
}

/** Parses JSON text; integer literals of 16+ digits come back as BigIntLiteral. */
export function parseJsonLossless(text: string): unknown {
  // A long integer literal needs 16 digits in a row; most bodies have none, and the native regex
  // rules that out far faster than the scanner.
  if (!SIXTEEN_DIGITS.test(text)) return JSON.parse(text);
  const spans = findLongIntegers(text);
  if (spans.length === 0) return JSON.parse(text);
  const marker = randomMarker();
  const escapedMarker = JSON.stringify(marker).slice(1, -1);
  let rewritten = '';
  let last = 0;
  for (const [s, e] of spans) {
    rewritten += text.slice(last, s) + '"' + escapedMarker + text.slice(s, e) + '"';
    last = e;
  }
  rewritten += text.slice(last);
  return JSON.parse(rewritten, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? new BigIntLiteral(value.slice(marker.length)) : value,
  );
}
