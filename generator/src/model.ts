// The intermediate model: what every emitter sees. Only this module knows OpenAPI syntax
// and our vendor extensions; emitters work from Actions, parameters and type nodes.
import type { Document, Erratum, ErrorCode, MediaType, Operation, Parameter, Schema } from './openapi.js';

export type ScalarType = 'string' | 'int32' | 'int64' | 'number' | 'boolean';
export type Style = 'scalar' | 'repeatList' | 'objectList' | 'json';
export type Retry = 'safe' | 'idempotent' | 'unsafe';

export interface Docs {
  description?: string;
  values?: Array<{ value: string | number; meaning?: string }>;
  default?: unknown;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  errata?: Erratum[];
}

export type TypeNode =
  | { kind: 'scalar'; type: ScalarType; enum?: Array<string | number>; ref?: string }
  | { kind: 'array'; items: TypeNode }
  | { kind: 'object'; fields: Field[]; title?: string; wrapper?: boolean }
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
  style: Style;
  location: 'query' | 'body';
}

export interface Paging {
  kind: 'page' | 'scroll' | 'cursor';
  /** Response path to the item array, e.g. ['Data', 'Domain']. */
  items: string[];
  /** Response flag that says there is another page, when the Action has one. */
  hasNext?: string;
  /** Cursor paging: each `…Cursor` request parameter and the NextPageCursor field that feeds it. */
  cursors?: Record<string, string>;
}

export interface Action {
  name: string;
  /** lowerCamel method name: `checkDomain`. */
  method: string;
  summary: string;
  description: string;
  group: string;
  section: string;
  httpMethod: 'GET' | 'POST';
  methodEvidence?: string;
  retry: Retry;
  retryReason?: string;
  params: Param[];
  response: Extract<TypeNode, { kind: 'object' }>;
  responseDocs: Docs;
  examples: { json?: unknown; jsonValid: boolean; xml?: string; request?: string };
  errata: Erratum[];
  paging?: Paging;
}

