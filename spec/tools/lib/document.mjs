// Loads the reference document and splits it into its parts: the table of contents
// (the authoritative list of Actions and their grouping), one section per Action,
// and the appendices. Only this module knows the page layout of the PDF conversion.
import { readFileSync } from 'node:fs';

/** Page furniture the PDF conversion interleaves with the content. */
const NOISE = [
  /^API 参考·.*域名$/,
  /^域名 API 参考·/,
  /^> 文档版本：/,
  /^\d+ > 文档版本：/,
  /^https?:\/\/(help|error-center|api)\.aliyun\.com\//, // links to the web console and error centre
  /^[456]\.[^\s.]+接口$/, // chapter titles such as "5.域名管理接口"
  /^6\.附录$/,
  /^6\.\d+\. /, // appendix headings, printed at page feet like the others
];

const TOC_ENTRY = /^\t([456])\.(\d+)\. (\S.*)$/;
const TOC_CHAPTER = /^\t([456])\.(\S+)$/;

/**
 * @param {string} path
 * @returns {import('./types.js').Document}
 */
export function loadDocument(path) {
  const raw = readFileSync(path, 'utf8').split('\n');
  return { path, raw, toc: readToc(raw), lines: cleanLines(raw), edition: readEdition(raw) };
}

/**
 * The edition the running footers print ("> 文档版本：20220711"). Every footer must agree: a
 * file assembled from two editions is not one source.
 * @param {string[]} raw
 * @returns {string}
 */
export function readEdition(raw) {
  const editions = new Set(raw.flatMap((line) => [...line.matchAll(/文档版本：\s*(\d{8})/g)].map((m) => m[1])));
  if (editions.size !== 1)
    throw new Error(
      `the document's footers give ${editions.size ? `several editions (${[...editions].join(', ')})` : 'no edition (文档版本)'}`,
    );
  return [...editions][0];
}

/**
 * The table of contents at the end of the file: `\t5.28. SaveBatchTaskForCreatingOrderActivate`.
 * @param {string[]} raw
 * @returns {import('./types.js').Toc}
 */
export function readToc(raw) {
  /** @type {import('./types.js').TocAction[]} */
  const actions = [];
  /** @type {Record<string, string>} */
  const chapters = {};
  for (const line of raw) {
    const chapter = TOC_CHAPTER.exec(line);
    if (chapter && !/^\d/.test(chapter[2])) chapters[chapter[1]] = chapter[2];
    const m = TOC_ENTRY.exec(line);
    if (!m || m[1] === '6') continue;
    actions.push({ number: `${m[1]}.${m[2]}`, name: m[3].trim(), chapter: m[1] });
  }
  for (const a of actions) a.group = chapters[a.chapter];
  return { actions, chapters };
}

/**
 * Lines with page furniture removed, keeping original line numbers.
 * Section headings ("5.28. Name", or "5.36." with the name on the next line) are
 * printed at the foot of a section's first page, in the middle of its tables: drop them.
 * @param {string[]} raw
 * @returns {import('./types.js').Line[]}
 */
export function cleanLines(raw) {
  const out = [];
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i].replace(/\s+$/, '').replace(/^ /, '');
    if (raw[i].startsWith('\t')) continue; // the table of contents
    if (NOISE.some((re) => re.test(text))) continue;
    if (/^[456]\.\d+\.$/.test(text)) {
      i++;
      continue;
    }
    if (/^[456]\.\d+\. [A-Za-z]+$/.test(text) || /^3\.\d\. /.test(text)) continue;
    out.push({ n: i + 1, text });
  }
  return out;
}

/** @param {string} s */
const despace = (s) => s.replace(/\s+/g, '');

/**
 * One section per Action of the table of contents, in order. A section starts at the
 * "调用<Action>…" sentence that opens it (the PDF puts spaces inside names: despaced first).
 * @param {Pick<import('./types.js').Document, 'lines' | 'toc'>} doc
 * @returns {import('./types.js').Section[]}
 */
export function splitSections(doc) {
  const { lines, toc } = doc;
  const appendix = lines.findIndex((l) => l.text.startsWith('在该表中您可以查询使用API过程中出现的错误码'));
  /** @type {number[]} */
  const starts = [];
  let from = 0;
  for (const action of toc.actions) {
    const at = findStart(lines, action.name, from, appendix);
    if (at < 0) throw new Error(`section of ${action.name} (${action.number}) not found after line ${lines[from]?.n}`);
    starts.push(at);
    from = at + 1;
  }
  return toc.actions.map((action, k) => ({
    ...action,
    lines: lines.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : appendix),
  }));
}

/**
 * The first line of an Action's section: its "调用<Action>" sentence, or else (a few
 * sections have none) the line after the previous section's closing "错误码" note,
 * found from the Action row of its request table.
 * @param {import('./types.js').Line[]} lines
 * @param {string} name
 * @param {number} from
 * @param {number} end
 */
function findStart(lines, name, from, end) {
  const intro = new RegExp(`^调用${name}(?![A-Za-z])`);
  for (let i = from; i < end; i++) {
    if (intro.test(despace(lines[i].text))) return i;
    if (isActionRow(lines, i, name)) {
      let j = i;
      while (j > from && !lines[j - 1].text.startsWith('访问错误中心')) j--;
      return j;
    }
  }
  return -1;
}

/**
 * `Action String 是 Name…`, the name possibly wrapped over the following lines.
 * @param {import('./types.js').Line[]} lines
 * @param {number} i
 * @param {string} name
 */
function isActionRow(lines, i, name) {
  const m = /^Action (?:Query )?String 是 ?(.*)$/.exec(lines[i].text);
  if (!m) return false;
  let text = m[1];
  for (let j = i + 1; !text.includes(' ') && j < i + 4 && lines[j].text !== ''; j++) text += lines[j].text;
  return new RegExp(`^${name}(?![A-Za-z])`).test(despace(text));
}

/**
 * The appendix text (6.1 error codes, 6.2 domain-name rules, 6.3 credential types).
 * @param {Pick<import('./types.js').Document, 'lines'>} doc
 */
export function appendixLines(doc) {
  const at = doc.lines.findIndex((l) => l.text.startsWith('在该表中您可以查询使用API过程中出现的错误码'));
  return doc.lines.slice(at);
}

/**
 * The operation object of a path item (its one `get` or `post`).
 * @param {import('./types.js').Schema} pathItem
 * @returns {import('./types.js').Schema}
 */
export function operationOf(pathItem) {
  return pathItem.get ?? pathItem.post;
}
