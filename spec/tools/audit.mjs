#!/usr/bin/env node
// Compares the committed spec with the document. The document side is read here with a
// second, deliberately simple scan (a regular expression over each table's text), not with
// the extractor's table reader, so that the two readings check each other.
// It compares names, and the allowed values (取值) and defaults (默认) each row states.
// Exit status 1 when an Action, a request parameter, a response field, a value list or a
// default differs; a difference on an item whose override records a document misprint
// (x-alidomain-override with x-alidomain-errata) is printed as explained instead.
// Additions (x-alidomain-addition: not in the document by definition) are counted and listed
// apart, never compared; patched items (x-alidomain-patch, and the removals listed in
// x-alidomain-removed) are listed with their reason, and the differences they make are theirs.
// It also reports the English (lib/english.mjs): how many of the spec's Chinese texts have it, and
// every gap, stale entry or entry naming nothing, each counted as a difference. That part needs no
// document and is printed without one too.
// `--spec <file>` audits another spec file (default: spec/openapi.yaml).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { loadDocument, splitSections, operationOf } from './lib/document.mjs';
import { DOCUMENT, hasDocument, missingDocumentNotice } from './lib/document-path.mjs';
import { checkEnglish } from './lib/english.mjs';
import { LAYERS } from './lib/layers/apply.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const specArg = process.argv.indexOf('--spec');
const specPath = specArg > 0 ? resolve(process.argv[specArg + 1]) : resolve(here, '../openapi.yaml');
const english = checkEnglish(YAML.parse(readFileSync(specPath, 'utf8')), LAYERS.englishDir);
/** The English coverage lines; the number of its problems. */
function reportEnglish() {
  console.log(`English: ${english.translated} of ${english.texts} texts translated, ${english.texts - english.translated} without English`);
  for (const p of english.problems) console.log(`english: ${p}`);
  return english.problems.length;
}

if (!hasDocument()) {
  console.log(missingDocumentNotice('npm run spec:audit'));
  process.exit(reportEnglish() ? 1 : 0);
}

/** @typedef {import('./lib/types.js').Schema} Schema */
/** @typedef {{ name: string, type: string, from: number, text: string }} ScannedRow */
/** @typedef {{ name: string, kind: 'enum', value: string[], explained?: boolean } | { name: string, kind: 'default', value: string, explained?: boolean }} Fact */

/** @type {Schema} */
const spec = inlineResponses(YAML.parse(readFileSync(specPath, 'utf8')));

/**
 * The spec with its named responses and list items (layers/named-schemas.mjs) written in place
 * again, as the document's tables give them: the audit compares each Action's own rows.
 * @param {any} s
 */
function inlineResponses(s) {
  /** @param {any} node @returns {any} */
  const inline = (node) => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== 'object') return node;
    const target = typeof node.$ref === 'string' ? s.components.schemas[node.$ref.replace('#/components/schemas/', '')] : undefined;
    if (target && (target.type === 'object' || target.type === 'array')) return inline(target);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
  };
  for (const item of Object.values(s.paths)) for (const op of Object.values(item)) if (op?.responses) op.responses = inline(op.responses);
  return s;
}

/** What stage 2 added, by kind, as `added:` lines. */
const added = { actions: /** @type {string[]} */ ([]), params: /** @type {string[]} */ ([]), fields: /** @type {string[]} */ ([]) };
/** @param {Schema} item */
const provenance = (item) => `${item['x-alidomain-addition'].reason} (${item['x-alidomain-addition'].reference})`;
/** @type {string[]} names of the added Actions */
const addedActions = [];
/** @type {string[]} `patched:` lines */
const patchedLines = [];

const TYPE = 'String|Integer|Long|Boolean|Float|Double|RepeatList|Array|Struct|List|Object';
// A row: a name (possibly cut over lines or with stray spaces), optional location, a type; request rows carry 是/否.
/** @param {boolean} request */
const rowPattern = (request) =>
  new RegExp(
    `^([A-Za-z][A-Za-z0-9.]*(?:(?: |\\n\\n?)[A-Za-z0-9.]+)*?)(?: |\\n\\n?)(?:(?:Query|Body) )?(${TYPE})(?: of \\w+)?${request ? ' (?:是|否)' : '(?: |$)'}`,
    'gm',
  );

/**
 * @param {string} text one table's text
 * @param {boolean} request
 * @returns {{ names: string[], rows: ScannedRow[] }}
 */
