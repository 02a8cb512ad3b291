// Turns the document's reading into the OpenAPI 3.1 document. Facts come from the reader
// (tables, prose, examples); curated corrections come from spec/overrides/*.yaml and are
// applied here, each one visible in the output as a vendor extension where it changes a fact.
import { splitSections } from './document.mjs';
import { sectionParts, readRows } from './tables.mjs';
import { readRequestExample, readResponseExamples, keyIndex } from './examples.mjs';
import { nestRows } from './structure.mjs';
import { Repairer, documentWords, readEnum, readDefault, readLimits } from './text.mjs';
import { findErrata } from './errata.mjs';
import { commonComponents, readAppendix } from './common.mjs';
import { exampleProblems } from './conformance.mjs';

const SCALARS = {
  String: { type: 'string' },
  Integer: { type: 'integer', format: 'int32' },
  Long: { type: 'integer', format: 'int64' },
  Boolean: { type: 'boolean' },
  Float: { type: 'number', format: 'float' },
  Double: { type: 'number', format: 'double' },
};

/**
 * Names the document's rows carry that are not one appendix 6.2 domain name. The document gives
 * no rules for them; these are the DNS limits (RFC 1035 §2.3.4, RFC 1123 §2.1) and the comma
 * list its own descriptions spell out. Overrides point parameters at them (`$ref`, with a reason).
 */
const NAME_SCHEMAS = {
  DomainNameList: {
    type: 'string',
    format: 'alidomain-domain-name-list',
    minLength: 1,
    description: '多个域名之间用英文逗号（,）分隔；每一项都是一个域名，须符合附录6.2的域名合法性规则。',
    'x-alidomain-rules': { separator: ',', emptyItems: 'rejected', item: '#/components/schemas/DomainName' },
  },
  HostName: {
    type: 'string',
    format: 'alidomain-host-name',
    minLength: 1,
    maxLength: 253,
    description: 'A DNS host name, such as the name server ns1.example.com (DNS limits, RFC 1035/1123; the document states none).',
    'x-alidomain-rules': {
      totalLength: { max: 253, measuredOn: 'the name with IDN labels in punycode (xn--) form' },
      labelLength: { min: 1, max: 63 },
      labels: 'at least two; no empty label (no leading, trailing or doubled dot)',
      characters: 'letters, digits and "-" (LDH); IDN labels allowed, measured by their punycode form',
      hyphen: 'not first, not last in a label',
      lastLabel: 'not all digits (an IP address is not a host name)',
    },
  },
  HostLabel: {
    type: 'string',
    format: 'alidomain-host-label',
    minLength: 1,
    maxLength: 63,
    description: 'One DNS label, such as dns1 in dns1.example.com (DNS limits, RFC 1035/1123; the document states none).',
    'x-alidomain-rules': {
      labelLength: { min: 1, max: 63, measuredOn: 'the punycode (xn--) form of an IDN label' },
      characters: 'letters, digits and "-" (LDH); no dot',
      hyphen: 'not first, not last',
    },
  },
};

/** The document's own grouping of Actions, its chapters 4 and 5. */
const CHAPTERS = {
  4: 'Registrant profiles (信息模板接口): create, query, verify and delete the contact templates used to register domains.',
  5: 'Domain management (域名管理接口): registration, renewal, transfer and redemption tasks, DNS hosts, DS records, locks, groups, e-mail verification, audits and queries.',
};

/** Reads every Action section of the document. Pure reading, no overrides. */
export function readActions(doc, vocabulary = []) {
  const sections = splitSections(doc);
  const parsed = sections.map((s) => {
    const parts = sectionParts(s.lines);
    return {
      ...s,
      parts,
      request: readRows(parts.request, { request: true }),
      response: readRows(parts.response, { request: false }),
      requestExample: readRequestExample(parts.requestExample),
      examples: readResponseExamples(parts.responseExamples, s.name),
    };
  });
  const names = parsed.flatMap((a) => [a.name, ...a.request.map((r) => r.name), ...a.response.map((r) => r.name)]);
  const repair = new Repairer(documentWords(doc.raw, [...names, ...vocabulary, 'true', 'false', 'zh', 'en']));
  return { actions: parsed, repair };
}

