// The intermediate model: what every emitter sees. Only this module and model/*.ts know OpenAPI
// syntax and our vendor extensions; emitters work from Actions, parameters, type nodes and the
// JSON Schemas built here. Each fact is decided once, here, from an explicit spec field where
// the spec has one:
//   wire style       x-alidomain-style            (param(), below)
//   list wrappers    x-alidomain-list             (typeOf(), below: `wrapper`)
//   retry class      x-alidomain-retry            (action(), below)
//   rate limits      x-alidomain-qps              (action(), below)
//   error catalogue  x-alidomain-error-codes      (buildModel(), below: `errors`)
//   paging           model/paging.ts
//   task submission  action(), below: an unsafe Action whose answer carries a TaskNo
//   JSON Schemas     model/schemas.ts
//   Action layout    model/operations.ts          (`/#Action=<Name>` keys, get or post)
import type { Document, Erratum, ErrorCode as SpecErrorCode, Operation, Parameter, Schema } from './openapi.js';
import { okResponse, operations, ownParameters, type SpecParameter } from './model/operations.js';
import { paging } from './model/paging.js';
import { requestSchema, responseSchema, schemaId, type JsonSchema } from './model/schemas.js';
import type { ParamStyle, RetryClass, ScalarType } from './model/vocabulary.js';

export type { JsonSchema } from './model/schemas.js';
export { NAME_FORMATS } from './model/schemas.js';
export { FORMAT_PATTERNS } from './model/patterns.js';
export type { ActionMeta, ParamMeta, ParamStyle, RetryClass, ScalarType, Shape } from './model/vocabulary.js';

// Optional fields say `| undefined`: the model copies the spec's optional fields as they are.
/**
 * What the documentation of an item says. `description` and each value's `meaning` are English
 * where spec/overrides/english/ has them; `descriptionZh` and `meaningZh` are the document's
 * Chinese originals beside them (absent where the spec's text is the original).
 */
export interface Docs {
  description?: string | undefined;
  descriptionZh?: string | undefined;
  values?: { value: string | number; meaning?: string | undefined; meaningZh?: string | undefined }[] | undefined;
  default?: unknown;
  example?: unknown;
  minimum?: number | undefined;
  maximum?: number | undefined;
  errata?: Erratum[] | undefined;
}

export type TypeNode =
  | { kind: 'scalar'; type: ScalarType; enum?: (string | number)[] | undefined; ref?: string }
  | { kind: 'array'; items: TypeNode }
  /** `wrapper`: the object is a list's wire wrapper (`Data: { Domain: [...] }`); the name of its one field, the array. */
  | { kind: 'object'; fields: Field[]; title?: string | undefined; wrapper?: string }
  | { kind: 'json' };

export interface Field {
  name: string;
  required: boolean;
  type: TypeNode;
  docs: Docs;
}

export interface Param extends Field {
  /** How it travels: `DomainName.N`, `OrderActivateParam.N.<Field>`, or the name itself. */
  wireName: string;
  style: ParamStyle;
  location: 'query' | 'body';
}

export interface Paging {
  kind: 'page' | 'scroll' | 'cursor';
  /** Response path to the item array, e.g. ['Data', 'Domain']. */
  items: string[];
  /** Request parameters the paginator sets itself (the caller may give a starting point). */
  driven: string[];
  /** Response flag that says there is another page, when the Action has one. */
  hasNext?: string;
  /** Response field with the number of pages, when the Action has one. */
  total?: string;
  /** Cursor paging: each `…Cursor` request parameter and the NextPageCursor field that feeds it. */
  cursors?: Record<string, string>;
}

export interface Action {
  name: string;
  /** lowerCamel method name: `checkDomain`. */
  method: string;
  summary: string;
  /** English where spec/overrides/english/ has it; `descriptionZh` is the document's Chinese. */
  description: string;
  descriptionZh?: string | undefined;
  group: string;
  section: string;
  /** Set for an Action the document lacks (spec/additions/): why, and where the fact comes from. */
  addition?: { reason: string; reference: string } | undefined;
  httpMethod: 'GET' | 'POST';
  methodEvidence?: string | undefined;
  retry: RetryClass;
  retryReason?: string | undefined;
  /** Requests per second the document allows, per user and for the Action as a whole, where it says. */
  qps?: { perUser?: number | undefined; total?: number | undefined } | undefined;
  params: Param[];
  response: Extract<TypeNode, { kind: 'object' }>;
  responseDocs: Docs;
  examples: { json?: unknown; jsonValid: boolean; xml?: string | undefined; request?: string | undefined };
  errata: Erratum[];
  paging?: Paging | undefined;
  /**
   * The Action submits a task (SaveSingleTask…, SaveBatchTask…, SaveTaskFor…): it is unsafe to
   * repeat and answers with the `TaskNo` that QueryTaskDetailList follows.
   */
  submitsTask: boolean;
  /** JSON Schemas (2020-12) of the input object the client takes and of the JSON 200 body. */
  schemas: { request: JsonSchema; response: JsonSchema };
}

