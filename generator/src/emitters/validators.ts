// Emits packages/validators/src/generated: for every Action its request and response JSON Schema
// (schemas/<Action>.ts, as the model builds them: model/schemas.ts) and both validators
// precompiled by ajv's standalone code generation (actions/<Action>.ts), plus an index mapping
// Action names to them. The generated validators import only the package's own small modules
// (formats, runtime helper, messages): no schema is compiled at run time and no ajv code reaches
// a user's bundle.
import Ajv2020Module from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv';
import { FORMAT_PATTERNS, NAME_FORMATS, type Action, type JsonSchema, type Model } from '../model.js';
import { header } from '../print.js';

const Ajv2020 = Ajv2020Module.default;
const standaloneCode = standaloneModule.default;

type Files = Record<string, string>;

/** Module specifiers that ajv's output `require()`s, and what the generated module uses instead. */
const RUNTIME: Record<string, { name: string; from: string }> = {
  'require("@alidomain/validators/formats")': { name: 'formats', from: '../../formats.js' },
  'require("ajv/dist/runtime/ucs2length").default': { name: 'ucs2length', from: '../../runtime.js' },
};

/** Throws when a schema is not valid JSON Schema 2020-12 (the check addSchema would make). */
function checkSchemas(model: Model): void {
  const ajv = newAjv(true);
  for (const a of model.actions) {
    for (const [side, schema] of Object.entries(a.schemas)) {
      if (!ajv.validateSchema(lean(schema) as JsonSchema))
        throw new Error(`validators: the ${side} schema of ${a.name} is not valid JSON Schema: ${ajv.errorsText(ajv.errors)}`);
    }
  }
}

export function emitValidators(model: Model): Files {
  checkSchemas(model);
  const files: Files = {};
  const head = header(model);
  for (const a of model.actions) {
    const { request, response } = a.schemas;
    files[`schemas/${a.name}.ts`] = schemasFile(head, a, request, response);
    files[`actions/${a.name}.ts`] = actionFile(head, a, request, response);
  }
  files['index.ts'] = indexFile(model);
  return files;
}

// `$id` names the schema for other tools (the .json files); the standalone code needs none.
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default']);

/**
 * A format's pattern (model/patterns.ts) is for validators that do not know the format; the
 * precompiled ones call the format itself, which checks all the pattern does and more, so
 * compiling the pattern too would only add its code (and its regular expression) to every bundle.
 */
const formatPattern = (s: JsonSchema, k: string, v: unknown) =>
  k === 'pattern' && typeof s.format === 'string' && FORMAT_PATTERNS[s.format] === v;

/** The schema without annotations and format patterns: what ajv compiles (its standalone code may embed the schema). */
function lean(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(lean);
  if (s === null || typeof s !== 'object') return s;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) {
    if (ANNOTATIONS.has(k) || formatPattern(s as JsonSchema, k, v)) continue;
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as JsonSchema).map(([n, ps]) => [n, lean(ps)]))
        : k === 'enum' || k === 'required'
          ? v
          : lean(v);
  }
  return out;
}

/** The schema with every object that lists properties closed (`additionalProperties: false`). */
function closed(s: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...s };
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, JsonSchema>).map(([k, v]) => [k, closed(v)]));
    if (Object.keys(out.properties as JsonSchema).length) out.additionalProperties = false;
  }
  if (out.items) out.items = closed(out.items as JsonSchema);
  return out;
}

