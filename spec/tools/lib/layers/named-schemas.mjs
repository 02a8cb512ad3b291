// The last step of stage 2: response schemas move out of the operations into components, where
// generic tools name their types after them. Additions and patches work on the operations' inline
// schemas before this runs, so neither needs to know about the names.
//   - Each Action's 200 body becomes components/schemas/<Action>Response, referenced by both media
//     types (the XML element name travels on the component's `xml`).
//   - A list item that recurs under the same title with the same shape, descriptions included,
//     becomes components/schemas/<Title>. Examples may differ between the sections: the component
//     keeps each field's examples, all of them (`examples`), so none is lost.
import { isDeepStrictEqual } from 'node:util';
import { PREFIX } from './spec.mjs';

/** @typedef {import('../types.js').Schema} Schema */

const JSON_TYPE = 'application/json';
const XML_TYPE = 'application/xml';

/**
 * @param {Schema} spec modified in place
 * @returns {Schema} spec
 */
export function nameSchemas(spec) {
  const schemas = (spec.components.schemas ??= {});
  /** @type {[string, Schema][]} */
  const bodies = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const op = item.post ?? item.get;
    const content = op.responses?.[200]?.content;
    const json = content?.[JSON_TYPE]?.schema;
    if (!path.startsWith(PREFIX) || !json || json.$ref) continue;
    const name = `${op.operationId}Response`;
    const xml = content[XML_TYPE]?.schema;
    const { xml: element, ...xmlShape } = xml ?? {};
    // The XML schema is the JSON one with its element name; anything else would be lost here.
    if (xml && !isDeepStrictEqual(xmlShape, json))
      throw new Error(`${path}: the XML 200 schema differs from the JSON one; expected the same schema with its xml name`);
    if (schemas[name]) throw new Error(`${path}: components/schemas/${name} already exists`);
    schemas[name] = { ...json, ...(element ? { xml: element } : {}) };
    bodies.push([name, schemas[name]]);
    content[JSON_TYPE].schema = { $ref: `#/components/schemas/${name}` };
    if (xml) content[XML_TYPE].schema = { $ref: `#/components/schemas/${name}` };
  }
  shareListItems(schemas, bodies);
  return spec;
}

/**
 * Lifts list items that are the same under the same title, in two or more places, into components.
 * @param {Schema} schemas components/schemas
 * @param {[string, Schema][]} bodies the response components, in spec order
 */
function shareListItems(schemas, bodies) {
  /** @type {Map<string, Schema[]>} arrays holding an item of each title, in spec order */
  const byTitle = new Map();
  const visit = (/** @type {unknown} */ node) => {
    if (!node || typeof node !== 'object') return;
    const s = /** @type {Schema} */ (node);
    if (s.type === 'array' && s.items?.type === 'object' && typeof s.items.title === 'string') {
      const list = byTitle.get(s.items.title) ?? [];
      byTitle.set(s.items.title, [...list, s]);
    }
    for (const v of Object.values(s)) visit(v);
  };
  for (const [, body] of bodies) visit(body);
  for (const [title, arrays] of byTitle) {
    if (arrays.length < 2 || schemas[title]) continue;
    const [first, ...rest] = arrays.map((a) => withoutExamples(a.items));
    if (!rest.every((s) => isDeepStrictEqual(s, first))) continue;
    schemas[title] = mergeExamples(arrays.map((a) => a.items));
    for (const a of arrays) a.items = { $ref: `#/components/schemas/${title}` };
  }
}

/**
 * A schema without its `example`s, at every depth: what two uses must share to be one shape.
 * @param {unknown} node
 * @returns {unknown}
 */
function withoutExamples(node) {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== 'example')
      .map(([k, v]) => [k, withoutExamples(v)]),
  );
}

/**
 * One schema from equal shapes: the first, with each field's distinct examples as `examples`
 * where the uses give more than one.
 * @param {Schema[]} uses
 * @returns {Schema}
 */
function mergeExamples(uses) {
  const [first] = uses;
  /** @type {Schema} */
  const out = {};
  for (const [k, v] of Object.entries(first)) {
    if (k === 'example') {
      const all = uses.map((u) => u.example).filter((e, i, list) => list.findIndex((x) => isDeepStrictEqual(x, e)) === i);
      if (all.length > 1) out.examples = all;
      else out.example = v;
    } else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = mergeExamples(uses.map((u) => u[k]));
    else out[k] = v;
  }
  return out;
}