export interface Model {
  /** Where the spec was read from, as generated files name it (`spec/openapi.yaml`). */
  source: string;
  title: string;
  /** The API version (`info.version`): what every request sends as `Version`. */
  version: string;
  /** The product as the generated code names it (`x-alidomain-product`) and its default endpoint (the first server). */
  product: { name: string; client: string; endpoint: string };
  groups: { name: string; description?: string | undefined; actions: Action[] }[];
  actions: Action[];
  /** The error catalogue (appendix 6.1), in document order. */
  errors: ErrorCode[];
  common: Param[];
  signature: { description?: string | undefined; details?: Record<string, unknown> | undefined };
  domainName: { description?: string | undefined; descriptionZh?: string | undefined; rules?: Record<string, unknown> | undefined };
  credentialTypes: { code: string; meaning: string; holder?: string | undefined }[];
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function buildModel(doc: Document, source = 'spec/openapi.yaml'): Model {
  const actions = operations(doc).map(({ operation, httpMethod }) => action(operation, httpMethod, doc));
  // Groups are the spec's tags, named as they are displayed (x-displayName); an Action's group is its tag's.
  const title = (tag: string) => doc.tags.find((t) => t.name === tag)?.['x-displayName'] ?? tag;
  for (const a of actions) a.group = title(a.group);
  const groups = doc.tags.map((t) => ({
    name: title(t.name),
    description: t.description,
    actions: actions.filter((a) => a.group === title(t.name)),
  }));
  const idType = doc.components.schemas.IdentityCredentialType;
  return {
    source,
    title: doc.info.title,
    version: doc.info.version,
    product: productOf(doc),
    groups,
    actions,
    errors: doc['x-alidomain-error-codes'].map(errorCode),
    // Common parameters are scalars by definition: core writes them itself.
    // The Version and Format parameters, then those the signature adds (described by the security scheme).
    common: [
      ...Object.values(doc.components.parameters),
      ...(doc.components.securitySchemes.AliyunSignatureV1?.['x-alidomain-parameters'] ?? []),
    ].map((p) => param(p, p['x-alidomain-style'] ?? 'scalar', doc)),
    signature: {
      description: doc.components.securitySchemes.AliyunSignatureV1?.description,
      details: doc.components.securitySchemes.AliyunSignatureV1?.['x-alidomain-signature'],
    },
    domainName: {
      description: doc.components.schemas.DomainName?.description,
      descriptionZh: doc.components.schemas.DomainName?.['x-alidomain-zh']?.description,
      rules: doc.components.schemas.DomainName?.['x-alidomain-rules'],
    },
    credentialTypes: (idType?.enum ?? []).map((code) => ({
      code: String(code),
      meaning: idType?.['x-enumDescriptions']?.[String(code)] ?? '',
      holder: idType?.['x-alidomain-holder']?.[String(code)],
    })),
  };
}

/** One code of the error catalogue: its meaning in English where translated, the document's Chinese in `descriptionZh`. */
export interface ErrorCode {
  code: string;
  httpStatus?: number | undefined;
  message: string;
  description: string;
  descriptionZh?: string | undefined;
}

function errorCode({ 'x-alidomain-zh': zh, ...e }: SpecErrorCode): ErrorCode {
  return { ...e, descriptionZh: zh?.description };
}

function fail(message: string): never {
  throw new Error(message);
}

/** The names the generated code takes from the spec; the generator has no product of its own. */
function productOf(doc: Document): Model['product'] {
  const named = doc['x-alidomain-product'];
  if (typeof named?.name !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(named.client))
    fail('spec: expected x-alidomain-product at the root: { name: <product, e.g. Domain>, client: <class name, e.g. DomainClient> }');
  const endpoint = doc.servers?.[0]?.url ?? fail('spec: expected servers[0].url, the default endpoint');
  return { name: named.name, client: named.client, endpoint: endpoint.replace(/\/+$/, '') };
}

/** A parameter's wire style: the spec's `x-alidomain-style`, on query parameters and form-body properties alike. */
function styleOf({ parameter: p }: SpecParameter, where: string): ParamStyle {
  const style = p['x-alidomain-style'];
  if (style === undefined) throw new Error(`spec: expected x-alidomain-style on parameter ${p.name} at ${where}`);
  return style;
}

function action(op: Operation, httpMethod: 'GET' | 'POST', doc: Document): Action {
  const where = `#/paths/~1#Action=${op.operationId}`;
  const own = ownParameters(op).map((sp) => ({ ...sp, style: styleOf(sp, where) }));
  const params = own.map(({ parameter, style }) => param(parameter, style, doc));
  const { json: ok, xml } = okResponse(op, op.operationId);
  const okSchema = resolve(ok.schema, doc);
  const idOf = (side: 'request' | 'response') => schemaId(productOf(doc).name, doc.info.version, op.operationId, side);
  const response = typeOf(okSchema, doc) as Extract<TypeNode, { kind: 'object' }>;
  const a: Omit<Action, 'paging'> = {
    name: op.operationId,
    method: lowerFirst(op.operationId),
    summary: op.summary,
    description: op.description,
    descriptionZh: op['x-alidomain-zh']?.description,
    group: op.tags[0] ?? fail(`spec: expected a tag on ${where}`),
    section: op['x-alidomain-wire'].section,
    addition: op['x-alidomain-addition'],
    httpMethod,
    methodEvidence: op['x-alidomain-wire'].methodEvidence,
    retry: op['x-alidomain-retry'],
    retryReason: op['x-alidomain-retry-reason'],
    qps: op['x-alidomain-qps'],
    submitsTask: op['x-alidomain-retry'] === 'unsafe' && response.fields.some((f) => f.name === 'TaskNo' && f.type.kind === 'scalar'),
    params,
    response,
    responseDocs: docs(okSchema),
    examples: {
      json: ok.examples?.document?.value ?? ok['x-alidomain-document-example'],
      jsonValid: ok.examples?.document !== undefined,
      xml: xml?.['x-alidomain-document-example'] as string | undefined,
      request: op['x-alidomain-wire'].requestExample,
    },
    errata: op['x-alidomain-errata'] ?? [],
    schemas: {
      request: requestSchema({ name: op.operationId, summary: op.summary, id: idOf('request') }, own, doc),
      response: responseSchema({ name: op.operationId, id: idOf('response') }, okSchema, doc),
    },
  };
  return { ...a, paging: paging(a) };
}

function param(p: Parameter, style: ParamStyle, doc: Document): Param {
  return {
    name: p.name,
    wireName: p['x-alidomain-wire-name'] ?? p.name,
    style,
    location: p.in === 'body' ? 'body' : 'query',
    required: p.required ?? false,
    type: style === 'json' ? { kind: 'json' } : typeOf(p.schema, doc),
    docs: {
      ...docs(resolve(p.schema, doc)),
      description: p.description,
      descriptionZh: p['x-alidomain-zh']?.description,
      example: p.example ?? p.schema.example,
      errata: p['x-alidomain-errata'],
    },
  };
}

function resolve(schema: Schema, doc: Document): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return { ...doc.components.schemas[name], ...withoutRef(schema) };
}