export function buildSpec(doc, overrides) {
  const { actions, repair } = readActions(doc, overrides.vocabulary);
  const appendix = readAppendix(doc, repair);
  const components = commonComponents(appendix);
  Object.assign(components.schemas, NAME_SCHEMAS);
  const paths = {};
  const errata = [];
  const tags = [];
  for (const a of actions) {
    if (!tags.some((t) => t.name === a.group)) tags.push({ name: a.group, description: CHAPTERS[a.chapter], 'x-alidomain-chapter': a.chapter });
    const o = overrides.actions?.[a.name] ?? {};
    const found = findErrata(a).concat((overrides.errata?.[a.name] ?? []).map((e) => ({ ...e, source: 'review' })));
    errata.push(...found.map((e) => ({ action: a.name, ...e })));
    paths[`/#Action=${a.name}`] = {
      [methodOf(a, o).toLowerCase()]: operation(a, o, overrides, repair, found, components),
      // Every Action takes the common parameters (3.2).
      parameters: Object.keys(components.parameters).map((name) => ({ $ref: `#/components/parameters/${name}` })),
    };
  }
  return {
    openapi: '3.1.0',
    info: info(),
    servers: [
      { url: 'https://domain.aliyuncs.com', description: 'HTTPS (recommended)' },
      { url: 'http://domain.aliyuncs.com', description: 'HTTP' },
    ],
    security: [{ AliyunSignatureV1: [] }],
    tags,
    paths,
    components,
    'x-alidomain-error-codes': [
      ...appendix.errors,
      // The error example of 3.4 (返回结果) uses a code the appendix does not list.
      { code: 'WhoisInfoNotExist', message: 'The whois info of this domain name does not exist.', description: '域名的Whois信息不存在（返回结果的错误示例）。' },
    ],
    'x-alidomain-source': { document: '000_c3dabf40bed88ec2.txt', version: '20220711' },
  };
}

function info() {
  return {
    title: 'Alibaba Cloud Domain API',
    version: '2018-01-29',
    summary: 'Registrant profiles, registration, renewal and transfer tasks, DNS hosts, DS records, locks, groups and audits of Alibaba Cloud domains.',
    description:
      'Machine-readable description of the Alibaba Cloud Domain API, version 2018-01-29, derived from the Chinese API reference ' +
      '(文档版本 20220711). RPC style: every Action is a GET or POST to the endpoint with `Action`, the common parameters and an ' +
      'HMAC-SHA1 signature. Each path key `/#Action=<Name>` stands for that Action; see `x-alidomain-wire` on each operation ' +
      'and spec/README.md for the conventions.',
    license: { name: 'MIT', identifier: 'MIT' },
  };
}

function methodOf(a, o) {
  if (o.method) return o.method;
  return a.request.some((r) => r.location === 'Body') ? 'POST' : 'GET';
}

