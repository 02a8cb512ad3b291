// spec/additions/*.yaml: what the document does not have (an Action, a parameter, a response
// field), merged into the stage-1 spec. A contributor writes the facts; the conventions every
// operation of the extractor has (path key, `Action` parameter, common parameters, error
// responses, wire facts, form body) are filled here, as build/operations.mjs fills them.
// Each added item carries `x-alidomain-addition: { reason, reference }`.
import { LayerError, checkKeys, isMap, mapAt } from './load.mjs';
import {
  PREFIX,
  FORM,
  RETRY_CLASSES,
  findAction,
  formOf,
  actionNames,
  findParam,
  responseSchemas,
  fieldParent,
  fieldPaths,
  setRequiredList,
} from './spec.mjs';

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').LayerFile} LayerFile */

export const ADDITION_KINDS = ['actions', 'params', 'fields'];
const ACTION_KEYS = [
  'reason',
  'reference',
  'method',
  'summary',
  'description',
  'tag',
  'deprecated',
  'x-alidomain-retry',
  'x-alidomain-retry-reason',
  'methodEvidence',
  'parameters',
  'response',
];
const ACTION_REQUIRED = ['reason', 'reference', 'method', 'summary', 'description', 'tag', 'x-alidomain-retry', 'response'];
const PARAM_KEYS = ['in', 'required', 'description', 'deprecated', 'schema', 'example', 'x-alidomain-style'];
const PARAM_REQUIRED = ['in', 'required', 'schema', 'x-alidomain-style'];
/** The schema keywords an added schema may use (what the extractor writes and the generator reads). */
export const SCHEMA_KEYS = [
  'type',
  'format',
  'title',
  'description',
  'enum',
  'x-enumDescriptions',
  'default',
  'example',
  'deprecated',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'x-alidomain-list',
  '$ref',
];
const TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'];
const STYLES = ['scalar', 'json', 'repeatList', 'objectList'];

/**
 * Merges every additions file into `spec` (in place): Actions first, then parameters, then fields.
 * @param {Schema} spec
 * @param {LayerFile[]} files
 */
export function applyAdditions(spec, files) {
  for (const { file, data } of files) {
    checkKeys(data, { file, path: '', allowed: ADDITION_KINDS });
  }
  for (const { file, data } of files)
    for (const [name, entry] of Object.entries(mapAt(data.actions ?? {}, file, 'actions', 'a map of Action names')))
      addAction(spec, file, name, entry);
  for (const { file, data } of files)
    for (const [action, params] of Object.entries(mapAt(data.params ?? {}, file, 'params', 'a map of Action names'))) {
      const { op, method } = existing(spec, file, `params.${action}`, action);
      for (const [name, entry] of Object.entries(mapAt(params, file, `params.${action}`, 'a map of parameter names')))
        addParam(spec, op, method, file, `params.${action}.${name}`, name, entry);
    }
  for (const { file, data } of files)
    for (const [action, fields] of Object.entries(mapAt(data.fields ?? {}, file, 'fields', 'a map of Action names'))) {
      const { op } = existing(spec, file, `fields.${action}`, action);
      for (const [path, entry] of Object.entries(mapAt(fields, file, `fields.${action}`, 'a map of dotted field paths')))
        addField(op, file, `fields.${action}.${path}`, path, entry);
    }
}

/**
 * @param {Schema} spec
 * @param {string} file
 * @param {string} path
 * @param {string} action
 */
function existing(spec, file, path, action) {
  const found = findAction(spec, action);
  if (!found) throw new LayerError(file, path, `no Action ${action} in the spec`, actionNames(spec).join(', '));
  return found;
}

/**
 * @param {Record<string, any>} entry
 * @returns {{ reason: string, reference: string }}
 */
const provenance = (entry) => ({ reason: entry.reason, reference: entry.reference });

/**
 * @param {Schema} spec
 * @param {string} file
 * @param {string} name
 * @param {unknown} raw
 */