/** Property names of every closed object, by ajv schema path, for "did you mean" in messages. */
function closedObjects(s: JsonSchema, path = '#', out: Record<string, string[]> = {}): Record<string, string[]> {
  if (s.additionalProperties === false && s.properties) out[path] = Object.keys(s.properties);
  for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) closedObjects(v, `${path}/properties/${k}`, out);
  if (s.items) closedObjects(s.items as JsonSchema, `${path}/items`, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files

const literal = (v: unknown) => JSON.stringify(v, null, 2);

function schemasFile(head: string, a: Action, request: JsonSchema, response: JsonSchema): string {
  return `${head}
// JSON Schemas (2020-12) of ${a.name}. Custom formats: \`alidomain-domain-name\`, \`alidomain-domain-name-list\`, \`alidomain-host-name\`, \`alidomain-host-label\` and \`int64\` (see \`formats\`),
// each with a \`pattern\` of the part of its rule a regular expression can express. The same schemas as JSON: json/${a.name}.request.json, json/${a.name}.response.json.
import type { JsonSchema } from '../../types.js';

/** What the client takes for ${a.name}: wire base names as keys. */
export const request: JsonSchema = ${literal(request)};

/** The JSON body ${a.name} returns (HTTP 200). */
export const response: JsonSchema = ${literal(response)};
`;
}

// Ajv checks a schema against the 2020-12 meta-schema when it is added, compiling the meta-schema
// first: once per instance, so ~1 s for the 111 instances below. One instance checks every schema
// instead (checkSchemas), and the per-Action instances, whose code must not depend on what else
// was compiled, skip the check.
function newAjv(validateSchema = false) {
  const ajv = new Ajv2020({
    validateSchema,
    code: { source: true, esm: true, lines: true, formats: _`require("@alidomain/validators/formats")` },
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    // The package writes its own messages (messages.ts): ajv's English ones would only add weight.
    messages: false,
  });
  // Compile-time stand-ins: the generated code calls the package's own formats module.
  ajv.addFormat('alidomain-domain-name', { type: 'string', validate: () => true });
  for (const name of NAME_FORMATS) ajv.addFormat(name, { type: 'string', validate: () => true });
  ajv.addFormat('int64', { type: 'string', validate: () => true });
  return ajv;
}

function standalone(request: JsonSchema, response: JsonSchema): { code: string; imports: { name: string; from: string }[] } {
  const ajv = newAjv();
  ajv.addSchema(lean(request) as JsonSchema, 'request');
  // Responses are compiled closed so that `{ unknownFields: 'report' }` can list fields the spec
  // does not have; by default the wrapper drops those errors, which makes the check open.
  ajv.addSchema(closed(lean(response) as JsonSchema), 'response');
  let code = standaloneCode(ajv, { rawRequest: 'request', rawResponse: 'response' });
  code = code.replace(/^"use strict";\n/, '').replace(/^export const (raw\w+) = /gm, 'const $1 = ');
  const imports: { name: string; from: string }[] = [];
  for (const [req, use] of Object.entries(RUNTIME)) {
    if (!code.includes(req)) continue;
    code = code.split(req).join(use.name);
    imports.push(use);
  }
  const left = /require\([^)]*\)/.exec(code);
  if (left)
    throw new Error(`validators: ajv's standalone code requires ${left[0]}, which the generator does not map to a module of the package`);
  return { code: code.trimEnd(), imports };
}

function actionFile(head: string, a: Action, request: JsonSchema, response: JsonSchema): string {
  const { code, imports } = standalone(request, response);
  const known = closedObjects(request);
  const importLines = imports.map((i) => `import { ${i.name} } from '${i.from}';`).join('\n');
  return `${head}
// @ts-nocheck -- ajv's standalone code; the exports below are typed.
// The validators of ${a.name}, precompiled by ajv: nothing is compiled at run time.
import { makeValidator, type Validator } from '../../check.js';
${importLines}

${code}

/** Checks ${a.name} request parameters (the object the client takes); returns one line per problem, none when valid. */
export const validate${a.name}Request: Validator = /* @__PURE__ */ makeValidator(rawRequest, 'request', '${a.name}', ${JSON.stringify(known)});

/** Checks a ${a.name} response body (JSON, HTTP 200); returns one line per problem, none when valid. Fields the spec does not list pass unless \`{ unknownFields: 'report' }\`. */
export const validate${a.name}Response: Validator = /* @__PURE__ */ makeValidator(rawResponse, 'response', '${a.name}', ${JSON.stringify(closedObjects(closed(response)))});
`;
}

function indexFile(model: Model): string {
  const names = model.actions.map((a) => a.name);
  const lines = [
    header(model),
    "// Every Action's validators and schemas, by name. Per-Action modules (`@alidomain/validators/actions/<Action>`)",
    '// keep a bundle to one Action; these maps are for the generic `validateRequest`/`validateResponse`.',
    "import type { Validator } from '../check.js';",
    "import type { JsonSchema } from '../types.js';",
    ...names.map((n) => `import { validate${n}Request, validate${n}Response } from './actions/${n}.js';`),
    ...names.map((n) => `import * as ${n}Schemas from './schemas/${n}.js';`),
    '',
    ...names.map((n) => `export { validate${n}Request, validate${n}Response };`),
    '',
    `/** The names of the ${names.length} Actions. */`,
    `export type ActionName =\n${names.map((n) => `  | '${n}'`).join('\n')};`,
    '',
    `export const actionNames: readonly ActionName[] = [\n${names.map((n) => `  '${n}',`).join('\n')}\n];`,
    '',
    '/** Request validators by Action name. */',
    `export const requestValidators: Readonly<Record<ActionName, Validator>> = {\n${names.map((n) => `  ${n}: validate${n}Request,`).join('\n')}\n};`,
    '',
    '/** Response validators by Action name. */',
    `export const responseValidators: Readonly<Record<ActionName, Validator>> = {\n${names.map((n) => `  ${n}: validate${n}Response,`).join('\n')}\n};`,
    '',
    '/** The JSON Schemas (2020-12) of every Action: `schemas.CheckDomain.request`, `schemas.CheckDomain.response`. */',
    `export const schemas: Readonly<Record<ActionName, { readonly request: JsonSchema; readonly response: JsonSchema }>> = {\n${names.map((n) => `  ${n}: ${n}Schemas,`).join('\n')}\n};`,
  ];
  return lines.join('\n') + '\n';
}
