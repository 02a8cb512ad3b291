// spec/patches/*.yaml: corrections of the spec that need no document, keyed by Action, then
// `params.<Name>` (or `params.<List>.<Field>` for a field of an object list) and
// `fields.<dotted.path>`, or operation-level keys. Applied after the additions. Each patched item
// is marked `x-alidomain-patch: { reason, changed }`; a removed one is listed on its operation in
// `x-alidomain-removed: [{ target, reason }]`. A required parameter is made required everywhere the
// extractor says so (the parameter, the form body's `required`, `minItems: 1` on a list).
import { LayerError, checkKeys, isMap, mapAt } from './load.mjs';
import {
  FORM,
  RETRY_CLASSES,
  findAction,
  actionNames,
  findParam,
  paramNames,
  responseSchemas,
  fieldParent,
  fieldPaths,
  setRequiredList,
  drop,
} from './spec.mjs';

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').LayerFile} LayerFile */
/** @typedef {import('./spec.mjs').ParamRef} ParamRef */
/** @typedef {{ file: string, path: string }} Where */

export const OPERATION_KEYS = [
  'reason',
  'summary',
  'description',
  'deprecated',
  'x-alidomain-retry',
  'x-alidomain-retry-reason',
  'params',
  'fields',
];
const VALUE_KEYS = ['type', 'format', 'enum', 'default', 'minimum', 'maximum', 'minLength', 'maxLength'];
const LIST_KEYS = ['minItems', 'maxItems'];
export const FIELD_KEYS = ['reason', 'remove', 'required', 'description', 'deprecated', ...VALUE_KEYS, ...LIST_KEYS];
export const PARAM_KEYS = [...FIELD_KEYS, 'x-alidomain-style'];
const ENUM_OPS = ['replace', 'add', 'remove'];
const TYPES = ['string', 'integer', 'number', 'boolean'];

/**
 * Applies every patches file to `spec` (in place). An item may be patched by one file only.
 * @param {Schema} spec
 * @param {LayerFile[]} files
 */
export function applyPatches(spec, files) {
  /** @type {Map<string, string>} */
  const patched = new Map();
  /** @param {string} key @param {Where} at */
  const once = (key, at) => {
    const other = patched.get(key);
    if (other) throw new LayerError(at.file, at.path, `already patched in ${other}`, 'one patch per item, in one file');
    patched.set(key, at.file);
  };
  for (const { file, data } of files) {
    for (const [action, raw] of Object.entries(data)) {
      const found = findAction(spec, action);
      if (!found) throw new LayerError(file, action, `no Action ${action} in the spec`, actionNames(spec).join(', '));
      const entry = mapAt(raw, file, action, OPERATION_KEYS.join(', '));
      checkKeys(entry, { file, path: action, allowed: OPERATION_KEYS });
      const { op } = found;
      const opKeys = Object.keys(entry).filter((k) => !['reason', 'params', 'fields'].includes(k));
      if (opKeys.length || entry.reason !== undefined) {
        once(action, { file, path: action });
        patchOperation(op, entry, opKeys, { file, path: action });
      }
      for (const [name, p] of Object.entries(mapAt(entry.params ?? {}, file, `${action}.params`, 'a map of parameter names'))) {
        const at = { file, path: `${action}.params.${name}` };
        const ref = findParam(op, name);
        if (!ref) throw new LayerError(file, at.path, `${action} has no parameter ${name}`, paramNames(op).join(', ') || '(none)');
        once(`${action}.params.${name}`, at);
        patchParam(op, ref, mapAt(p, file, at.path, PARAM_KEYS.join(', ')), at);
      }
      for (const [path, f] of Object.entries(mapAt(entry.fields ?? {}, file, `${action}.fields`, 'a map of dotted field paths'))) {
        const at = { file, path: `${action}.fields.${path}` };
        once(`${action}.fields.${path}`, at);
        patchField(op, path, mapAt(f, file, at.path, FIELD_KEYS.join(', ')), at);
      }
    }
  }
}

/**
 * @param {Schema} op
 * @param {Record<string, any>} entry
 * @param {string[]} keys the operation-level keys present
 * @param {Where} at
 */
function patchOperation(op, entry, keys, at) {
  need(
    entry,
    keys,
    at,
    OPERATION_KEYS.filter((k) => !['reason', 'params', 'fields'].includes(k)),
  );
  for (const key of keys) {
    const value = entry[key];
    const path = `${at.path}.${key}`;
    if (key === 'deprecated') {
      if (typeof value !== 'boolean') throw new LayerError(at.file, path, 'not true or false', 'true, false');
      if (value) op.deprecated = true;
      else delete op.deprecated;
    } else if (key === 'x-alidomain-retry') {
      if (!RETRY_CLASSES.includes(value))
        throw new LayerError(at.file, path, `${JSON.stringify(value)} is not supported`, RETRY_CLASSES.join(', '));
      op[key] = value;
    } else {
      if (typeof value !== 'string') throw new LayerError(at.file, path, 'not a string', 'a string');
      op[key] = value;
    }
  }
  op['x-alidomain-patch'] = { reason: entry.reason, changed: keys };
}