function addAction(spec, file, name, raw) {
  const path = `actions.${name}`;
  const entry = mapAt(raw, file, path, ACTION_KEYS.join(', '));
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new LayerError(file, path, `${name} is not an Action name`, 'UpperCamelCase letters and digits');
  if (findAction(spec, name)) throw new LayerError(file, path, `the spec already has ${name}`, 'Actions the spec lacks');
  checkKeys(entry, { file, path, allowed: ACTION_KEYS, required: ACTION_REQUIRED });
  oneOf(entry.method, ['get', 'post'], file, `${path}.method`);
  oneOf(entry['x-alidomain-retry'], RETRY_CLASSES, file, `${path}.x-alidomain-retry`);
  for (const key of ['summary', 'description', 'reason', 'reference', 'methodEvidence', 'x-alidomain-retry-reason'])
    if (entry[key] !== undefined && typeof entry[key] !== 'string')
      throw new LayerError(file, `${path}.${key}`, 'not a string', 'a string');
  if (entry.deprecated !== undefined && typeof entry.deprecated !== 'boolean')
    throw new LayerError(file, `${path}.deprecated`, 'not true or false', 'true, false');
  const tags = /** @type {Schema[]} */ (spec.tags ?? []);
  const tag = tags.find((t) => t.name === String(entry.tag));
  if (!tag) throw new LayerError(file, `${path}.tag`, `no tag ${entry.tag}`, tags.map((t) => t.name).join(', '));
  const method = /** @type {'get' | 'post'} */ (entry.method);
  /** @type {Schema} */
  const op = {
    operationId: name,
    summary: entry.summary,
    description: entry.description,
    tags: [tag.name],
    parameters: [
      {
        name: 'Action',
        in: 'query',
        required: true,
        description: `系统规定参数，取值：${name}。`,
        schema: { type: 'string', const: name },
        example: name,
      },
    ],
    ...(entry.deprecated ? { deprecated: true } : {}),
  };
  for (const [pname, p] of Object.entries(mapAt(entry.parameters ?? {}, file, `${path}.parameters`, 'a map of parameter names'))) {
    placeParam(spec, op, method, file, `${path}.parameters.${pname}`, pname, p);
  }
  if (method === 'post' && !formOf(op) && !entry.methodEvidence)
    throw new LayerError(
      file,
      `${path}.method`,
      'a POST Action needs methodEvidence or a body parameter',
      'get, or post with methodEvidence or an in: body parameter',
    );
  const response = checkSchema(mapAt(entry.response, file, `${path}.response`, 'an object schema'), file, `${path}.response`);
  if (response.type !== 'object') throw new LayerError(file, `${path}.response`, `type ${response.type}`, 'an object schema');
  const schema = { title: `${name}Response`, ...response };
  op.responses = {
    200: {
      description: 'Success. The body is JSON or XML as `Format` asks.',
      content: {
        'application/json': { schema },
        'application/xml': { schema: { ...structuredClone(schema), xml: { name: `${name}Response` } } },
      },
    },
    ...errorResponses(spec),
  };
  op['x-alidomain-wire'] = {
    methods: method === 'post' ? ['POST'] : ['GET', 'POST'],
    ...(entry.methodEvidence ? { methodEvidence: entry.methodEvidence } : {}),
    // Not a section of the document: docs print this where they print the section number.
    section: 'addition',
  };
  op['x-alidomain-retry'] = entry['x-alidomain-retry'];
  if (entry['x-alidomain-retry-reason']) op['x-alidomain-retry-reason'] = entry['x-alidomain-retry-reason'];
  op['x-alidomain-addition'] = provenance(entry);
  spec.paths[`${PREFIX}${name}`] = {
    [method]: op,
    // Every Action takes the common parameters.
    parameters: Object.keys(spec.components?.parameters ?? {}).map((p) => ({ $ref: `#/components/parameters/${p}` })),
  };
}

/**
 * The error responses every Action of the spec shares: those of its first operation.
 * @param {Schema} spec
 * @returns {Schema}
 */
function errorResponses(spec) {
  const [first] = actionNames(spec);
  const responses = first ? findAction(spec, first)?.op.responses : undefined;
  return structuredClone(Object.fromEntries(Object.entries(responses ?? {}).filter(([status]) => status !== '200')));
}

/**
 * A parameter added to an Action of the document: it must be new, and carries its provenance.
 * @param {Schema} spec
 * @param {Schema} op
 * @param {'get' | 'post'} method
 * @param {string} file
 * @param {string} path
 * @param {string} name
 * @param {unknown} raw
 */