function operation(a, o, overrides, repair, errata, components) {
  const method = methodOf(a, o);
  const description = describeSection(a, repair);
  const params = requestParams(a, o, repair, errata);
  const query = params.filter((p) => p.in !== 'body');
  const body = params.filter((p) => p.in === 'body');
  const op = {
    operationId: a.name,
    summary: overrides.summaries?.[a.name] ?? a.name,
    description,
    tags: [a.group],
    parameters: [
      { name: 'Action', in: 'query', required: true, description: `系统规定参数，取值：${a.name}。`, schema: { type: 'string', const: a.name }, example: a.name },
      ...query.map((p) => p.parameter),
    ],
  };
  if (body.length) {
    op.requestBody = {
      required: body.some((p) => p.parameter.required),
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: Object.fromEntries(body.map((p) => [p.parameter.name, { ...p.parameter.schema, description: p.parameter.description }])),
            required: body.filter((p) => p.parameter.required).map((p) => p.parameter.name),
          },
          encoding: Object.fromEntries(body.filter((p) => p.parameter.schema.type === 'array').map((p) => [p.parameter.name, { style: 'form', explode: true }])),
        },
      },
    };
    if (!op.requestBody.content['application/x-www-form-urlencoded'].schema.required.length) delete op.requestBody.content['application/x-www-form-urlencoded'].schema.required;
  }
  op.responses = responses(a, o, repair, errata, components);
  op['x-alidomain-wire'] = {
    methods: method === 'POST' ? ['POST'] : ['GET', 'POST'],
    ...(o.methodEvidence ? { methodEvidence: o.methodEvidence } : {}),
    requestExample: a.requestExample.text || undefined,
    section: a.number,
    lines: [a.lines[0].n, a.lines.at(-1).n],
  };
  op['x-alidomain-retry'] = retryOf(a.name, o, overrides);
  if (o.retryReason) op['x-alidomain-retry-reason'] = o.retryReason;
  const paramNames = new Set(a.request.flatMap((r) => [r.name, r.name.replace(/\.N(\.\w+)?$/, '')]));
  const opErrata = errata.filter((e) => !e.field && !(e.param && paramNames.has(e.param)));
  if (opErrata.length) op['x-alidomain-errata'] = opErrata.map(errataNote);
  return stripUndefined(op);
}

function retryOf(name, o, overrides) {
  if (o.retry) return o.retry;
  for (const rule of overrides.retryRules ?? []) if (new RegExp(rule.pattern).test(name)) return rule.retry;
  return 'unsafe';
}

/** The section's prose before its tables: the "调用…" sentence and the API描述 notes. */
function describeSection(a, repair) {
  const skip = /^(API描述|调试|您可以在OpenAPI Explorer中直接运行该接口.*)$/;
  const paras = [];
  let cur = [];
  for (const l of a.parts.description) {
    if (l.text === '' || skip.test(l.text)) {
      if (cur.length) paras.push(cur);
      cur = [];
      continue;
    }
    cur.push(l.text);
  }
  if (cur.length) paras.push(cur);
  return paras.map((p) => repair.paragraph(p)).join('\n\n');
}

function errataNote(e) {
  return { kind: e.kind, detail: e.detail, ...(e.line ? { line: e.line } : {}), source: e.source ?? 'extractor' };
}

/** What a params override may say (spec/overrides/operations.yaml); anything else is a mistake, not a no-op. */
const PARAM_FIX_KEYS = new Set(['reason', 'required', '$ref', 'example', 'domainName', 'style', 'type', 'enum']);

function checkParamFixes(a, o) {
  const rows = new Set(a.request.map((r) => r.name));
  for (const [name, fix] of Object.entries(o.params ?? {})) {
    const where = `override ${a.name}.params.${name}`;
    if (!rows.has(name)) throw new Error(`${where}: the request table has no row ${name}`);
    const unknown = Object.keys(fix).filter((k) => !PARAM_FIX_KEYS.has(k));
    if (unknown.length) throw new Error(`${where}: unknown key(s) ${unknown.join(', ')} (known: ${[...PARAM_FIX_KEYS].join(', ')})`);
    if (!fix.reason) throw new Error(`${where}: a reason is required`);
    if (fix.required !== undefined && typeof fix.required !== 'boolean') throw new Error(`${where}: required must be true or false`);
  }
}