/**
 * A reason, and something to change.
 * @param {Record<string, any>} entry
 * @param {string[]} keys
 * @param {Where} at
 * @param {string[]} allowed
 */
function need(entry, keys, at, allowed) {
  if (typeof entry.reason !== 'string' || !entry.reason)
    throw new LayerError(at.file, `${at.path}.reason`, 'reason is missing', 'a sentence saying why (every patch needs one)');
  if (!keys.length) throw new LayerError(at.file, at.path, 'a reason with nothing to change', allowed.join(', '));
}

/**
 * @param {Schema} op
 * @param {ParamRef} ref
 * @param {Record<string, any>} entry
 * @param {Where} at
 */
function patchParam(op, ref, entry, at) {
  checkKeys(entry, { file: at.file, path: at.path, allowed: PARAM_KEYS });
  const keys = Object.keys(entry).filter((k) => k !== 'reason');
  need(entry, keys, at, PARAM_KEYS.slice(1));
  for (const key of keys) checkValue(key, entry[key], at);
  if (entry.remove) {
    alone(keys, at);
    removeParam(op, ref, at);
    (op['x-alidomain-removed'] ??= []).push({ target: `params.${ref.name}`, reason: entry.reason });
    return;
  }
  const { value, list } = partsOfParam(ref);
  for (const key of keys) {
    const v = entry[key];
    if (key === 'required') setParamRequired(op, ref, v);
    else if (key === 'description') ref.holder.description = v;
    else if (key === 'deprecated') flag(ref.holder, v);
    else if (key === 'x-alidomain-style') {
      if (ref.kind === 'field' || !['scalar', 'json'].includes(ref.style))
        throw new LayerError(
          at.file,
          `${at.path}.${key}`,
          `a ${ref.style} parameter's style follows from its shape`,
          'x-alidomain-style on scalar and json parameters only',
        );
      ref.holder['x-alidomain-style'] = v;
      if (v === 'json') ref.holder['x-alidomain-json'] = true;
      else delete ref.holder['x-alidomain-json'];
    } else if (LIST_KEYS.includes(key)) {
      if (!list)
        throw new LayerError(
          at.file,
          `${at.path}.${key}`,
          `${ref.name} is not a list`,
          FIELD_KEYS.filter((k) => !LIST_KEYS.includes(k)).join(', '),
        );
      list[key] = v;
    } else patchValue(value, key, v, at, ref.kind === 'query' && !list ? ref.holder : undefined);
  }
  checkDefault(value, at);
  mark(ref.holder, entry.reason, keys);
}

/**
 * The scalar schema a parameter's value properties change, and its list schema when it is one.
 * @param {ParamRef} ref
 * @returns {{ value: Schema | undefined, list: Schema | undefined }}
 */
function partsOfParam(ref) {
  if (ref.kind === 'field') return { value: ref.schema, list: undefined };
  if (ref.style === 'repeatList') return { value: ref.schema.items, list: ref.schema };
  if (ref.style === 'objectList') return { value: undefined, list: ref.schema };
  return { value: ref.schema, list: undefined };
}

/**
 * Makes a parameter required or optional everywhere the extractor records it.
 * @param {Schema} op
 * @param {ParamRef} ref
 * @param {boolean} required
 */
function setParamRequired(op, ref, required) {
  if (ref.kind === 'field') {
    // A field of an object list: the items' `required`; the list is required when a field is.
    const items = ref.list.schema.items;
    const names = new Set(items.required ?? []);
    const field = ref.name.split('.')[1];
    if (required) names.add(field);
    else names.delete(field);
    setRequiredList(items, names);
    setParamRequired(op, ref.list, names.size > 0);
    return;
  }
  if (ref.kind === 'query') ref.holder.required = required;
  else {
    const form = op.requestBody.content[FORM];
    const names = new Set(form.schema.required ?? []);
    if (required) names.add(ref.name);
    else names.delete(ref.name);
    setRequiredList(form.schema, names);
    op.requestBody.required = Boolean(form.schema.required?.length);
  }
  // A required list needs an item: an empty list would send nothing at all.
  if (ref.schema.type === 'array') {
    if (required) ref.schema.minItems = 1;
    else delete ref.schema.minItems;
  }
}

/**
 * @param {Schema} op
 * @param {ParamRef} ref
 * @param {Where} at
 */
