// Reads the parameter tables of one Action section: request (名称 [位置] 类型 是否必选 示例值 描述)
// and response (名称 类型 示例值 描述). Rows arrive as the PDF conversion left them: a name
// may wrap over lines ("OrderActivateParam.N.AliyunDn" / "s"), or carry stray spaces
// ("CreateT ime"); example and description share a line or wrap onto the next ones.

export const TYPES = ['String', 'Integer', 'Long', 'Boolean', 'Float', 'Double', 'RepeatList', 'Array', 'Struct', 'List', 'Object'];
const TYPE = `(?:Array of(?: [A-Za-z]+)?|${TYPES.join('|')})`;
const NAME = '[A-Za-z][\\w.]*(?: [A-Za-z][\\w.]*)*?';
const ROW = new RegExp(`^(${NAME}) (?:(Query|Body) )?(${TYPE})(?: (是|否))?(?: (.*))?$`);
const TYPE_LINE = new RegExp(`^(?:(Query|Body) )?(${TYPE})(?: (是|否))?(?: (.*))?$`);
const FRAGMENT = /^[A-Za-z][\w.]*$/;
const HEADER = /^名称 (?:位置 )?类型 是否必(?:选|须) (?:示例值 )?描述$|^名称 类型 示例值 描述$/;
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** @typedef {import('./types.js').Line} Line */
/** @typedef {import('./types.js').RawRow} RawRow */
/** @typedef {Omit<RawRow, 'line' | 'raw'>} RowHead a row's first line, read */
/** @typedef {{ row: RowHead, last: number }} RowStart the row and the index of its last heading line */

/** @param {string} s */
const despace = (s) => s.replace(/\s+/g, '');

/**
 * Locates the parts of a section by their headings.
 * @param {Line[]} lines
 * @returns {import('./types.js').SectionParts}
 */
export function sectionParts(lines) {
  /** @param {RegExp} re @param {number} [from] */
  const idx = (re, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i].text)) return i;
    return -1;
  };
  const reqHeader = idx(/^名称 (?:位置 )?类型 是否必选 示例值 描述$/);
  const respMark = idx(/^返回数据$/);
  const example = idx(/^请求示例$/);
  const okExample = idx(/^正常返回示例$/);
  const errors = idx(/^错误码$/);
  const debug = idx(/^(调试|请求参数)$/);
  /** @param {number} i */
  const end = (i) => (i < 0 ? lines.length : i);
  const descEnd = Math.min(...[debug, reqHeader].filter((i) => i >= 0));
  return {
    description: lines.slice(0, descEnd),
    request: reqHeader < 0 ? [] : lines.slice(reqHeader + 1, end(respMark >= 0 ? respMark : idx(/^示例$/))),
    response: respMark < 0 ? [] : lines.slice(respMark + 1, end(idx(/^示例$/, respMark))),
    requestExample: example < 0 ? [] : lines.slice(example + 1, end(okExample)),
    responseExamples: okExample < 0 ? [] : lines.slice(okExample + 1, end(errors)),
    hasRequestTable: reqHeader >= 0,
  };
}

/**
 * Splits table lines into rows: `{ name, location, type, itemType, required, example, paragraphs, line }`.
 * The lone item-type line under "Array of X" (e.g. "RegistrantProfile") is skipped, once per row,
 * wherever it stands as a paragraph of its own: right after the type, or after the description
 * when "Array of" / "X" broke over lines and the description came before the marker.
 * @param {Line[]} lines
 * @param {{ request: boolean }} table request rows carry 是/否; response rows may be untyped lists
 * @returns {import('./types.js').Row[]}
 */
export function readRows(lines, { request }) {
  const body = lines.filter((l) => !HEADER.test(l.text));
  /** @type {RawRow[]} */
  const rows = [];
  /** @type {RawRow | null} */
  let row = null;
  // Whether the current row's item-type marker has been skipped: only one line is the marker.
  let marked = false;
  for (let i = 0; i < body.length; i++) {
    const untyped = !request && untypedContainer(body, i);
    if (untyped) {
      row = { ...untyped.row, line: body[i].n, raw: [] };
      rows.push(row);
      marked = false;
      i = untyped.last;
      continue;
    }
    const start = rowStart(body, i, request);
    if (start) {
      row = { ...start.row, line: body[i].n, raw: [] };
      rows.push(row);
      marked = false;
      i = start.last;
      continue;
    }
    if (!row) continue;
    if (!marked && row.itemType && body[i].text === row.itemType && (row.raw.at(-1) ?? '') === '') {
      marked = true;
      continue; // the "Array of X" item-type marker line
    }
    row.raw.push(body[i].text);
  }
  return rows.map(finishRow);
}

/**
 * "Data 任务列表。" followed by "TaskInfo 任务列表。": a list row printed without its type
 * (QueryTaskList). The second line names the item element, as "Array of TaskInfo" would.
 */
const UNTYPED = /^([A-Z][A-Za-z0-9]*) ([\u3400-\u9fff].*)$/;
/**
 * @param {Line[]} body
 * @param {number} i
 * @returns {RowStart | null}
 */
function untypedContainer(body, i) {
  const outer = UNTYPED.exec(body[i].text);
  if (!outer) return null;
  let j = i + 1;
  while (j < body.length && body[j].text === '') j++;
  const inner = j < body.length && UNTYPED.exec(body[j].text);
  if (!inner) return null;
  return { row: { name: outer[1], type: 'Array', itemType: inner[1], required: false, rest: outer[2], untyped: true }, last: j };
}