/** The request table as OpenAPI parameters, grouping `X.N` and `X.N.Field` rows into arrays. */
function requestParams(a, o, repair, errata) {
  checkParamFixes(a, o);
  const out = [];
  const attached = new Set();
  const groups = new Map();
  for (const row of a.request) {
    if (row.name === 'Action') continue;
    const fix = o.params?.[row.name] ?? {};
    // A reviewed `required:` wins over the table's 是否必选 (its reason is written next to it).
    const required = fix.required ?? row.required;
    const paragraphs = row.paragraphs.map((p) => repair.paragraph(p));
    const schema = scalarSchema(row, fix, paragraphs, repair);
    const documentExample = replacedExample(row, fix);
    const where = row.location === 'Body' ? 'body' : 'query';
    const list = /^(\w+)\.N$/.exec(row.name);
    const nested = /^(\w+)\.N\.(\w+)$/.exec(row.name);
    const base = (list ?? nested)?.[1];
    const notes = errata.filter((e) => (e.param === row.name || (base && e.param === base)) && !attached.has(e)).map((e) => (attached.add(e), errataNote(e)));
    if (nested) {
      const [, base, field] = nested;
      let g = groups.get(base);
      if (!g) {
        g = {
          parameter: {
            name: base,
            in: where,
            required: false,
            description: '',
            schema: { type: 'array', items: { type: 'object', properties: {}, additionalProperties: false } },
            style: 'form',
            explode: true,
            'x-alidomain-style': 'objectList',
            'x-alidomain-wire-name': `${base}.N.<Field>`,
          },
          in: where,
        };
        groups.set(base, g);
        out.push(g);
      }
      g.parameter.schema.items.properties[field] = {
        ...schema,
        description: paragraphs.join('\n\n'),
        ...(documentExample !== undefined ? { 'x-alidomain-document-example': documentExample } : {}),
        ...(fix.reason ? { 'x-alidomain-override': fix.reason } : {}),
      };
      if (required) (g.parameter.schema.items.required ??= []).push(field);
      if (required) g.parameter.required = true;
      if (notes.length) (g.parameter['x-alidomain-errata'] ??= []).push(...notes);
      continue;
    }
    const parameter = {
      name: list ? list[1] : row.name,
      in: where,
      required,
      description: paragraphs.join('\n\n'),
      // A required list needs an item: an empty list would send nothing at all.
      schema: list ? { type: 'array', items: schema, ...(required ? { minItems: 1 } : {}) } : schema,
      example: list ? (Array.isArray(fix.example) ? fix.example : wrapList(exampleValue(schema, row.example, fix))) : exampleValue(schema, row.example, fix),
      ...(list ? { style: 'form', explode: true } : {}),
      'x-alidomain-style': fix.style ?? (list ? 'repeatList' : looksLikeJson(row.example) ? 'json' : 'scalar'),
      ...(list ? { 'x-alidomain-wire-name': row.name } : {}),
      ...(documentExample !== undefined ? { 'x-alidomain-document-example': list ? [documentExample] : documentExample } : {}),
      ...(fix.reason ? { 'x-alidomain-override': fix.reason } : {}),
      ...(notes.length ? { 'x-alidomain-errata': notes } : {}),
    };
    if (parameter['x-alidomain-style'] === 'json') parameter['x-alidomain-json'] = true;
    if (parameter.example === undefined) delete parameter.example;
    out.push({ parameter, in: where });
  }
  for (const g of groups.values()) {
    const fields = Object.keys(g.parameter.schema.items.properties);
    g.parameter.description = `列表，每项包含：${fields.join('、')}。`;
    if (g.parameter.required) g.parameter.schema.minItems = 1;
    g.parameter.example = [Object.fromEntries(Object.entries(g.parameter.schema.items.properties).filter(([, s]) => s.example !== undefined).map(([k, s]) => [k, s.example]))];
  }
  return out.map((p) => ({ ...p, parameter: stripUndefined(p.parameter) }));
}

