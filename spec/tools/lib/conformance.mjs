// Checks a document example against the schema the table gives, so that an example that
// contradicts its table is recorded as an erratum rather than published as a valid example.
import Ajv2020 from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/** Problems of `value` against `schema` (component $refs resolved from `components`), as text. */
export function exampleProblems(schema, value, components) {
  const validate = ajv.compile(inlineRefs(schema, components));
  if (validate(value)) return [];
  return validate.errors.map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}

function inlineRefs(schema, components) {
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, components));
  if (!schema || typeof schema !== 'object') return schema;
  // Like the linters: an example may not carry properties its table does not list.
  const out = schema.properties ? { unevaluatedProperties: false } : {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
      Object.assign(out, inlineRefs(components.schemas[v.slice('#/components/schemas/'.length)], components));
    } else out[k] = inlineRefs(v, components);
  }
  return out;
}