function removeParam(op, ref, at) {
  if (ref.kind === 'field') {
    const items = ref.list.schema.items;
    const field = ref.name.split('.')[1];
    if (Object.keys(items.properties).length === 1)
      throw new LayerError(
        at.file,
        `${at.path}.remove`,
        `${field} is the last field of ${ref.list.name}`,
        `remove the parameter ${ref.list.name} instead`,
      );
    drop(items.properties, field);
    const names = new Set((items.required ?? []).filter((/** @type {string} */ n) => n !== field));
    setRequiredList(items, names);
    setParamRequired(op, ref.list, names.size > 0);
    // The extractor's description of an object list names its fields.
    if (String(ref.list.holder.description).startsWith('列表，每项包含：'))
      ref.list.holder.description = `列表，每项包含：${Object.keys(items.properties).join('、')}。`;
  } else if (ref.kind === 'query') op.parameters.splice(op.parameters.indexOf(ref.holder), 1);
  else {
    const form = op.requestBody.content[FORM];
    drop(form.schema.properties, ref.name);
    drop(form.encoding, ref.name);
    setRequiredList(form.schema, new Set(form.schema.required ?? []));
    if (!Object.keys(form.schema.properties).length) delete op.requestBody;
    else op.requestBody.required = Boolean(form.schema.required?.length);
  }
}

/**
 * @param {Schema} op
 * @param {string} path
 * @param {Record<string, any>} entry
 * @param {Where} at
 */
function patchField(op, path, entry, at) {
  checkKeys(entry, { file: at.file, path: at.path, allowed: FIELD_KEYS });
  const keys = Object.keys(entry).filter((k) => k !== 'reason');
  need(entry, keys, at, FIELD_KEYS.slice(1));
  for (const key of keys) checkValue(key, entry[key], at);
  if (entry.remove) alone(keys, at);
  // The XML schema is a copy of the JSON one: both change alike.
  for (const root of responseSchemas(op)) {
    const found = fieldParent(root, path);
    const field = 'missing' in found ? undefined : found.parent.properties?.[found.name];
    if ('missing' in found || !field)
      throw new LayerError(at.file, at.path, `${op.operationId}'s response has no field ${path}`, fieldPaths(root).join(', '));
    const { parent, name } = found;
    if (entry.remove) {
      drop(parent.properties, name);
      setRequiredList(parent, new Set((parent.required ?? []).filter((/** @type {string} */ n) => n !== name)));
      continue;
    }
    const { value, list } = partsOfField(field);
    for (const key of keys) {
      const v = entry[key];
      if (key === 'required') {
        const names = new Set(parent.required ?? []);
        if (v) names.add(name);
        else names.delete(name);
        setRequiredList(parent, names);
      } else if (key === 'description') field.description = v;
      else if (key === 'deprecated') flag(field, v);
      else if (LIST_KEYS.includes(key)) {
        if (!list)
          throw new LayerError(
            at.file,
            `${at.path}.${key}`,
            `${path} is not a list`,
            FIELD_KEYS.filter((k) => !LIST_KEYS.includes(k)).join(', '),
          );
        list[key] = v;
      } else patchValue(value, key, v, at);
    }
    checkDefault(value, at);
    mark(field, entry.reason, keys);
  }
  if (entry.remove) (op['x-alidomain-removed'] ??= []).push({ target: `fields.${path}`, reason: entry.reason });
}

/**
 * A response field's scalar schema (its items', for a list of scalars) and its array schema.
 * @param {Schema} field
 * @returns {{ value: Schema | undefined, list: Schema | undefined }}
 */
function partsOfField(field) {
  const wrapper = field['x-alidomain-list']?.item;
  const list = wrapper ? field.properties?.[wrapper] : field.type === 'array' ? field : undefined;
  if (list) return { value: list.items?.type === 'object' ? undefined : list.items, list };
  return { value: field.type === 'object' ? undefined : field, list: undefined };
}

/**
 * Changes one value property (type, format, enum, default, limits) of a scalar schema.
 * @param {Schema | undefined} schema
 * @param {string} key
 * @param {any} v
 * @param {Where} at
 * @param {Schema} [holder] a query parameter, whose `example` repeats the schema's
 */