function scan(text, request) {
  /** @type {string[]} */
  const names = [];
  /** @type {ScannedRow[]} */
  const rows = [];
  // "X Array of Y" is followed by a line "Y" naming the item type: not part of the next row's name.
  const itemTypes = new Set([...text.matchAll(/Array of\s+(\w+)/g)].map((m) => m[1]));
  for (const m of text.matchAll(rowPattern(request))) {
    const parts = m[1].split(/\n+/);
    if (parts.length > 1 && itemTypes.has(parts[0])) parts.shift();
    const name = parts.join('').replace(/\s+/g, '');
    if (/^[A-Za-z][A-Za-z0-9]*(\.N(\.[A-Za-z0-9]+)?)?$/.test(name)) {
      names.push(name);
      rows.push({ name, type: m[2], from: m.index + m[0].length, text: '' });
    }
  }
  // A row's text runs from its name and type to the next row.
  rows.forEach((r, i) => (r.text = text.slice(r.from, rows[i + 1] ? rows[i + 1].from : undefined)));
  // A list row printed without a type ("Data 任务列表。" then "TaskInfo 任务列表。").
  if (!request)
    for (const m of text.matchAll(/^([A-Z][A-Za-z0-9]*) [\u3400-\u9fff][^\n]*\n\n[A-Z][A-Za-z0-9]* [\u3400-\u9fff]/gm)) names.push(m[1]);
  return { names, rows };
}

function documentSide() {
  const doc = loadDocument(DOCUMENT);
  const credentialTypes = appendixCredentialTypes(doc.raw);
  return splitSections(doc).map((s) => {
    const text = s.lines.map((l) => l.text).join('\n');
    const reqAt = text.search(/^名称 (?:位置 )?类型 是否必选 示例值 描述$/m);
    const resAt = text.search(/^返回数据$/m);
    const endAt = text.search(/^示例$/m);
    const req = reqAt < 0 ? '' : text.slice(reqAt, resAt < 0 ? endAt : resAt);
    const res = resAt < 0 ? '' : text.slice(resAt, endAt < 0 ? undefined : endAt);
    const request = scan(req, true);
    const response = scan(res, false);
    return {
      name: s.name,
      request: request.names,
      response: response.names,
      facts: [...request.rows, ...response.rows].filter((r) => r.name !== 'Action').flatMap((r) => rowFacts(r, credentialTypes)),
    };
  });
}

// --- Allowed values and defaults, read again from each row's text -------------------------
// Deliberately not the extractor's reader: no vocabulary, no paragraph repair; a list is the
// paragraphs after a "取值：" line whose first line starts with a value, and a value is glued
// back by one rule: the PDF splits words after t, f, z, T and F ("regist rant", "ccT LD").
/** @param {string} v */
const glue = (v) =>
  v
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/([tfzTF]) (?=[A-Za-z_])/g, '$1');
const NUMERALS = '一二三四五六七八九十';

/**
 * The codes of appendix 6.3 ("身份证 SFZ"), which rows point to for "更多证件类型的取值".
 * @param {string[]} raw
 */
function appendixCredentialTypes(raw) {
  /** @type {Set<string>} */
  const codes = new Set();
  let inTable = false;
  for (const line of raw) {
    if (line.startsWith('\t')) break; // the table of contents closes the file
    if (/IdentityCredentialType取值\s*$/.test(line)) inTable = true;
    const m = inTable && /^\s*\S+ ([A-Z]+)\s*$/.exec(line);
    if (m) codes.add(m[1]);
  }
  return [...codes];
}

/**
 * [{ name, kind: 'enum' | 'default', value }] stated in one table row.
 * @param {ScannedRow} row
 * @param {string[]} credentialTypes
 * @returns {Fact[]}
 */
function rowFacts(row, credentialTypes) {
  /** @type {Fact[]} */
  const facts = [];
  const text = row.text;
  // Running text with its line breaks undone: none between Chinese characters ("默" / "认为").
  const prose = text.replace(/([\u3400-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3400-\u9fff\uff00-\uffef])/g, '$1').replace(/\s*\n\s*/g, ' ');
  const values = row.type === 'Boolean' ? undefined : listedValues(text);
  if (values) {
    if (prose.includes('请参见支持实名认证的证件类型')) values.push(...credentialTypes.filter((c) => !values.includes(c)));
    facts.push({ name: row.name, kind: 'enum', value: values });
  }
  const def = /默认(?:值)?(?:设置)?(?:为|是)\s*((?:[A-Za-z0-9_.-]+ ?)+|[一二三四五六七八九十](?=[年个天次]))/.exec(prose);
  if (def)
    facts.push({ name: row.name, kind: 'default', value: NUMERALS.includes(def[1]) ? String(NUMERALS.indexOf(def[1]) + 1) : glue(def[1]) });
  return facts;
}

