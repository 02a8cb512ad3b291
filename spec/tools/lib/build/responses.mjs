// The 200 response of an Action: the response table as a nested schema (structure.mjs decides the
// nesting), list wrappers from the examples, and the document's examples checked against it.
import { keyIndex } from '../examples.mjs';
import { nestRows } from '../structure.mjs';
import { exampleProblems } from '../conformance.mjs';
import { scalarSchema } from './schemas.mjs';
import { errataNote, stripUndefined } from './util.mjs';

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').Action} Action */
/** @typedef {import('../types.js').ActionOverride} ActionOverride */
/** @typedef {import('../types.js').Erratum} Erratum */
/** @typedef {import('../types.js').TreeNode} TreeNode */
/** @typedef {import('../types.js').Row} Row */
/** @typedef {import('../text.mjs').Repairer} Repairer */

/**
 * The responses of an Action: 200 from its tables and examples, the errors by reference.
 * @param {Action} a
 * @param {ActionOverride} o
 * @param {Repairer} repair
 * @param {Erratum[]} errata the Action's errata; an example that disagrees with the table adds one
 * @param {Schema} components to resolve the `$ref`s the examples are checked against
 */
export function responses(a, o, repair, errata, components) {
  const index = keyIndex(a.examples.json?.value);
  keyIndex(a.examples.xml?.value, index);
  const root = applyMoves(nestRows(a.response, index), o.response);
  const schema = { title: `${a.name}Response`, ...objectSchema(root, a, repair, errata) };
  /** @type {Schema} */
  const json = { schema };
  const { json: jsonExample, xml: xmlExample } = a.examples;
  const line = a.parts.responseExamples[0]?.n;
  if (jsonExample?.value !== undefined) {
    const problems = exampleProblems(schema, jsonExample.value, components);
    if (problems.length === 0) json.examples = { document: { summary: 'Example from the document', value: jsonExample.value } };
    else {
      // Kept verbatim, but not offered as a valid example: the table wins.
      json['x-alidomain-document-example'] = jsonExample.value;
      errata.push({
        kind: 'example-disagrees-with-table',
        detail: `The JSON response example does not match the response table: ${problems.slice(0, 6).join('; ')}${problems.length > 6 ? `; … (${problems.length} in all)` : ''}.`,
        line,
        source: 'extractor',
      });
    }
  } else if (jsonExample) json['x-alidomain-document-example'] = jsonExample.text;
  // XML examples are text; OpenAPI tools check `examples` against the (object) schema, so they
  // travel in a vendor extension.
  /** @type {Schema} */
  const xmlContent = { schema: { ...schema, xml: { name: `${a.name}Response` } } };
  if (xmlExample) xmlContent['x-alidomain-document-example'] = xmlExample.text;
  return {
    200: {
      description: 'Success. The body is JSON or XML as `Format` asks.',
      content: { 'application/json': json, 'application/xml': xmlContent },
    },
    400: { $ref: '#/components/responses/ClientError' },
    403: { $ref: '#/components/responses/Forbidden' },
    500: { $ref: '#/components/responses/InternalError' },
    503: { $ref: '#/components/responses/ServiceUnavailable' },
  };
}

/**
 * Overrides move a response row to another parent: `{ move: { Field: 'Parent.Path' } }` (empty = root).
 * @template {TreeNode & { children: TreeNode[] }} R
 * @param {R} root
 * @param {ActionOverride['response']} fix
 * @returns {R}
 */
export function applyMoves(root, fix) {
  for (const [name, target] of Object.entries(fix?.move ?? {})) {
    const [node, parent] = findNode(root, name.split('.'));
    if (!node || !parent?.children) throw new Error(`override move: no response field ${name}`);
    parent.children.splice(parent.children.indexOf(node), 1);
    const dest = target ? findNode(root, target.split('.'))[0] : root;
    if (!dest?.children) throw new Error(`override move: no container ${target}`);
    dest.children.push(node);
  }
  return root;
}

/**
 * The node at `path` below `node`, and its parent.
 * @param {TreeNode} node
 * @param {string[]} path
 * @returns {[TreeNode, TreeNode] | [undefined, undefined]}
 */
function findNode(node, path) {
  const child = node.children?.find((c) => c.row.name === path[0]);
  if (!child) return [undefined, undefined];
  return path.length === 1 ? [child, node] : findNode(child, path.slice(1));
}

/**
 * A list field: the wire wrapper object holding the array (`{ Domain: [...] }`) when the
 * document names a wrapper, else the bare array.
 * @param {string | undefined} wrapper
 * @param {string | undefined} description
 * @param {Schema} items
 * @param {Record<string, unknown>} extra
 * @returns {Schema}
 */
function listSchema(wrapper, description, items, extra) {
  return wrapper
    ? { type: 'object', description, properties: { [wrapper]: { type: 'array', items } }, 'x-alidomain-list': { item: wrapper }, ...extra }
    : { type: 'array', description, items, ...extra };
}

/**
 * @param {TreeNode} node
 * @param {Action} a
 * @param {Repairer} repair
 * @param {Erratum[]} errata
 * @returns {Schema}
 */
function objectSchema(node, a, repair, errata) {
  /** @type {Schema} */
  const properties = {};
  for (const child of node.children ?? []) {
    properties[child.row.name] = fieldSchema(child, a, repair, errata);
  }
  return { type: 'object', properties };
}

/**
 * @param {TreeNode} node
 * @param {Action} a
 * @param {Repairer} repair
 * @param {Erratum[]} errata
 * @returns {Schema}
 */
function fieldSchema(node, a, repair, errata) {
  const row = /** @type {Row} */ (node.row);
  const paragraphs = row.paragraphs.map((p) => repair.paragraph(p));
  const description = paragraphs.join('\n\n') || undefined;
  const notes = errata.filter((e) => e.field === row.name && e.line === row.line).map(errataNote);
  const extra = notes.length ? { 'x-alidomain-errata': notes } : {};
  if (row.type === 'List') return listSchema(wrapperName(a, row.name), description, { type: 'string' }, extra);
  if (row.type === 'Array') {
    const items = node.children?.length
      ? { ...objectSchema(node, a, repair, errata), ...(row.itemType ? { title: row.itemType } : {}) }
      : { type: 'string' };
    return stripUndefined(listSchema(row.itemType ?? wrapperName(a, row.name), description, items, extra));
  }
  if (row.type === 'Struct' || row.type === 'Object') {
    return stripUndefined({ ...objectSchema(node, a, repair, errata), description, ...extra });
  }
  const schema = scalarSchema(row, {}, paragraphs);
  return stripUndefined({ ...schema, description, ...extra });
}

/**
 * The element name a list's items carry in the XML example (`<IpList><ip>…`), if it shows one.
 * @param {Action} a
 * @param {string} name
 */
export function wrapperName(a, name) {
  for (const value of [a.examples.xml?.value, a.examples.json?.value]) {
    const found = findKey(value, name);
    if (found && typeof found === 'object' && !Array.isArray(found)) {
      const keys = Object.keys(found).filter((k) => !k.startsWith('@'));
      if (keys.length === 1) return keys[0];
    }
  }
  return undefined;
}

/**
 * The value of the first key named `name` (any case), depth first.
 * @param {unknown} value
 * @param {string} name
 * @returns {unknown}
 */
function findKey(value, name) {
  if (!value || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.toLowerCase() === name.toLowerCase()) return v;
    const inner = findKey(v, name);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
