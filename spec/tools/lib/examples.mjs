// Reads an Action's examples: the request URL and the XML and JSON response bodies.
// Examples are kept as the document prints them (for the spec's `examples`), plus a parsed
// form when they parse; a body that does not parse is reported, never repaired silently.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** @typedef {import('./types.js').Line} Line */
/** @typedef {import('./types.js').ParsedExample} ParsedExample */

const HTTP_NOISE = /^(HTTP\/1\.1 \d+ .*|Content-Type:.*)$/;

/**
 * `http(s)://…/?Action=X&A=1&<公共请求参数>` → [['A', '1'], …] (Action and the common-parameter placeholder left out).
 * @param {Line[]} lines
 * @returns {import('./types.js').RequestExample}
 */
export function readRequestExample(lines) {
  const text = lines
    .map((l) => l.text)
    .filter((t) => t !== '')
    .join('');
  const q = text.indexOf('?');
  if (q < 0) return { text, params: [] };
  /** @type {[string, string][]} */
  const params = [];
  for (const pair of text.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue; // "<公共请求参数>"
    const key = pair.slice(0, eq).trim();
    if (key === 'Action') continue;
    params.push([key, pair.slice(eq + 1)]);
  }
  return {
    text: lines
      .map((l) => l.text)
      .filter((t) => t !== '')
      .join('\n'),
    params,
  };
}

/**
 * Splits the "正常返回示例" block into its XML and JSON parts.
 * @param {Line[]} lines
 * @param {string} action the Action's name, the root an XML fragment is read inside
 * @returns {import('./types.js').ResponseExamples}
 */
export function readResponseExamples(lines, action) {
  const xmlAt = lines.findIndex((l) => /^XML\s*格式$/.test(l.text.trim()));
  const jsonAt = lines.findIndex((l) => /^JSON\s*格式$/.test(l.text.trim()));
  /** @param {number} from @param {number} to */
  const body = (from, to) =>
    lines
      .slice(from + 1, to < 0 ? lines.length : to)
      .map((l) => l.text)
      .filter((t) => !HTTP_NOISE.test(t.trim()));
  const xmlLines = xmlAt < 0 ? [] : body(xmlAt, jsonAt > xmlAt ? jsonAt : -1);
  const jsonLines = jsonAt < 0 ? [] : body(jsonAt, xmlAt > jsonAt ? xmlAt : -1);
  return { xml: readXml(xmlLines, action), json: readJson(jsonLines) };
}

/**
 * The text from the first `open` to the last `close`, or '' when there is none.
 * @param {string[]} lines
 * @param {string} open
 * @param {string} close
 */
function trimBlock(lines, open, close) {
  const text = lines.join('\n');
  const a = text.indexOf(open);
  const b = text.lastIndexOf(close);
  return a < 0 || b < a ? '' : text.slice(a, b + 1);
}

/**
 * A JSON example: parsed as printed, else with its line breaks removed (a string wrapped by the
 * column), else kept with the parser's error.
 * @param {string[]} lines
 * @returns {ParsedExample | null}
 */
export function readJson(lines) {
  const text = trimBlock(lines, '{', '}');
  if (!text) return null;
  for (const candidate of [text, lines.join('').slice(lines.join('').indexOf('{'), lines.join('').lastIndexOf('}') + 1)]) {
    try {
      return { text, value: JSON.parse(candidate) };
    } catch {
      // Not JSON as it stands: try the next candidate.
    }
  }
  let error = '';
  try {
    JSON.parse(text);
  } catch (e) {
    error = /** @type {Error} */ (e).message;
  }
  return { text, value: undefined, error };
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
});

/**
 * Several XML examples print the body's elements without the `<ActionResponse>` root: such a
 * fragment is read inside that root (and flagged `fragment`); anything else that does not
 * validate is malformed.
 * @param {string[]} lines
 * @param {string} [action]
 * @returns {ParsedExample | null}
 */
export function readXml(lines, action) {
  const text = trimBlock(lines, '<', '>');
  if (!text) return null;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still shipped by fast-xml-parser 5; moving to fast-xml-validator is a dependency change of its own.
  const check = XMLValidator.validate(text);
  if (check === true) return { text, value: xmlParser.parse(text) };
  const wrapped = `<${action}Response>${text}</${action}Response>`;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- as above.
  if (action && check.err.msg.includes('Multiple possible root nodes') && XMLValidator.validate(wrapped) === true) {
    return { text, value: xmlParser.parse(wrapped), fragment: true };
  }
  return { text, value: undefined, error: `${check.err.msg} (line ${check.err.line})` };
}

/**
 * Key sets of the objects an example shows, by the (lower-cased) name of the field that
 * holds them: `{ '': root keys, data: keys of Data's items, … }`. Used to decide the nesting
 * of response rows, which the table's layout does not show.
 * @param {unknown} value
 * @param {import('./types.js').KeyIndex} [index] adds to this index
 * @param {string} [at] the lower-cased name of the field holding `value`
 * @returns {import('./types.js').KeyIndex}
 */
export function keyIndex(value, index = new Map(), at = '') {
  /** @param {string} name @param {string[]} keys */
  const add = (name, keys) => {
    const set = index.get(name) ?? new Set();
    for (const k of keys) set.add(k.toLowerCase());
    index.set(name, set);
  };
  if (Array.isArray(value)) {
    for (const v of value) keyIndex(v, index, at);
    return index;
  }
  if (value === null || typeof value !== 'object') return index;
  add(at, Object.keys(value));
  for (const [k, v] of Object.entries(value)) {
    const name = k.toLowerCase();
    keyIndex(v, index, name);
    // A wrapper such as {"Domain": [...]} makes its items' keys known under the outer name too.
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = Object.entries(v);
      if (inner.length === 1 && inner[0][1] && typeof inner[0][1] === 'object') keyIndex(inner[0][1], index, name);
    }
  }
  return index;
}
