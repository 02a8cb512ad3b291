#!/usr/bin/env node
// Compares the committed spec with the document. The document side is read here with a
// second, deliberately simple scan (a regular expression over each table's text), not with
// the extractor's table reader, so that the two readings check each other.
// It compares names, and the allowed values (取值) and defaults (默认) each row states.
// Exit status 1 when an Action, a request parameter, a response field, a value list or a
// default differs; a difference on an item whose override records a document misprint
// (x-alidomain-override with x-alidomain-errata) is printed as explained instead.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { loadDocument, splitSections, operationOf } from './lib/document.mjs';
import { DOCUMENT, hasDocument, missingDocumentNotice } from './lib/document-path.mjs';

if (!hasDocument()) {
  console.log(missingDocumentNotice('npm run spec:audit'));
  process.exit(0);
}

/** @typedef {import('./lib/types.js').Schema} Schema */
/** @typedef {{ name: string, type: string, from: number, text: string }} ScannedRow */
/** @typedef {{ name: string, kind: 'enum', value: string[], explained?: boolean } | { name: string, kind: 'default', value: string, explained?: boolean }} Fact */

const here = dirname(fileURLToPath(import.meta.url));
/** @type {Schema} */
const spec = YAML.parse(readFileSync(resolve(here, '../openapi.yaml'), 'utf8'));

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
  /** @type {Map<string, { request: string[], response: string[], facts: Fact[] }>} */
  const out = new Map();
  for (const item of Object.values(spec.paths)) {
    const op = operationOf(item);
    /** @type {string[]} */
    const request = [];
    const params = [...(op.parameters ?? [])];
    const form = op.requestBody?.content?.['application/x-www-form-urlencoded']?.schema?.properties ?? {};
    for (const [name, schema] of Object.entries(form)) params.push(formParameter(name, schema));
    for (const p of params) {
      const style = p['x-alidomain-style'];
      if (style === 'repeatList') request.push(`${p.name}.N`);
      else if (style === 'objectList') request.push(...Object.keys(p.schema.items.properties).map((f) => `${p.name}.N.${f}`));
      else request.push(p.name);
    }
    /** @type {string[]} */
    const response = [];
    collectFields(op.responses?.[200]?.content?.['application/json']?.schema, response);
    out.set(op.operationId, { request, response, facts: specFacts(op) });
  }
  return out;
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
 * Field names of a response schema, skipping the item wrappers the wire adds (`Data.Domain`).
 * @param {Schema | undefined} schema
 * @param {string[]} out
 */
function collectFields(schema, out) {
  if (!schema || typeof schema !== 'object') return;
  const wrapper = schema['x-alidomain-list']?.item;
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    if (name === wrapper) collectFields(sub.items, out);
    else {
      out.push(name);
      collectFields(sub, out);
    }
  }
  if (schema.items) collectFields(schema.items, out);
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
  const form = op.requestBody?.content?.['application/x-www-form-urlencoded']?.schema?.properties ?? {};
  /** @type {Schema[]} */
  const params = [...(op.parameters ?? []), ...Object.entries(form).map(([name, schema]) => formParameter(name, schema))];
  for (const p of params) {
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
for (const d of docActions) {
  const s = specActions.get(d.name);
  if (!s) {
    rows.push([d.name, d.request.length, '-', d.response.length, '-', 'MISSING from the spec']);
    problems++;
    continue;
  }
  const diffs = [
    ...minus(d.request, s.request).map((n) => `request ${n} missing`),
    ...minus(s.request, d.request).map((n) => `request ${n} not in document`),
    ...minus(d.response, s.response).map((n) => `response ${n} missing`),
    ...minus(s.response, d.response).map((n) => `response ${n} not in document`),
  ];
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
    else diffs.push(`${key} ${side}`);
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
for (const e of explained) console.log(`explained: ${e}`);
console.log(problems ? `${problems} difference(s)` : 'no differences');
process.exit(problems ? 1 : 0);