/**
 * @param {string} text
 * @returns {string[] | undefined}
 */
function listedValues(text) {
  const fixed = /固定取值为?\s*([A-Za-z0-9_.-]+)/.exec(text);
  if (fixed) return [fixed[1]];
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const at = paragraphs.findIndex((p) => /取值(?:范围|如下|为|包括)?[：:]?$/.test(p));
  if (at < 0) return undefined;
  /** @type {string[]} */
  const values = [];
  for (const p of paragraphs.slice(at + 1)) {
    const first = p.split('\n')[0].trim();
    const m = /^(-?\d+(?:、-?\d+)*)\s*[ ：:；;。]/.exec(first) ?? /^([A-Za-z0-9_.\- ]+?)\s*[：:；;。]/.exec(first);
    if (!m) break;
    values.push(...m[1].split('、').map(glue));
  }
  return values.length ? values : undefined;
}

function specSide() {
  /** @type {Map<string, { request: string[], response: string[], facts: Fact[], patched: Map<string, string> }>} */
  const out = new Map();
  for (const item of Object.values(spec.paths)) {
    const op = operationOf(item);
    if (op['x-alidomain-addition']) {
      added.actions.push(`added: Action ${op.operationId}: ${provenance(op)}`);
      addedActions.push(op.operationId);
      continue;
    }
    /** @type {string[]} */
    const request = [];
    const params = ownParams(op, true);
    for (const p of params) {
      const style = p['x-alidomain-style'];
      if (style === 'repeatList') request.push(`${p.name}.N`);
      else if (style === 'objectList') request.push(...Object.keys(p.schema.items.properties).map((f) => `${p.name}.N.${f}`));
      else request.push(p.name);
    }
    /** @type {string[]} */
    const response = [];
    collectFields(op.responses?.[200]?.content?.['application/json']?.schema, response, op.operationId);
    out.set(op.operationId, { request, response, facts: specFacts(op), patched: patchedItems(op) });
  }
  return out;
}

/**
 * The Action's own parameters, query then form body, without the added ones (listed apart when `record`).
 * @param {Schema} op
 * @param {boolean} [record]
 * @returns {Schema[]}
 */
function ownParams(op, record = false) {
  const form = op.requestBody?.content?.['application/x-www-form-urlencoded']?.schema?.properties ?? {};
  /** @type {Schema[]} */
  const params = [...(op.parameters ?? []), ...Object.entries(form).map(([name, schema]) => formParameter(name, schema))];
  return params.filter((p) => {
    const mark = p['x-alidomain-addition'] ?? p.schema?.['x-alidomain-addition'];
    if (mark && record) added.params.push(`added: ${op.operationId} request ${p.name}: ${mark.reason} (${mark.reference})`);
    return !mark;
  });
}

/**
 * The document names of the items a patch changed or removed, with the patch's reason; each
 * patch is also listed as a `patched:` line.
 * @param {Schema} op
 * @returns {Map<string, string>}
 */
function patchedItems(op) {
  /** @type {Map<string, string>} */
  const names = new Map();
  /** @param {string[]} ns @param {Schema} mark @param {string} what */
  const note = (ns, mark, what) => {
    for (const n of ns) names.set(n, mark.reason);
    patchedLines.push(`patched: ${op.operationId} ${what} [${mark.changed?.join(', ') ?? 'removed'}]: ${mark.reason}`);
  };
  if (op['x-alidomain-patch'])
    patchedLines.push(
      `patched: ${op.operationId} (operation) [${op['x-alidomain-patch'].changed.join(', ')}]: ${op['x-alidomain-patch'].reason}`,
    );
  for (const p of ownParams(op)) {
    const style = p['x-alidomain-style'];
    const mark = p['x-alidomain-patch'] ?? p.schema?.['x-alidomain-patch'];
    const fields = style === 'objectList' ? Object.entries(p.schema.items.properties) : [];
    if (mark)
      note(
        style === 'objectList' ? fields.map(([f]) => `${p.name}.N.${f}`) : [style === 'repeatList' ? `${p.name}.N` : p.name],
        mark,
        `request ${p.name}`,
      );
    for (const [f, sub] of fields)
      if (sub['x-alidomain-patch']) note([`${p.name}.N.${f}`], sub['x-alidomain-patch'], `request ${p.name}.${f}`);
  }
  /** @type {[string, Schema][]} */
  const fields = [];
  collectFieldSchemas(op.responses?.[200]?.content?.['application/json']?.schema, fields);
  for (const [name, sub] of fields) if (sub['x-alidomain-patch']) note([name], sub['x-alidomain-patch'], `response ${name}`);
  for (const { target, reason } of op['x-alidomain-removed'] ?? []) {
    // The item is gone: any document name it stood for (X, X.N, X.N.F; a field by its last step).
    const [kind, ...rest] = target.split('.');
    const candidates = kind === 'params' ? (rest.length === 2 ? [`${rest[0]}.N.${rest[1]}`] : [rest[0], `${rest[0]}.N`]) : [rest.at(-1)];
    note(candidates, { reason }, target.replace(/^params\./, 'request ').replace(/^fields\./, 'response '));
  }
  return names;
}

