// Domain-name legality, appendix 6.2 of the Domain API document:
// - 1–63 characters for each label (the name before its suffix included), case-insensitive;
// - English names use a–z, 0–9 and "-"; "-" never first, never last, never at positions 3 and 4 together;
// - Chinese names may also use Chinese characters, must contain at least one, and are measured
//   by their punycode (ACE, `xn--…`) length;
// - punycode input (`xn--…`) is rejected: the API wants the Chinese form.
// Self-contained (no `node:url`, no dependency) so it runs in browsers and bundles small.

const MAX_LABEL = 63;
const HAN = /\p{Script=Han}/u;
const ASCII_LABEL = /^[a-z0-9-]+$/;
const CHINESE_LABEL = /^[a-z0-9\-\p{Script=Han}]+$/u;
/** Dots that IDNA maps to "." (ideographic, full-width, half-width ideographic). */
const DOTS = /[\u3002\uff0e\uff61]/g;

// RFC 3492 (Punycode) bootstring parameters.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

/** 0–25 → a–z, 26–35 → 0–9. */
const digit = (d: number) => String.fromCharCode(d < 26 ? d + 97 : d + 22);

/** RFC 3492 encoding of one label, without the `xn--` prefix: `中文` → `fiq228c`. */
export function punycodeEncode(label: string): string {
  const points = Array.from(label, (c) => c.codePointAt(0)!);
  let output = '';
  for (const c of points) if (c < 0x80) output += String.fromCharCode(c);
  const basic = output.length;
  let handled = basic;
  if (basic > 0) output += '-';
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < points.length) {
    let m = Infinity;
    for (const c of points) if (c >= n && c < m) m = c;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of points) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

/** The label as it travels in DNS: itself when ASCII, `xn--` + punycode otherwise. */
export function toAsciiLabel(label: string): string {
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is the ASCII range, control characters included.
  return /^[\x00-\x7f]*$/.test(label) ? label : `xn--${punycodeEncode(label)}`;
}

const quote = (s: string) => JSON.stringify(s);

function labelProblem(label: string): string | undefined {
  if (label === '') return 'it has an empty label: two dots in a row, or a dot at the start or end';
  if (label.startsWith('xn--')) return `punycode input ${quote(label)} is not accepted, pass the Chinese form of the name instead`;
  const ascii = ASCII_LABEL.test(label);
  if (!ascii && !CHINESE_LABEL.test(label)) {
    const bad = Array.from(label).find((c) => !/[a-z0-9-]/.test(c) && !HAN.test(c));
    return `${quote(bad ?? label)} is not allowed: use a-z, 0-9, "-" or Chinese characters`;
  }
  // Every non-ASCII character left is Chinese, so the "at least one Chinese character" rule holds.
  if (label.startsWith('-')) return `${quote(label)} starts with "-"`;
  if (label.endsWith('-')) return `${quote(label)} ends with "-"`;
  // Positions are characters: code units, unless a Chinese character outside the BMP comes first.
  const third = ascii || !/[\ud800-\udfff]/.test(label) ? label.slice(2, 4) : Array.from(label).slice(2, 4).join('');
  if (third === '--') return `${quote(label)} has "-" at positions 3 and 4`;
  if (ascii) {
    if (label.length > MAX_LABEL) return `${quote(label)} is ${label.length} characters long, at most ${MAX_LABEL} are allowed`;
  } else {
    const ace = toAsciiLabel(label);
    if (ace.length > MAX_LABEL)
      return `${quote(label)} is ${ace.length} characters long as punycode ${ace}, at most ${MAX_LABEL} are allowed`;
  }
  return undefined;
}

/**
 * Why `name` is not a legal domain name under appendix 6.2, in a few words; `undefined` when it is.
 * Every label is checked (the main label before the suffix, and the suffix's labels).
 */
export function domainNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'it is not a string';
  if (name === '') return 'it is empty';
  const lower = name.toLowerCase().replace(DOTS, '.');
  const labels = lower.split('.');
  const ace = labels.find((l) => l.startsWith('xn--'));
  if (ace !== undefined) return labelProblem(ace);
  if (labels.length < 2) return 'it has no suffix, a name such as example.com or 中文.中国 is expected';
  for (const label of labels) {
    const problem = labelProblem(label);
    if (problem) return problem;
  }
  return undefined;
}

/** An ASCII label: 1–63 of a–z 0–9 -, not starting or ending with "-", no "--" at positions 3–4 (which also excludes `xn--`). */
const ASCII_NAME = /^(?!-)(?!..--)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)(?!..--)[a-z0-9-]{1,63}(?<!-))+$/i;

/** `true` when `name` is a legal domain name under appendix 6.2. */
export function isDomainName(name: unknown): boolean {
  if (typeof name !== 'string') return false;
  // Fast path for the common case; anything else (Chinese names, problems) takes the full check.
  if (ASCII_NAME.test(name)) return true;
  return domainNameProblem(name) === undefined;
}

