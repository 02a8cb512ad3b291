// The English of the spec's Chinese texts (spec/overrides/english/*.yaml, one file per tag, and
// common.yaml for what the Actions share: `parameters`, `schemas`, `errors` → name → `{ zh, en }`), and
// its coverage: every text the spec has in Chinese must have its English, and every English entry
// must name a text that exists and still reads as it did when translated.
//
// A file maps Action → `description`, `parameters` (by wire name; an object list's fields as
// `Name.N.Field`; form-body fields by name) and `response` (fields by dotted path through objects,
// arrays transparent) → `{ zh, en }`, and an enumerated item's `values` → value → `{ zh, en }`.
// `zh` is the Chinese the English was made from: when the document's text changes, the entry is
// reported stale until someone translates the new text.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import YAML from 'yaml';
import { displayName, layerFiles } from './layers/load.mjs';

/** @typedef {import('./types.js').Schema} Schema */

const HAN = /\p{Script=Han}/u;
/** @typedef {{ file: string, key: string, zh: string }} Text one Chinese text of the spec, where its English belongs */
/** @typedef {{ file: string, key: string, zh: unknown, en: unknown }} Entry one entry of an English file */

/** The component a `$ref` names, or the node itself: where a schema's own keys (the values' meanings) live. @param {Schema} spec @param {Schema} node @returns {Schema} */
function target(spec, node) {
  let s = node;
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) s = spec.components.schemas[s.$ref.replace('#/components/schemas/', '')];
  return s;
}

/** The schema a node describes: the component it refers to, with the node's own keys over it. @param {Schema} spec @param {unknown} node @returns {Schema} */
function deref(spec, node) {
  const { $ref, ...own } = /** @type {Schema} */ (node ?? {});
  return $ref === undefined ? own : { ...target(spec, { $ref }), ...own };
}

/**
 * One text of the spec: its key, its Chinese (the original, also once the English is written in
 * its place) and how to write the English.
 * @typedef {{ key: string, zh: string, write: (en: string) => void }} Slot
 */

/**
 * The slots of one item (an operation, a parameter, a field): its description on `holder`, and
 * the meanings of its values on the schema `values` (the one holding `x-enumDescriptions`).
 * The English goes in `description` and `x-enumDescriptions`, where generic tools read them; the
 * Chinese moves to `x-alidomain-zh` (`{ description, enumDescriptions }`) on the same object.
 * @param {string} prefix @param {Schema} holder @param {Schema | undefined} values @param {(slot: Slot) => void} visit
 */
function itemSlots(prefix, holder, values, visit) {
  const zhOf = (/** @type {Schema} */ node) => (node['x-alidomain-zh'] ??= {});
  const description = holder['x-alidomain-zh']?.description ?? holder.description;
  // Only Chinese needs English: a text of our own (an addition, a shared schema we named) is English already.
  if (typeof description === 'string' && HAN.test(description))
    visit({
      key: prefix,
      zh: description,
      write: (en) => {
        zhOf(holder).description = description;
        holder.description = en;
      },
    });
  const meanings = values?.['x-enumDescriptions'];
  for (const value of Object.keys(meanings ?? {})) {
    const zh = values?.['x-alidomain-zh']?.enumDescriptions?.[value] ?? meanings[value];
    if (typeof zh !== 'string' || !HAN.test(zh)) continue;
    visit({
      key: `${prefix}.values.${value}`,
      zh,
      write: (en) => {
        const node = /** @type {Schema} */ (values);
        (zhOf(node).enumDescriptions ??= {})[value] = zh;
        node['x-enumDescriptions'][value] = en;
      },
    });
  }
}

/** The schema holding an item's values' meanings: the item's, or its items' (a list of values). @param {Schema} spec @param {Schema} s */
const valuesOf = (spec, s) => {
  const own = target(spec, s);
  if (own['x-enumDescriptions']) return own;
  return own.items ? target(spec, own.items) : undefined;
};