function addParam(spec, op, method, file, path, name, raw) {
  const entry = mapAt(raw, file, path, ['reason', 'reference', ...PARAM_KEYS].join(', '));
  checkKeys(entry, { file, path, allowed: ['reason', 'reference', ...PARAM_KEYS], required: ['reason', 'reference', ...PARAM_REQUIRED] });
  if (findParam(op, name))
    throw new LayerError(file, path, `${op.operationId} already has the parameter ${name}`, 'parameters the Action lacks');
  const { reason, reference, ...param } = entry;
  placeParam(spec, op, method, file, path, name, param, { reason, reference });
}

/**
 * Builds a parameter as build/parameters.mjs does and puts it in the query or the form body.
 * @param {Schema} spec
 * @param {Schema} op
 * @param {'get' | 'post'} method
 * @param {string} file
 * @param {string} path
 * @param {string} name
 * @param {unknown} raw
 * @param {{ reason: string, reference: string }} [addition] the provenance mark, for a parameter of a document Action
 */
function placeParam(spec, op, method, file, path, name, raw, addition) {
  const entry = mapAt(raw, file, path, PARAM_KEYS.join(', '));
  checkKeys(entry, { file, path, allowed: PARAM_KEYS, required: PARAM_REQUIRED });
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name))
    throw new LayerError(file, path, `${name} is not a parameter name`, 'letters and digits (a list is named without .N)');
  const common = Object.keys(spec.components?.parameters ?? {});
  if (name === 'Action' || common.includes(name))
    throw new LayerError(file, path, `${name} is a common parameter`, 'names other than Action and ' + common.join(', '));
  oneOf(entry.in, ['query', 'body'], file, `${path}.in`);
  if (typeof entry.required !== 'boolean') throw new LayerError(file, `${path}.required`, 'not true or false', 'true, false');
  const style = oneOf(entry['x-alidomain-style'], STYLES, file, `${path}.x-alidomain-style`);
  if (entry.in === 'body' && method !== 'post')
    throw new LayerError(file, `${path}.in`, `${op.operationId} is a GET Action: body parameters need POST`, 'query');
  const schema = checkSchema(mapAt(entry.schema, file, `${path}.schema`, 'a schema'), file, `${path}.schema`);
  checkStyle(schema, style, file, path);
  const list = style === 'repeatList' || style === 'objectList';
  if (style === 'objectList') schema.items.additionalProperties ??= false;
  // A required list needs an item: an empty list would send nothing at all.
  if (list && entry.required) schema.minItems ??= 1;
  const example = entry.example ?? schema.example;
  /** @type {Schema} */
  const parameter = {
    name,
    in: entry.in,
    required: entry.required,
    description: entry.description ?? '',
    schema,
    ...(example !== undefined ? { example } : {}),
    ...(entry.deprecated ? { deprecated: true } : {}),
    ...(list ? { style: 'form', explode: true } : {}),
    'x-alidomain-style': style,
    ...(style === 'repeatList' ? { 'x-alidomain-wire-name': `${name}.N` } : {}),
    ...(style === 'objectList' ? { 'x-alidomain-wire-name': `${name}.N.<Field>` } : {}),
    ...(style === 'json' ? { 'x-alidomain-json': true } : {}),
    ...(addition ? { 'x-alidomain-addition': addition } : {}),
  };
  if (entry.in === 'query') {
    op.parameters.push(parameter);
    return;
  }
  // The form body is encoded like the query; its properties carry the parameter's facts.
  if (!op.requestBody)
    op.requestBody = { required: false, content: { [FORM]: { schema: { type: 'object', properties: {} }, encoding: {} } } };
  const form = op.requestBody.content[FORM];
  form.schema.properties[name] = {
    ...schema,
    description: parameter.description,
    ...(entry.deprecated ? { deprecated: true } : {}),
    'x-alidomain-style': style,
    ...(style === 'json' ? { 'x-alidomain-json': true } : {}),
    ...(addition ? { 'x-alidomain-addition': addition } : {}),
  };
  if (list) form.encoding[name] = { style: 'form', explode: true };
  const required = new Set(form.schema.required ?? []);
  if (entry.required) required.add(name);
  setRequiredList(form.schema, required);
  op.requestBody.required = Boolean(form.schema.required?.length);
}

/**
 * A response field added at its dotted path, in the JSON and the XML schema alike.
 * @param {Schema} op
 * @param {string} file
 * @param {string} path
 * @param {string} field
 * @param {unknown} raw
 */