function patchValue(schema, key, v, at, holder) {
  const path = `${at.path}.${key}`;
  if (!schema)
    throw new LayerError(
      at.file,
      path,
      'the item holds objects, not a value',
      'required, description, deprecated, minItems, maxItems, remove',
    );
  if (schema.$ref && ['type', 'format', 'enum'].includes(key))
    throw new LayerError(at.file, path, `the schema is ${schema.$ref}`, 'required, description, deprecated, default, limits, remove');
  if (key === 'type') {
    schema.type = v;
    // The old format belonged to the old type; an example of the old type is no example.
    delete schema.format;
    for (const o of [schema, holder]) if (o?.example !== undefined && !fits(o.example, v)) delete o.example;
  } else if (key === 'enum') {
    const values = v.replace ?? [...(schema.enum ?? []), ...(v.add ?? [])];
    for (const x of v.add ?? [])
      if ((schema.enum ?? []).includes(x))
        throw new LayerError(at.file, `${path}.add`, `${JSON.stringify(x)} is already allowed`, 'values the enum lacks');
    for (const x of v.remove ?? [])
      if (!(schema.enum ?? []).includes(x))
        throw new LayerError(
          at.file,
          `${path}.remove`,
          `${JSON.stringify(x)} is not in the enum`,
          (schema.enum ?? []).join(', ') || '(no enum)',
        );
    const next = values.filter((/** @type {unknown} */ x) => !(v.remove ?? []).includes(x));
    for (const x of next)
      if (!fits(x, schema.type))
        throw new LayerError(at.file, path, `${JSON.stringify(x)} is not a ${schema.type}`, `${schema.type} values`);
    if (next.length) schema.enum = next;
    else delete schema.enum;
    const meanings = schema['x-enumDescriptions'];
    if (meanings) {
      for (const k of Object.keys(meanings)) if (!next.map(String).includes(k)) drop(meanings, k);
      if (!Object.keys(meanings).length) delete schema['x-enumDescriptions'];
    }
  } else {
    if (key === 'default' && schema.type && !fits(v, schema.type))
      throw new LayerError(at.file, path, `${JSON.stringify(v)} is not a ${schema.type}`, `a ${schema.type}`);
    schema[key] = v;
  }
}

/**
 * @param {Schema | undefined} schema
 * @param {Where} at
 */
function checkDefault(schema, at) {
  if (schema?.enum && schema.default !== undefined && !schema.enum.includes(schema.default))
    throw new LayerError(
      at.file,
      `${at.path}.default`,
      `the default ${JSON.stringify(schema.default)} is not allowed by the enum`,
      schema.enum.join(', '),
    );
}

/**
 * @param {unknown} value
 * @param {string | undefined} type
 */
function fits(value, type) {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'string') return typeof value === 'string';
  return true;
}

/**
 * The value of a patch property has the right shape.
 * @param {string} key
 * @param {any} v
 * @param {Where} at
 */
function checkValue(key, v, at) {
  const path = `${at.path}.${key}`;
  /** @param {string} allowed */
  const bad = (allowed) => new LayerError(at.file, path, `${JSON.stringify(v)} is not supported`, allowed);
  if (['required', 'deprecated'].includes(key) && typeof v !== 'boolean') throw bad('true, false');
  if (key === 'remove' && v !== true) throw bad('true');
  if (key === 'type' && !TYPES.includes(v)) throw bad(TYPES.join(', '));
  if (['format', 'description'].includes(key) && typeof v !== 'string') throw bad('a string');
  if (key === 'default' && !['string', 'number', 'boolean'].includes(typeof v)) throw bad('a string, number or boolean');
  if (['minimum', 'maximum'].includes(key) && typeof v !== 'number') throw bad('a number');
  if (['minLength', 'maxLength', 'minItems', 'maxItems'].includes(key) && !(Number.isInteger(v) && v >= 0)) throw bad('an integer ≥ 0');
  if (key === 'x-alidomain-style' && !['scalar', 'json'].includes(v)) throw bad('scalar, json');
  if (key === 'enum') {
    if (!isMap(v)) throw bad('{ replace: [...] }, { add: [...] }, { remove: [...] }');
    for (const [op, values] of Object.entries(v)) {
      if (!ENUM_OPS.includes(op)) throw new LayerError(at.file, `${path}.${op}`, `unknown key ${op}`, ENUM_OPS.join(', '));
      if (!Array.isArray(values) || !values.length)
        throw new LayerError(at.file, `${path}.${op}`, 'not a list of values', 'a non-empty list');
    }
    if (v.replace && (v.add || v.remove))
      throw new LayerError(at.file, `${path}.replace`, 'replace with add or remove', 'replace alone, or add and/or remove');
  }
}

/**
 * `remove: true` says everything.
 * @param {string[]} keys
 * @param {Where} at
 */
function alone(keys, at) {
  const other = keys.find((k) => k !== 'remove');
  if (other) throw new LayerError(at.file, `${at.path}.${other}`, 'a removed item takes no other change', 'remove and reason alone');
}

/**
 * @param {Schema} o
 * @param {boolean} v
 */
function flag(o, v) {
  if (v) o.deprecated = true;
  else delete o.deprecated;
}

/**
 * @param {Schema} item
 * @param {string} reason
 * @param {string[]} changed
 */
function mark(item, reason, changed) {
  item['x-alidomain-patch'] = { reason, changed };
}
