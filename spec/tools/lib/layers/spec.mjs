// Finding things in a spec the extractor wrote: an Action's operation, a parameter (query,
// form body, or a field of an object list), a response field by its dotted path. Both the
// additions and the patches address the spec through these, so both read the same conventions.

/** @typedef {import('../types.js').Schema} Schema */

export const PREFIX = '/#Action=';
export const FORM = 'application/x-www-form-urlencoded';

/**
 * @param {Schema} spec
 * @param {string} name
 * @returns {{ item: Schema, op: Schema, method: 'get' | 'post' } | undefined}
 */
export function findAction(spec, name) {
  const item = spec.paths?.[`${PREFIX}${name}`];
  if (!item) return undefined;
  const method = item.post ? 'post' : 'get';
  return { item, op: item[method], method };
}

/** @param {Schema} spec */
export const actionNames = (spec) =>
  Object.keys(spec.paths ?? {})
    .filter((k) => k.startsWith(PREFIX))
    .map((k) => k.slice(PREFIX.length));

/**
 * The form body's schema, when the operation has one.
 * @param {Schema} op
 * @returns {Schema | undefined}
 */
export const formOf = (op) => op.requestBody?.content?.[FORM];

/** What `x-alidomain-retry` may say (spec/README.md, Vendor extensions). */
export const RETRY_CLASSES = ['safe', 'idempotent', 'unsafe'];

/** @typedef {import('../types.js').ParamRef} ParamRef */
/** @typedef {import('../types.js').ParamRefOf} ParamRefOf */

/**
 * The names a parameter key may take: each parameter, and `List.Field` for each field of an object list.
 * @param {Schema} op
 * @returns {string[]}
 */
export function paramNames(op) {
  /** @type {string[]} */
  const names = [];
  const each = (/** @type {string} */ name, /** @type {Schema} */ schema, /** @type {string} */ style) => {
    names.push(name);
    if (style === 'objectList') for (const f of Object.keys(schema.items?.properties ?? {})) names.push(`${name}.${f}`);
  };
  for (const p of op.parameters ?? []) if (!p.$ref && p.name !== 'Action') each(p.name, p.schema, p['x-alidomain-style']);
  for (const [name, s] of Object.entries(formOf(op)?.schema?.properties ?? {})) each(name, s, s['x-alidomain-style']);
  return names;
}

/**
 * @param {Schema} op
 * @param {string} name a parameter name, or `List.Field`
 * @returns {ParamRef | undefined}
 */
export function findParam(op, name) {
  const [base, field, ...rest] = name.split('.');
  if (rest.length) return undefined;
  /** @type {ParamRefOf | undefined} */
  let found;
  const query = (op.parameters ?? []).find((/** @type {Schema} */ p) => !p.$ref && p.name === base && p.name !== 'Action');
  if (query) found = { kind: 'query', name: base, holder: query, schema: query.schema, style: query['x-alidomain-style'] };
  const prop = formOf(op)?.schema?.properties?.[base];
  if (!found && prop) found = { kind: 'body', name: base, holder: prop, schema: prop, style: prop['x-alidomain-style'] };
  if (!found || field === undefined) return found;
  const fieldSchema = found.style === 'objectList' ? found.schema.items?.properties?.[field] : undefined;
  if (!fieldSchema) return undefined;
  return { kind: 'field', name, list: found, holder: fieldSchema, schema: fieldSchema, style: 'objectList' };
}

/**
 * The 200 response schemas the field paths address: JSON's, then XML's (a copy of it).
 * @param {Schema} op
 * @returns {Schema[]}
 */
export function responseSchemas(op) {
  const content = op.responses?.[200]?.content ?? {};
  return ['application/json', 'application/xml'].map((t) => content[t]?.schema).filter(Boolean);
}

/**
 * Every dotted field path of a response schema, as a field key names it (`Data.Domain.DomainName`:
 * a list's wrapper and its array are steps of the path, as in the JSON body).
 * @param {Schema | undefined} schema
 * @param {string} [prefix]
 * @returns {string[]}
 */
export function fieldPaths(schema, prefix = '') {
  const node = schema?.type === 'array' ? schema.items : schema;
  /** @type {string[]} */
  const out = [];
  for (const [name, sub] of Object.entries(node?.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.push(path, ...fieldPaths(/** @type {Schema} */ (sub), path));
  }
  return out;
}

/**
 * The object holding the last step of `path`, and that step's name. Arrays are stepped through to
 * their items.
 * @param {Schema} root
 * @param {string} path
 * @returns {{ parent: Schema, name: string } | { missing: string }}
 */
export function fieldParent(root, path) {
  const steps = path.split('.');
  /** @type {Schema} */
  let node = root;
  for (let i = 0; i < steps.length - 1; i++) {
    const next = node.properties?.[steps[i]];
    if (!next) return { missing: steps.slice(0, i + 1).join('.') };
    node = next.type === 'array' ? next.items : next;
  }
  return { parent: node, name: steps[steps.length - 1] };
}

/**
 * Rewrites `required` of an object schema from a set of names, in property order (as the extractor
 * writes it); drops the key when empty.
 * @param {Schema} object
 * @param {Set<string>} names
 */
export function setRequiredList(object, names) {
  const list = Object.keys(object.properties ?? {}).filter((n) => names.has(n));
  if (list.length) object.required = list;
  else delete object.required;
}

/**
 * Removes one named entry (a property, a parameter's encoding, an enum value's meaning).
 * @param {Record<string, unknown> | undefined} record
 * @param {string} key
 */
export function drop(record, key) {
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removing a named item is what a patch asks for.
  if (record) delete record[key];
}
