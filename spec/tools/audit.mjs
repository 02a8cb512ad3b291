#!/usr/bin/env node
// Compares the committed spec with the document. The document side is read here with a
// second, deliberately simple scan (a regular expression over each table's text), not with
// the extractor's table reader, so that the two readings check each other.
// Exit status 1 when an Action, a request parameter or a response field differs.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { loadDocument, splitSections, operationOf } from './lib/document.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DOCUMENT = process.env.ALIDOMAIN_DOCUMENT ?? resolve(here, '../../../shared/seed/000_c3dabf40bed88ec2.txt');
const spec = YAML.parse(readFileSync(resolve(here, '../openapi.yaml'), 'utf8'));

const TYPE = 'String|Integer|Long|Boolean|Float|Double|RepeatList|Array|Struct|List|Object';
// A row: a name (possibly cut over lines or with stray spaces), optional location, a type; request rows carry 是/否.
const rowPattern = (request) =>
  new RegExp(`^([A-Za-z][A-Za-z0-9.]*(?:(?: |\\n\\n?)[A-Za-z0-9.]+)*?)(?: |\\n\\n?)(?:(?:Query|Body) )?(?:${TYPE})(?: of \\w+)?${request ? ' (?:是|否)' : '(?: |$)'}`, 'gm');

function scan(text, request) {
  const names = [];
  // "X Array of Y" is followed by a line "Y" naming the item type: not part of the next row's name.
  const itemTypes = new Set([...text.matchAll(/Array of\s+(\w+)/g)].map((m) => m[1]));
  for (const m of text.matchAll(rowPattern(request))) {
    const parts = m[1].split(/\n+/);
    if (parts.length > 1 && itemTypes.has(parts[0])) parts.shift();
    const name = parts.join('').replace(/\s+/g, '');
    if (/^[A-Za-z][A-Za-z0-9]*(\.N(\.[A-Za-z0-9]+)?)?$/.test(name)) names.push(name);
  }
  // A list row printed without a type ("Data 任务列表。" then "TaskInfo 任务列表。").
  if (!request) for (const m of text.matchAll(/^([A-Z][A-Za-z0-9]*) [\u3400-\u9fff][^\n]*\n\n[A-Z][A-Za-z0-9]* [\u3400-\u9fff]/gm)) names.push(m[1]);
  return names;
}

function documentSide() {
  const doc = loadDocument(DOCUMENT);
  return splitSections(doc).map((s) => {
    const text = s.lines.map((l) => l.text).join('\n');
    const reqAt = text.search(/^名称 (?:位置 )?类型 是否必选 示例值 描述$/m);
    const resAt = text.search(/^返回数据$/m);
    const endAt = text.search(/^示例$/m);
    const req = reqAt < 0 ? '' : text.slice(reqAt, resAt < 0 ? endAt : resAt);
    const res = resAt < 0 ? '' : text.slice(resAt, endAt < 0 ? undefined : endAt);
    return { name: s.name, request: scan(req, true), response: scan(res, false) };
  });
}

function specSide() {
  const out = new Map();
  for (const item of Object.values(spec.paths)) {
    const op = operationOf(item);
    const request = [];
    const params = [...(op.parameters ?? [])];
    const form = op.requestBody?.content?.['application/x-www-form-urlencoded']?.schema?.properties ?? {};
    for (const [name, schema] of Object.entries(form)) params.push({ name, schema, ...pickStyle(schema) });
    for (const p of params) {
      const style = p['x-alidomain-style'];
      if (style === 'repeatList') request.push(`${p.name}.N`);
      else if (style === 'objectList') request.push(...Object.keys(p.schema.items.properties).map((f) => `${p.name}.N.${f}`));
      else request.push(p.name);
    }
    const response = [];
    collectFields(op.responses?.[200]?.content?.['application/json']?.schema, response);
    out.set(op.operationId, { request, response });
  }
  return out;
}

const pickStyle = (schema) => ({ 'x-alidomain-style': schema['x-alidomain-style'] ?? (schema.type === 'array' ? 'repeatList' : 'scalar') });

/** Field names of a response schema, skipping the item wrappers the wire adds (`Data.Domain`). */
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

/** Multiset difference a − b. */
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
const rows = [];
let problems = 0;
const totals = { docReq: 0, specReq: 0, docRes: 0, specRes: 0 };
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
const fmt = (r) => r.map((c, i) => (i === r.length - 1 ? String(c) : String(c).padEnd(widths[i]))).join('  ');
console.log(fmt(header));
for (const r of rows) console.log(fmt(r));
console.log();
console.log(`Actions: document ${docActions.length}, spec ${specActions.size}`);
console.log(`Request parameters (incl. Action): document ${totals.docReq}, spec ${totals.specReq}`);
console.log(`Response fields: document ${totals.docRes}, spec ${totals.specRes}`);
console.log(problems ? `${problems} difference(s)` : 'no differences');
process.exit(problems ? 1 : 0);