export interface Model {
  title: string;
  version: string;
  groups: Array<{ name: string; description?: string; actions: Action[] }>;
  actions: Action[];
  errors: ErrorCode[];
  common: Param[];
  signature: { description?: string; details?: Record<string, unknown> };
  domainName: { description?: string; rules?: Record<string, unknown> };
  credentialTypes: Array<{ code: string; meaning: string; holder?: string }>;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

export function buildModel(doc: Document): Model {
  const actions: Action[] = [];
  for (const item of Object.values(doc.paths)) {
    const op = item.get ?? item.post;
    if (!op) continue;
    actions.push(action(op, item.post ? 'POST' : 'GET', doc));
  }
  const groups = doc.tags.map((t) => ({ name: t.name, description: t.description, actions: actions.filter((a) => a.group === t.name) }));
  const idType = doc.components.schemas.IdentityCredentialType;
  return {
    title: doc.info.title,
    version: doc.info.version,
    groups,
    actions,
    errors: doc['x-alidomain-error-codes'],
    common: Object.values(doc.components.parameters).map((p) => param(p, doc)),
    signature: {
      description: doc.components.securitySchemes.AliyunSignatureV1?.description,
      details: doc.components.securitySchemes.AliyunSignatureV1?.['x-alidomain-signature'],
    },
    domainName: { description: doc.components.schemas.DomainName?.description, rules: doc.components.schemas.DomainName?.['x-alidomain-rules'] },
    credentialTypes: (idType.enum ?? []).map((code) => ({
      code: String(code),
      meaning: idType['x-enumDescriptions']?.[String(code)] ?? '',
      holder: idType['x-alidomain-holder']?.[String(code)],
    })),
  };
}

function action(op: Operation, httpMethod: 'GET' | 'POST', doc: Document): Action {
  const params: Param[] = [];
  for (const p of op.parameters) {
    if ('$ref' in p || p.name === 'Action') continue;
    params.push(param(p, doc));
  }
  const form = op.requestBody?.content['application/x-www-form-urlencoded'].schema;
  for (const [name, schema] of Object.entries(form?.properties ?? {})) {
    params.push(param({ name, in: 'body', required: form?.required?.includes(name), description: schema.description, schema, 'x-alidomain-style': schema.type === 'array' ? 'repeatList' : 'scalar' } as Parameter, doc));
  }
  const ok = op.responses['200']?.content?.['application/json'] as MediaType;
  const xml = op.responses['200']?.content?.['application/xml'] as MediaType;
  const response = typeOf(ok.schema, doc) as Extract<TypeNode, { kind: 'object' }>;
  const a: Action = {
    name: op.operationId,
    method: lowerFirst(op.operationId),
    summary: op.summary,
    description: op.description,
    group: op.tags[0],
    section: op['x-alidomain-wire'].section,
    httpMethod,
    methodEvidence: op['x-alidomain-wire'].methodEvidence,
    retry: op['x-alidomain-retry'],
    retryReason: op['x-alidomain-retry-reason'],
    params,
    response,
    responseDocs: docs(ok.schema),
    examples: {
      json: ok.examples?.document?.value ?? ok['x-alidomain-document-example'],
      jsonValid: ok.examples?.document !== undefined,
      xml: xml?.['x-alidomain-document-example'] as string | undefined,
      request: op['x-alidomain-wire'].requestExample,
    },
    errata: op['x-alidomain-errata'] ?? [],
  };
  a.paging = paging(a);
  return a;
}

function param(p: Parameter, doc: Document): Param {
  const style = p['x-alidomain-style'] ?? 'scalar';
  return {
    name: p.name,
    wireName: p['x-alidomain-wire-name'] ?? p.name,
    style,
    location: p.in === 'body' ? 'body' : 'query',
    required: p.required ?? false,
    type: style === 'json' ? { kind: 'json' } : typeOf(p.schema, doc),
    docs: { ...docs(resolve(p.schema, doc)), description: p.description, example: p.example ?? p.schema.example, errata: p['x-alidomain-errata'] },
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
  const values = schema.enum?.map((value) => ({ value, meaning: schema['x-enumDescriptions']?.[String(value)] }));
  return {
    description: schema.description,
    values,
    default: schema.default,
    example: schema.example,
    minimum: schema.minimum,
    maximum: schema.maximum,
    errata: schema['x-alidomain-errata'],
  };
}

export function typeOf(schema: Schema, doc: Document): TypeNode {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    return { kind: 'scalar', type: 'string', enum: target.enum, ref: name };
  }
  switch (schema.type) {
    case 'array':
      return { kind: 'array', items: typeOf(schema.items ?? { type: 'string' }, doc) };
    case 'object': {
      const wrapperItem = schema['x-alidomain-list']?.item;
      const fields = Object.entries(schema.properties ?? {}).map(([name, s]) => ({
        name,
        required: schema.required?.includes(name) ?? false,
        type: typeOf(s, doc),
        docs: name === wrapperItem ? { description: `The items (the wire wraps them in \`${name}\`).` } : docs(resolve(s, doc)),
      }));
      return { kind: 'object', fields, title: schema.title, wrapper: wrapperItem !== undefined };
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

/**
 * Paged Actions: `PageNum`/`PageSize` in, one item list out; or `ScrollDomainList`'s
 * `ScrollId` form. The item list is the response's one array (inside its wire wrapper).
 */
function paging(a: Action): Paging | undefined {
  const names = new Set(a.params.map((p) => p.name));
  const items = itemPath(a.response);
  if (!items) return undefined;
  if (names.has('PageNum') && names.has('PageSize')) {
    const hasNext = a.response.fields.find((f) => f.name === 'NextPage') ? 'NextPage' : undefined;
    return { kind: 'page', items, hasNext };
  }
  if (names.has('ScrollId') && a.response.fields.some((f) => f.name === 'ScrollId')) return { kind: 'scroll', items };
  const cursors = cursorFields(a);
  if (cursors) return { kind: 'cursor', items, cursors };
  return undefined;
}

/**
 * QueryTaskDetailHistory / QueryTaskInfoHistory page with `<Field>Cursor` parameters, filled from
 * the response's NextPageCursor ("翻页时传入对应页游标中的…"). A cursor takes the field of the same
 * name and type; CreateTimeCursor (int64) takes CreateTimeLong, NextPageCursor's CreateTime being a
 * formatted date. Any cursor without a matching field means no paginator.
 */
function cursorFields(a: Action): Record<string, string> | undefined {
  const next = a.response.fields.find((f) => f.name === 'NextPageCursor')?.type;
  const params = a.params.filter((p) => p.name.endsWith('Cursor'));
  if (next?.kind !== 'object' || params.length === 0) return undefined;
  const cursors: Record<string, string> = {};
  for (const p of params) {
    const base = p.name.slice(0, -'Cursor'.length);
    const field = [base, `${base}Long`]
      .map((n) => next.fields.find((f) => f.name === n))
      .find((f) => f !== undefined && f.type.kind === 'scalar' && p.type.kind === 'scalar' && f.type.type === p.type.type);
    if (field === undefined) return undefined;
    cursors[p.name] = field.name;
  }
  return cursors;
}

function itemPath(node: TypeNode, path: string[] = []): string[] | undefined {
  if (node.kind === 'array') return node.items.kind === 'object' ? path : undefined;
  if (node.kind !== 'object') return undefined;
  const found = node.fields.map((f) => itemPath(f.type, [...path, f.name])).filter((p): p is string[] => p !== undefined);
  return found.length === 1 ? found[0] : undefined;
}