/**
 * Every field of a response or object-list schema, by dotted path (arrays are transparent).
 * @param {Schema} spec @param {unknown} node @param {string} prefix @param {string} path @param {(slot: Slot) => void} visit
 */
function fieldSlots(spec, node, prefix, path, visit) {
  const s = deref(spec, node);
  if (s.items) {
    fieldSlots(spec, s.items, prefix, path, visit);
    return;
  }
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    const p = path ? `${path}.${name}` : name;
    // A property that only refers to a component describes itself through it.
    const holder = typeof child.$ref === 'string' && child.description === undefined ? target(spec, child) : child;
    itemSlots(`${prefix}${p}`, holder, valuesOf(spec, child), visit);
    fieldSlots(spec, child, prefix, p, visit);
  }
}

/**
 * The texts every Action shares, in common.yaml: the common and signing parameters, the shared
 * schemas' own descriptions (not response shapes, whose fields are each Action's) and the error
 * catalogue.
 * @param {Schema} spec
 * @param {(file: string, slot: Slot) => void} visit
 */
function commonTexts(spec, visit) {
  /** @param {Slot} slot */
  const add = (slot) => visit('common.yaml', slot);
  const scheme = spec.components.securitySchemes?.AliyunSignatureV1;
  for (const p of [...Object.values(spec.components.parameters ?? {}), ...(scheme?.['x-alidomain-parameters'] ?? [])])
    itemSlots(`parameters.${p.name}`, p, undefined, add);
  for (const [name, s] of Object.entries(spec.components.schemas ?? {})) {
    if (name !== 'ErrorResponse' && (s.type === 'object' || s.type === 'array')) continue;
    itemSlots(`schemas.${name}`, s, undefined, add);
    for (const [field, f] of Object.entries(s.properties ?? {})) itemSlots(`schemas.${name}.${field}`, f, undefined, add);
  }
  for (const e of spec['x-alidomain-error-codes'] ?? []) itemSlots(`errors.${e.code}`, e, undefined, add);
}

/**
 * Every text of the spec that has (or needs) English: the Actions', by the file of the Action's
 * tag, then those they share (common.yaml).
 * @param {Schema} spec
 * @param {(file: string, slot: Slot) => void} visit
 */
function visitTexts(spec, visit) {
  for (const item of Object.values(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const file = `${op.tags[0]}.yaml`;
      /** @param {Slot} slot */
      const add = (slot) => visit(file, { ...slot, key: `${op.operationId}.${slot.key}` });
      itemSlots('description', op, undefined, add);
      for (const p of op.parameters ?? []) {
        const holder = p.description === undefined ? target(spec, p.schema) : p;
        itemSlots(`parameters.${p.name}`, holder, valuesOf(spec, p.schema), add);
        if (p['x-alidomain-style'] === 'objectList') fieldSlots(spec, deref(spec, p.schema).items, `parameters.${p.name}.N.`, '', add);
      }
      for (const media of Object.values(op.requestBody?.content ?? {}))
        for (const [name, s] of Object.entries(deref(spec, media.schema).properties ?? {}))
          itemSlots(`parameters.${name}`, s.description === undefined ? target(spec, s) : s, valuesOf(spec, s), add);
      // Each media type's schema (JSON, XML): stage 1 writes them apart, naming makes them one.
      for (const media of Object.values(op.responses?.['200']?.content ?? {})) fieldSlots(spec, media.schema, 'response.', '', add);
    }
  }
  commonTexts(spec, visit);
}

/**
 * Every text of the spec that needs English, with the file and key its English belongs at.
 * @param {Schema} spec
 * @returns {Text[]}
 */
export function textsOf(spec) {
  /** @type {Text[]} */
  const texts = [];
  const seen = new Set();
  visitTexts(spec, (file, { key, zh }) => {
    if (!seen.has(key)) texts.push({ file, key, zh });
    seen.add(key);
  });
  return texts;
}

/**
 * Writes the English of `dir` into the spec (in place): each text whose entry was made from the
 * spec's Chinese gets it; the rest (stale, missing) keep their Chinese, and checkEnglish reports them.
 * @param {Schema} spec
 * @param {string | undefined} dir
 * @returns {Schema} spec
 */