// ---------------------------------------------------------------------------------------------
// DNS host names and labels (name servers such as ns1.example.com, DNS host labels such as dns1).
// The document states no rules for them; these are the DNS limits (RFC 1035 §2.3.4, RFC 1123
// §2.1): at most 253 characters, labels of 1–63 letters, digits and "-", not starting or ending
// with "-". IDN labels are accepted and measured by their punycode (xn--) form, which is what
// travels in DNS; anything else (controls, whitespace, "<", "&", ",", "_", other punctuation) is not.

const MAX_HOST = 253;
const LDH_LABEL = /^[a-z0-9-]+$/i;
/** Letters, marks and digits of any script, and "-": what an IDN label may hold before punycode. */
const IDN_LABEL = /^[\p{L}\p{M}\p{N}-]+$/u;
const IDN_CHAR = /[\p{L}\p{M}\p{N}-]/u;

// eslint-disable-next-line no-control-regex -- \x00-\x7f is the ASCII range, control characters included.
const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

/** Why `label` (one label of a host name) is not LDH; `undefined` when it is. */
function ldhLabelProblem(label: string): string | undefined {
  if (label === '') return 'it has an empty label: two dots in a row, or a dot at the start or end';
  const ascii = isAscii(label);
  if (ascii ? !LDH_LABEL.test(label) : !IDN_LABEL.test(label)) {
    const bad = Array.from(label).find((c) => (ascii ? !/[a-z0-9-]/i.test(c) : !IDN_CHAR.test(c)))!;
    return `${quote(bad)} is not allowed in a host name: use letters, digits and "-"`;
  }
  if (label.startsWith('-')) return `${quote(label)} starts with "-"`;
  if (label.endsWith('-')) return `${quote(label)} ends with "-"`;
  const ace = ascii ? label : toAsciiLabel(label.toLowerCase());
  if (ace.length > MAX_LABEL)
    return `the label ${quote(label)} is ${ace.length} characters long${ascii ? '' : ` as punycode ${ace}`}, at most ${MAX_LABEL} are allowed`;
  return undefined;
}

/**
 * Why `name` is not a DNS host name (a name server such as ns1.example.com), in a few words;
 * `undefined` when it is. Two labels at least, and the last not all digits: an IP address is not a host name.
 */
export function hostNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'it is not a string';
  if (name === '') return 'it is empty';
  // Punycode is never shorter than its input, so a name over the limit in characters is over it as sent.
  const chars = name.length > MAX_HOST ? Array.from(name).length : name.length;
  if (chars > MAX_HOST) return `it is ${chars} characters long, at most ${MAX_HOST} are allowed`;
  const labels = name.split('.');
  for (const label of labels) {
    const problem = ldhLabelProblem(label);
    if (problem) return problem;
  }
  if (labels.length < 2) return `it has only one label: a host name such as ns1.example.com is expected`;
  const last = labels[labels.length - 1] ?? '';
  if (/^[0-9]+$/.test(last)) return `its last label ${quote(last)} is all digits: an IP address is not a host name`;
  const ace = labels.map((l) => (isAscii(l) ? l : toAsciiLabel(l.toLowerCase()))).join('.');
  if (ace.length > MAX_HOST) return `it is ${ace.length} characters long as punycode, at most ${MAX_HOST} are allowed`;
  return undefined;
}

/** Why `label` is not one DNS label (a host under the domain, such as dns1); `undefined` when it is. */
export function hostLabelProblem(label: unknown): string | undefined {
  if (typeof label !== 'string') return 'it is not a string';
  if (label === '') return 'it is empty';
  if (label.includes('.')) return `it has a ".": pass one label such as dns1, without the domain`;
  return ldhLabelProblem(label);
}

/**
 * Why `list` is not a comma-separated list of appendix 6.2 domain names (`a.com,b.cn`), naming the
 * item (1-based) that fails; `undefined` when every item is a domain name.
 */
export function domainNameListProblem(list: unknown): string | undefined {
  if (typeof list !== 'string') return 'it is not a string';
  if (list === '') return 'it is empty';
  const items = list.split(',');
  for (const [i, item] of items.entries()) {
    if (item === '') return `item ${i + 1} is empty: two commas in a row, or a comma at the start or end`;
    const problem = domainNameProblem(item);
    if (problem) return `item ${i + 1} ${show1(item)}: ${problem}`;
  }
  return undefined;
}

/** An item as a message quotes it, shortened: a list can be long. */
const show1 = (s: string) => (s.length > 60 ? `${quote(s.slice(0, 57))}… (${s.length} characters)` : quote(s));

export const isHostName = (name: unknown): boolean => hostNameProblem(name) === undefined;
export const isHostLabel = (label: unknown): boolean => hostLabelProblem(label) === undefined;
export const isDomainNameList = (list: unknown): boolean => domainNameListProblem(list) === undefined;