function withoutRef(schema: Schema): Schema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function docs(schema: Schema): Docs {
  const zh = schema['x-alidomain-zh'];
  const values = schema.enum?.map((value) => ({
    value,
    meaning: schema['x-enumDescriptions']?.[String(value)],
    meaningZh: zh?.enumDescriptions?.[String(value)],
  }));
  return {
    description: schema.description,
    descriptionZh: zh?.description,
    values,
    default: schema.default,
    example: schema.example ?? schema.examples?.[0],
    minimum: schema.minimum,
    maximum: schema.maximum,
    errata: schema['x-alidomain-errata'],
  };
}

export function typeOf(schema: Schema, doc: Document): TypeNode {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`spec: unresolved ${schema.$ref}`);
    // Named shapes (a response, a shared list item) are read as if inline; named strings keep their name.
    if (target.type === 'object' || target.type === 'array') return typeOf({ ...target, ...withoutRef(schema) }, doc);
    return { kind: 'scalar', type: 'string', enum: target.enum, ref: name };
  }
  switch (schema.type) {
    case 'array':
      return { kind: 'array', items: typeOf(schema.items ?? { type: 'string' }, doc) };
    case 'object': {
      const wrapper = schema['x-alidomain-list']?.item;
      const fields = Object.entries(schema.properties ?? {}).map(([name, s]) => ({
        name,
        required: schema.required?.includes(name) ?? false,
        type: typeOf(s, doc),
        docs: name === wrapper ? { description: `The items (the wire wraps them in \`${name}\`).` } : docs(resolve(s, doc)),
      }));
      const [only] = fields;
      if (wrapper !== undefined && (fields.length !== 1 || only?.name !== wrapper || only.type.kind !== 'array')) {
        throw new Error(
          `spec: expected a list wrapper with the one array field ${wrapper}, got fields ${fields.map((f) => f.name).join(', ')} (${schema.title ?? 'object'})`,
        );
      }
      return { kind: 'object', fields, title: schema.title, ...(wrapper === undefined ? {} : { wrapper }) };
    }
    case 'integer':
      return { kind: 'scalar', type: schema.format === 'int64' ? 'int64' : 'int32', enum: schema.enum };
    case 'number':
      return { kind: 'scalar', type: 'number' };
    case 'boolean':
      return { kind: 'scalar', type: 'boolean' };
    default:
      return { kind: 'scalar', type: 'string', enum: schema.enum };
  }
}