/**
 * A form-body property read like a parameter: the extractor writes its style on it.
 * @param {string} name
 * @param {Schema} schema
 * @returns {Schema}
 */
function formParameter(name, schema) {
  if (!schema['x-alidomain-style']) throw new Error(`form-body property ${name} has no x-alidomain-style`);
  return { name, schema, 'x-alidomain-style': schema['x-alidomain-style'] };
}

/**
 * Field names of a response schema, skipping the item wrappers the wire adds (`Data.Domain`) and
 * the added fields (listed apart when `action` is given).
 * @param {Schema | undefined} schema
 * @param {string[]} out
 * @param {string} [action]
 */
function collectFields(schema, out, action) {
  if (!schema || typeof schema !== 'object') return;
  const wrapper = schema['x-alidomain-list']?.item;
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    if (sub['x-alidomain-addition']) {
      if (action) added.fields.push(`added: ${action} response ${name}: ${provenance(sub)}`);
    } else if (name === wrapper) collectFields(sub.items, out, action);
    else {
      out.push(name);
      collectFields(sub, out, action);
    }
  }
  if (schema.items) collectFields(schema.items, out, action);
}

/**
 * [name, schema] of every response field, walked as collectFields walks the names.
 * @param {Schema | undefined} schema
 * @param {[string, Schema][]} out
 */
function collectFieldSchemas(schema, out) {
  if (!schema || typeof schema !== 'object') return;
  const wrapper = schema['x-alidomain-list']?.item;
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    if (sub['x-alidomain-addition']) continue;
    if (name !== wrapper) out.push([name, sub]);
    collectFieldSchemas(name === wrapper ? sub.items : sub, out);
  }
  if (schema.items) collectFieldSchemas(schema.items, out);
}

/**
 * Every request parameter and response field of an operation as [{ name, kind, value, explained }].
 * @param {Schema} op
 * @returns {Fact[]}
 */
function specFacts(op) {
  /** @type {[string, Schema, boolean][]} */
  const items = [];
  for (const p of ownParams(op)) {
    if (!p.name || p.name === 'Action') continue; // common parameters are $refs without a name here
    // A reviewed override next to a recorded erratum explains a difference (see ERRATA.md).
    /** @param {Schema} item */
    const explained = (item) => Boolean((item['x-alidomain-override'] || p['x-alidomain-override']) && p['x-alidomain-errata']);
    const style = p['x-alidomain-style'];
    if (style === 'objectList')
      for (const [f, sub] of Object.entries(p.schema.items.properties)) items.push([`${p.name}.N.${f}`, sub, explained(sub)]);
    else if (style === 'repeatList') items.push([`${p.name}.N`, p.schema.items, explained(p)]);
    else items.push([p.name, p.schema, explained(p)]);
  }
  /** @type {[string, Schema][]} */
  const fields = [];
  collectFieldSchemas(op.responses?.[200]?.content?.['application/json']?.schema, fields);
  for (const [name, sub] of fields) items.push([name, sub, false]);
  /** @type {Fact[]} */
  const facts = [];
  for (const [name, raw, explained] of items) {
    const schema = resolveRef(raw);
    if (schema.enum) facts.push({ name, kind: 'enum', value: schema.enum.map(String), explained });
    if (schema.default !== undefined) facts.push({ name, kind: 'default', value: String(schema.default), explained });
  }
  return facts;
}

/**
 * @param {Schema | undefined} schema
 * @returns {Schema}
 */
function resolveRef(schema) {
  if (!schema?.$ref) return schema ?? {};
  const { $ref, ...local } = schema;
  return { ...spec.components.schemas[$ref.replace('#/components/schemas/', '')], ...local };
}

/** @param {Fact} f */
const factKey = (f) => `${f.kind} ${f.name} ${f.kind === 'enum' ? `[${[...f.value].sort().join('|')}]` : f.value}`;

/**
 * Multiset difference a − b.
 * @param {string[]} a
 * @param {string[]} b
 */