/**
 * The row that starts at line `i`, if one does.
 * @param {Line[]} body
 * @param {number} i
 * @param {boolean} request
 * @returns {RowStart | null}
 */
function rowStart(body, i, request) {
  const text = body[i].text;
  const m = ROW.exec(text);
  if (m && plausibleName(despace(m[1])) && (!request || m[4] || /^Array of$/.test(m[3]))) {
    return { row: rowFrom(despace(m[1]), m[2], m[3], m[4], m[5] ?? '', body, i), last: adjustArrayOf(m[3], body, i) };
  }
  if (!FRAGMENT.test(text)) return null;
  // A name wrapped over lines: fragments, blank lines, then a line that starts with the type.
  let name = text;
  for (let j = i + 1; j < Math.min(body.length, i + 5); j++) {
    const t = body[j].text;
    if (t === '') continue;
    const tm = TYPE_LINE.exec(t);
    if (tm && (!request || tm[3]) && plausibleName(name)) {
      return { row: rowFrom(name, tm[1], tm[2], tm[3], tm[4] ?? '', body, j), last: adjustArrayOf(tm[2], body, j) };
    }
    if (FRAGMENT.test(t)) {
      name += t;
      continue;
    }
    return null;
  }
  return null;
}

/** @param {string} name */
function plausibleName(name) {
  return /^[A-Za-z][A-Za-z0-9]*(?:\.N(?:\.[A-Za-z][A-Za-z0-9]*)?)?$/.test(name);
}

/**
 * "Array of" at the end of a line carries its item type on the next line.
 * @param {string} type
 * @param {Line[]} body
 * @param {number} i
 */
function adjustArrayOf(type, body, i) {
  return type === 'Array of' ? i + 1 : i;
}

/**
 * @param {string} name
 * @param {string | undefined} location
 * @param {string} type
 * @param {string | undefined} required 是 or 否
 * @param {string} rest
 * @param {Line[]} body
 * @param {number} i
 * @returns {RowHead}
 */
function rowFrom(name, location, type, required, rest, body, i) {
  /** @type {string | undefined} */
  let itemType;
  if (type.startsWith('Array of')) {
    itemType = type === 'Array of' ? body[i + 1]?.text.trim() : type.slice('Array of '.length);
    type = 'Array';
  }
  return { name, location: /** @type {RowHead['location']} */ (location ?? undefined), type, itemType, required: required === '是', rest };
}

/**
 * Separates example from description and splits the description into paragraphs.
 * @param {RawRow} row
 * @returns {import('./types.js').Row}
 */
function finishRow(row) {
  /** @type {string[][]} */
  const paragraphs = [];
  /** @type {string[]} */
  let cur = [];
  for (const t of row.raw) {
    if (t === '') {
      if (cur.length) paragraphs.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) paragraphs.push(cur);

  let example = '';
  let firstDesc = '';
  const rest = row.rest.trim();
  if (rest) {
    const split = splitExample(rest);
    example = split.example;
    firstDesc = split.description;
    // An example that wraps continues on the following lines of the same paragraph.
    if (!firstDesc && paragraphs.length && row.raw[0] !== '' && !looksLikeDescription(paragraphs[0])) {
      example = joinWrapped([example, ...(paragraphs.shift() ?? [])]);
    }
  } else if (paragraphs.length > 1 || (paragraphs.length === 1 && !looksLikeDescription(paragraphs[0]))) {
    example = joinWrapped(paragraphs.shift() ?? []);
  }
  const descParas = paragraphs.map((p) => p);
  if (firstDesc) {
    if (row.raw[0] && row.raw[0] !== '' && descParas.length) descParas[0] = [firstDesc, ...descParas[0]];
    else descParas.unshift([firstDesc]);
  }
  const { raw, rest: _r, ...out } = row;
  return { ...out, example, paragraphs: descParas };
}

/** @param {string[]} lines */
function looksLikeDescription(lines) {
  const text = lines.join('');
  return CJK.test(text) && /[。）：]$/.test(text.trim());
}

/**
 * "li si 域名持有者名称（英文）。" → example "li si"; the description begins at the first token with CJK.
 * @param {string} rest
 * @returns {{ example: string, description: string }}
 */
export function splitExample(rest) {
  const tokens = rest.split(' ');
  if (CJK.test(tokens[0]) && !/^[\u3400-\u9fff*]+$/.test(tokens[0]) && tokens.length === 1) return { example: '', description: rest };
  for (let k = 1; k < tokens.length; k++) {
    if (CJK.test(tokens[k])) return { example: tokens.slice(0, k).join(' '), description: tokens.slice(k).join(' ') };
  }
  if (tokens.length === 1 && CJK.test(tokens[0]) && /[。，]/.test(tokens[0])) return { example: '', description: rest };
  return { example: rest, description: '' };
}

/**
 * Joins wrapped example lines. A line without spaces was one token cut by the column
 * width ("kDfu9htHG" / "Ex_y…"), as is one ending in a hyphen; text with spaces wrapped at a space.
 * @param {string[]} lines
 * @returns {string}
 */
export function joinWrapped(lines) {
  let out = '';
  let prev = '';
  for (const t of lines) {
    if (!out) out = t;
    else if (!prev.includes(' ') || prev.endsWith('-') || CJK.test(prev.at(-1) ?? '') || CJK.test(t[0] ?? '')) out += t;
    else out += ' ' + t;
    prev = t;
  }
  return out;
}