function addField(op, file, path, field, raw) {
  const entry = mapAt(raw, file, path, ['reason', 'reference', ...SCHEMA_KEYS].join(', '));
  checkKeys(entry, { file, path, allowed: ['reason', 'reference', ...SCHEMA_KEYS], required: ['reason', 'reference'] });
  const { reason, reference, ...rest } = entry;
  const schema = checkSchema(rest, file, path);
  for (const root of responseSchemas(op)) {
    const at = fieldParent(root, field);
    if ('missing' in at)
      throw new LayerError(
        file,
        path,
        `${op.operationId}'s response has no field ${at.missing}`,
        fieldPaths(root).join(', ') || 'fields at the top level',
      );
    const { parent, name } = at;
    if (parent['x-alidomain-list'])
      throw new LayerError(
        file,
        path,
        `the parent is the wire wrapper of a list: name its item (${parent['x-alidomain-list'].item})`,
        fieldPaths(root).join(', '),
      );
    if (parent.type !== 'object' || !isMap(parent.properties ?? {}))
      throw new LayerError(file, path, 'the parent is not an object', fieldPaths(root).join(', '));
    if (parent.properties?.[name])
      throw new LayerError(file, path, `${op.operationId}'s response already has ${field}`, 'fields the response lacks');
    (parent.properties ??= {})[name] = { ...structuredClone(schema), 'x-alidomain-addition': { reason, reference } };
  }
}

/**
 * @param {unknown} value
 * @param {readonly string[]} allowed
 * @param {string} file
 * @param {string} path
 * @returns {string}
 */
function oneOf(value, allowed, file, path) {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw new LayerError(file, path, `${JSON.stringify(value)} is not supported`, allowed.join(', '));
  return value;
}

/**
 * A schema as written in an addition: known keywords only, a known type (an object when it lists
 * properties), checked all the way down. Returns a copy.
 * @param {Record<string, any>} schema
 * @param {string} file
 * @param {string} path
 * @returns {Schema}
 */
export function checkSchema(schema, file, path) {
  checkKeys(schema, { file, path, allowed: SCHEMA_KEYS });
  const out = structuredClone(schema);
  if (out.type === undefined && out.properties) out.type = 'object';
  if (out.type === undefined && !out.$ref) throw new LayerError(file, `${path}.type`, 'type is missing', TYPES.join(', ') + ' (or a $ref)');
  if (out.type !== undefined) oneOf(out.type, TYPES, file, `${path}.type`);
  if (out.enum !== undefined && (!Array.isArray(out.enum) || !out.enum.length))
    throw new LayerError(file, `${path}.enum`, 'not a list of values', 'a non-empty list');
  if (out.type === 'array') out.items = checkSchema(mapAt(out.items, file, `${path}.items`, 'a schema'), file, `${path}.items`);
  if (out.properties !== undefined)
    for (const [k, v] of Object.entries(mapAt(out.properties, file, `${path}.properties`, 'a map of field schemas')))
      out.properties[k] = checkSchema(mapAt(v, file, `${path}.properties.${k}`, 'a schema'), file, `${path}.properties.${k}`);
  return out;
}

/**
 * The wire style must fit the schema, as the extractor's styles fit the table's rows.
 * @param {Schema} schema
 * @param {string} style
 * @param {string} file
 * @param {string} path
 */
function checkStyle(schema, style, file, path) {
  const at = `${path}.x-alidomain-style`;
  if (style === 'repeatList' && (schema.type !== 'array' || schema.items.type === 'object' || schema.items.type === 'array'))
    throw new LayerError(
      file,
      at,
      'repeatList needs an array of scalars',
      'scalar, json, repeatList (array of scalars), objectList (array of objects)',
    );
  if (style === 'objectList' && (schema.type !== 'array' || schema.items.type !== 'object' || !schema.items.properties))
    throw new LayerError(
      file,
      at,
      'objectList needs an array of objects with properties',
      'scalar, json, repeatList (array of scalars), objectList (array of objects)',
    );
  if (style === 'scalar' && (schema.type === 'array' || schema.type === 'object'))
    throw new LayerError(
      file,
      at,
      `scalar needs a scalar schema, not ${schema.type}`,
      'scalar, json, repeatList (array of scalars), objectList (array of objects)',
    );
}