function minus(a, b) {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

const docActions = documentSide();
const specActions = specSide();
/** @type {(string | number)[][]} */
const rows = [];
let problems = 0;
const totals = { docReq: 0, specReq: 0, docRes: 0, specRes: 0, 'doc-enum': 0, 'spec-enum': 0, 'doc-default': 0, 'spec-default': 0 };
const explained = [];
/** @type {string[]} */
const patchedDiffs = [];
for (const d of docActions) {
  const s = specActions.get(d.name);
  if (!s) {
    rows.push([d.name, d.request.length, '-', d.response.length, '-', 'MISSING from the spec']);
    problems++;
    continue;
  }
  /** @type {string[]} */
  const diffs = [];
  // A difference on a patched (or removed) item is the patch's, listed with its reason above.
  /** @param {string} name @param {string} text */
  const differ = (name, text) => {
    if (s.patched.has(name)) patchedDiffs.push(`${d.name}: ${text} (patched: ${s.patched.get(name)})`);
    else diffs.push(text);
  };
  for (const n of minus(d.request, s.request)) differ(n, `request ${n} missing`);
  for (const n of minus(s.request, d.request)) differ(n, `request ${n} not in document`);
  for (const n of minus(d.response, s.response)) differ(n, `response ${n} missing`);
  for (const n of minus(s.response, d.response)) differ(n, `response ${n} not in document`);
  // Allowed values and defaults, compared as multisets of "kind name value" per Action.
  const docKeys = d.facts.map(factKey);
  const specKeys = s.facts.map(factKey);
  /** @param {string} key */
  const isExplained = (key) => s.facts.some((f) => f.explained && key.split(' ')[1] === f.name);
  for (const [key, side] of [
    ...minus(docKeys, specKeys).map((k) => [k, 'missing']),
    ...minus(specKeys, docKeys).map((k) => [k, 'not in document']),
  ]) {
    if (isExplained(key)) explained.push(`${d.name}: ${key} ${side} (override, see ERRATA.md)`);
    else differ(key.split(' ')[1], `${key} ${side}`);
  }
  for (const kind of /** @type {const} */ (['enum', 'default'])) {
    totals[`doc-${kind}`] += d.facts.filter((f) => f.kind === kind).length;
    totals[`spec-${kind}`] += s.facts.filter((f) => f.kind === kind).length;
  }
  problems += diffs.length;
  totals.docReq += d.request.length;
  totals.specReq += s.request.length;
  totals.docRes += d.response.length;
  totals.specRes += s.response.length;
  rows.push([d.name, d.request.length, s.request.length, d.response.length, s.response.length, diffs.join('; ') || 'ok']);
}
for (const name of addedActions) rows.push([name, '-', '', '-', '', 'addition: not in the document, not compared']);
for (const name of specActions.keys()) {
  if (!docActions.some((d) => d.name === name)) {
    rows.push([name, '-', '', '-', '', 'in the spec, NOT in the document']);
    problems++;
  }
}

const header = ['Action', 'req doc', 'req spec', 'resp doc', 'resp spec', 'differences'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
/** @param {(string | number)[]} r */
const fmt = (r) => r.map((c, i) => (i === r.length - 1 ? String(c) : String(c).padEnd(widths[i]))).join('  ');
console.log(fmt(header));
for (const r of rows) console.log(fmt(r));
console.log();
console.log(`Actions: document ${docActions.length}, spec ${specActions.size}`);
console.log(`Request parameters (incl. Action): document ${totals.docReq}, spec ${totals.specReq}`);
console.log(`Response fields: document ${totals.docRes}, spec ${totals.specRes}`);
console.log(`Enums (value lists, Boolean rows aside): document ${totals['doc-enum']}, spec ${totals['spec-enum']}`);
console.log(`Defaults: document ${totals['doc-default']}, spec ${totals['spec-default']}`);
const additions = added.actions.length + added.params.length + added.fields.length;
console.log(
  `Additions: document ${docActions.length} Actions + additions ${additions} (${added.actions.length} Actions, ${added.params.length} parameters, ${added.fields.length} response fields), not compared with the document`,
);
for (const line of [...added.actions, ...added.params, ...added.fields]) console.log(line);
console.log(`Patched items: ${patchedLines.length}`);
for (const line of patchedLines) console.log(line);
for (const line of patchedDiffs) console.log(`patched difference: ${line}`);
for (const e of explained) console.log(`explained: ${e}`);
problems += reportEnglish();
console.log(problems ? `${problems} difference(s)` : 'no differences');
process.exit(problems ? 1 : 0);