const wrapList = (v) => (v === undefined ? undefined : [v]);
const looksLikeJson = (v) => /^\s*[[{]/.test(v ?? '');

function scalarSchema(row, fix, paragraphs, repair) {
  const type = fix.type ?? (row.type === 'RepeatList' ? 'String' : row.type);
  const schema = { ...(SCALARS[type] ?? { type: 'string' }) };
  if (fix.$ref) return { $ref: fix.$ref, ...exampleOf(schema, row, fix) };
  // DomainName, DomainName.N items and X.N.DomainName fields name one domain: appendix 6.2 applies.
  const field = row.name.replace(/\.N$/, '').replace(/^.*\./, '');
  if (field === 'DomainName' && fix.domainName !== false) return { $ref: '#/components/schemas/DomainName', ...exampleOf(schema, row, fix) };
  if (/IdentityCredentialType$/.test(row.name)) return { $ref: '#/components/schemas/IdentityCredentialType', ...exampleOf(schema, row, fix) };
  const values = fix.enum ? Object.entries(fix.enum).map(([value, meaning]) => ({ value, meaning })) : readEnum(paragraphs);
  if (values && schema.type !== 'boolean') {
    schema.enum = values.map((v) => coerce(schema, v.value));
    // Lists such as "registrant；" / "tech。" give values without meanings.
    const meanings = values.filter((v) => v.meaning !== undefined);
    if (meanings.length) schema['x-enumDescriptions'] = Object.fromEntries(meanings.map((v) => [v.value, v.meaning]));
  }
  const text = paragraphs.join('\n');
  const def = readDefault(text);
  if (def !== undefined) {
    const value = coerce(schema, def);
    if (value !== undefined && (!schema.enum || schema.enum.includes(value))) schema.default = value;
  }
  if (schema.type === 'integer') Object.assign(schema, readLimits(text));
  Object.assign(schema, exampleOf(schema, row, fix));
  return schema;
}

function exampleOf(schema, row, fix = {}) {
  const v = exampleValue(schema, row.example, fix);
  return v === undefined ? {} : { example: v };
}

/**
 * The table's example in the schema's type; one that is not of that type is an erratum, not an
 * example. A reviewed `example:` (an item, or for lists the whole list) replaces one the API would reject.
 */
function exampleValue(schema, raw, fix = {}) {
  if (fix.example !== undefined) return Array.isArray(fix.example) ? fix.example[0] : fix.example;
  if (raw === undefined || raw === '') return undefined;
  return coerce(schema, raw);
}

/** The table's own example where an override replaced it: kept, but no longer offered as valid. */
function replacedExample(row, fix) {
  if (fix.example === undefined || row.example === undefined || row.example === '') return undefined;
  return row.example;
}

function coerce(schema, raw) {
  if (schema.type === 'integer') return /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined;
  if (schema.type === 'number') return Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  return raw;
}

function responses(a, o, repair, errata, components) {
  const index = keyIndex(a.examples.json?.value);
  keyIndex(a.examples.xml?.value, index);
  const root = applyMoves(nestRows(a.response, index), o.response);
  const schema = { title: `${a.name}Response`, ...objectSchema(root, a, repair, errata, []) };
  const json = { schema };
  const { json: jsonExample, xml: xmlExample } = a.examples;
  const line = a.parts.responseExamples[0]?.n;
  if (jsonExample?.value !== undefined) {
    const problems = exampleProblems(schema, jsonExample.value, components);
    if (problems.length === 0) json.examples = { document: { summary: 'Example from the document', value: jsonExample.value } };
    else {
      // Kept verbatim, but not offered as a valid example: the table wins.
      json['x-alidomain-document-example'] = jsonExample.value;
      errata.push({ kind: 'example-disagrees-with-table', detail: `The JSON response example does not match the response table: ${problems.slice(0, 6).join('; ')}${problems.length > 6 ? `; … (${problems.length} in all)` : ''}.`, line, source: 'extractor' });
    }
  } else if (jsonExample) json['x-alidomain-document-example'] = jsonExample.text;
  // XML examples are text; OpenAPI tools check `examples` against the (object) schema, so they
  // travel in a vendor extension.
  const xmlContent = { schema: { ...schema, xml: { name: `${a.name}Response` } } };
  if (xmlExample) xmlContent['x-alidomain-document-example'] = xmlExample.text;
  return {
    200: { description: 'Success. The body is JSON or XML as `Format` asks.', content: { 'application/json': json, 'application/xml': xmlContent } },
    400: { $ref: '#/components/responses/ClientError' },
    403: { $ref: '#/components/responses/Forbidden' },
    500: { $ref: '#/components/responses/InternalError' },
    503: { $ref: '#/components/responses/ServiceUnavailable' },
  };
}

/** Overrides move a response row to another parent: `{ move: { Field: 'Parent.Path' } }` (empty = root). */
function applyMoves(root, fix) {
  for (const [name, target] of Object.entries(fix?.move ?? {})) {
    const [node, parent] = findNode(root, name.split('.'));
    if (!node) throw new Error(`override move: no response field ${name}`);
    parent.children.splice(parent.children.indexOf(node), 1);
    const dest = target ? findNode(root, target.split('.'))[0] : root;
    if (!dest?.children) throw new Error(`override move: no container ${target}`);
    dest.children.push(node);
  }
  return root;
}

function findNode(node, path) {
  const child = node.children?.find((c) => c.row.name === path[0]);
  if (!child) return [undefined, undefined];
  return path.length === 1 ? [child, node] : findNode(child, path.slice(1));
}

function objectSchema(node, a, repair, errata, path) {
  const properties = {};
  for (const child of node.children) {
    properties[child.row.name] = fieldSchema(child, a, repair, errata, [...path, child.row.name]);
  }
  return { type: 'object', properties };
}

function fieldSchema(node, a, repair, errata, path) {
  const row = node.row;
  const paragraphs = row.paragraphs.map((p) => repair.paragraph(p));
  const description = paragraphs.join('\n\n') || undefined;
  const notes = errata.filter((e) => e.field === row.name && e.line === row.line).map(errataNote);
  const extra = notes.length ? { 'x-alidomain-errata': notes } : {};
  if (row.type === 'List') {
    const wrapper = wrapperName(a, row.name);
    const items = { type: 'string' };
    return wrapper
      ? { type: 'object', description, properties: { [wrapper]: { type: 'array', items } }, 'x-alidomain-list': { item: wrapper }, ...extra }
      : { type: 'array', description, items, ...extra };
  }
  if (row.type === 'Array') {
    const items = node.children?.length ? { ...objectSchema(node, a, repair, errata, path), ...(row.itemType ? { title: row.itemType } : {}) } : { type: 'string' };
    const wrapper = row.itemType ?? wrapperName(a, row.name);
    return stripUndefined(
      wrapper
        ? { type: 'object', description, properties: { [wrapper]: { type: 'array', items } }, 'x-alidomain-list': { item: wrapper }, ...extra }
        : { type: 'array', description, items, ...extra },
    );
  }
  if (row.type === 'Struct' || row.type === 'Object') {
    return stripUndefined({ ...objectSchema(node, a, repair, errata, path), description, ...extra });
  }
  const schema = scalarSchema(row, {}, paragraphs, repair);
  return stripUndefined({ ...schema, description, ...extra });
}

/** The element name a list's items carry in the XML example (`<IpList><ip>…`), if it shows one. */
function wrapperName(a, name) {
  for (const value of [a.examples.xml?.value, a.examples.json?.value]) {
    const found = findKey(value, name);
    if (found && typeof found === 'object' && !Array.isArray(found)) {
      const keys = Object.keys(found).filter((k) => !k.startsWith('@'));
      if (keys.length === 1) return keys[0];
    }
  }
  return undefined;
}

function findKey(value, name) {
  if (!value || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.toLowerCase() === name.toLowerCase()) return v;
    const inner = findKey(v, name);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function stripUndefined(o) {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
