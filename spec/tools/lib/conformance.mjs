// Checks a document example against the schema the table gives, so that an example that
// contradicts its table is recorded as an erratum rather than published as a valid example.
import ajv2020 from 'ajv/dist/2020.js';

/** @typedef {import('./types.js').Schema} Schema */

// ajv is CommonJS: its class is both module.exports and module.exports.default.
const ajv = new ajv2020.default({ strict: false, allErrors: true, validateFormats: false });

/**
 * Problems of `value` against `schema` (component $refs resolved from `components`), as text.
 * @param {Schema} schema
 * @param {unknown} value
 * @param {Schema} components
 * @returns {string[]}
 */
export function exampleProblems(schema, value, components) {
  const validate = ajv.compile(inlineRefs(schema, components));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}

/**
 * The schema with every `#/components/schemas/` reference replaced by its target.
 * @param {any} schema a schema, or any value inside one
 * @param {Schema} components
 * @returns {any}
 */
function inlineRefs(schema, components) {
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, components));
  if (!schema || typeof schema !== 'object') return schema;
  // Like the linters: an example may not carry properties its table does not list.
  /** @type {Schema} */
  const out = schema.properties ? { unevaluatedProperties: false } : {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
      Object.assign(out, inlineRefs(components.schemas[v.slice('#/components/schemas/'.length)], components));
    } else out[k] = inlineRefs(v, components);
  }
  return out;
}