export function applyEnglish(spec, dir) {
  if (!dir) return spec;
  const byKey = new Map(loadEnglish(dir).map((e) => [`${e.file} ${e.key}`, e]));
  /** @type {(() => void)[]} */
  const writes = [];
  // Gathered first and written after: a text reached twice (a component two fields share) reads its Chinese before any English is in place.
  visitTexts(spec, (file, slot) => {
    const e = byKey.get(`${file} ${slot.key}`);
    const en = e?.zh === slot.zh ? e.en : undefined;
    if (typeof en === 'string' && en.trim() !== '') writes.push(() => slot.write(en));
  });
  for (const write of writes) write();
  return spec;
}

/**
 * The entries of the English files: each `{ zh, en }` pair with its file and key. Keys are built
 * as textsOf builds them; a parameter or field name may contain dots (`Name.N.Field`, a path), so
 * the nesting is read, not split.
 * @param {string} dir spec/overrides/english
 * @returns {Entry[]}
 */
export function loadEnglish(dir) {
  /** @type {Entry[]} */
  const entries = [];
  for (const path of layerFiles(dir)) {
    const file = basename(path);
    const doc = YAML.parse(readFileSync(path, 'utf8')) ?? {};
    /** @param {string} key @param {any} node */
    const pair = (key, node) => {
      entries.push({ file, key, zh: node?.zh, en: node?.en });
      for (const [value, v] of Object.entries(node?.values ?? {}))
        entries.push({ file, key: `${key}.values.${value}`, zh: v?.zh, en: v?.en });
    };
    if (file === 'common.yaml') {
      for (const [section, items] of Object.entries(doc))
        for (const [name, node] of Object.entries(items ?? {})) pair(`${section}.${name}`, node);
      continue;
    }
    for (const [action, a] of Object.entries(doc)) {
      if (a?.description !== undefined) pair(`${action}.description`, a.description);
      for (const [name, node] of Object.entries(a?.parameters ?? {})) pair(`${action}.parameters.${name}`, node);
      for (const [name, node] of Object.entries(a?.response ?? {})) pair(`${action}.response.${name}`, node);
    }
  }
  return entries;
}

/**
 * Where the English and the spec disagree, one line each: a text without English, an entry that
 * names no text (or sits in another tag's file), an entry whose `zh` is no longer the spec's text.
 * @param {Schema} spec
 * @param {string} dir
 * @returns {{ texts: number, translated: number, problems: string[] }}
 */
export function checkEnglish(spec, dir) {
  const texts = textsOf(spec);
  const byKey = new Map(texts.map((t) => [t.key, t]));
  const shown = displayName(dir);
  /** @type {string[]} */
  const problems = [];
  const done = new Set();
  // A text with an entry is translated or has that entry's problem; only one with none is a gap.
  const entered = new Set();
  for (const e of loadEnglish(dir)) {
    const where = `${join(shown, e.file)}: ${e.key}`;
    const t = byKey.get(e.key);
    if (t !== undefined) entered.add(e.key);
    if (t === undefined)
      problems.push(
        `${where}: names no Chinese text of the spec; allowed: an Action's description, parameters and response fields (common.yaml: the shared parameters, schemas and errors)`,
      );
    else if (t.file !== e.file) problems.push(`${where}: belongs in ${join(shown, t.file)}, the file of the Action's tag`);
    else if (e.zh !== t.zh)
      problems.push(`${where}: stale: the spec's Chinese is now ${JSON.stringify(t.zh)}; translate it and copy it to zh`);
    else if (typeof e.en !== 'string' || e.en.trim() === '') problems.push(`${where}: no English (en)`);
    else done.add(e.key);
  }
  for (const t of texts)
    if (!entered.has(t.key)) problems.push(`${join(shown, t.file)}: ${t.key}: no English for ${JSON.stringify(t.zh.slice(0, 40))}`);
  return { texts: texts.length, translated: done.size, problems };
}
