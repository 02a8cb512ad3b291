// The request table as OpenAPI: query parameters and form-body properties, `X.N` rows grouped
// into arrays and `X.N.Field` rows into arrays of objects, with the params overrides applied.
import { scalarSchema, exampleValue, replacedExample } from './schemas.mjs';
import { errataNote, stripUndefined } from './util.mjs';

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').Action} Action */
/** @typedef {import('../types.js').ActionOverride} ActionOverride */
/** @typedef {import('../types.js').Erratum} Erratum */
/** @typedef {import('../text.mjs').Repairer} Repairer */
/** @typedef {import('../types.js').WireStyle} WireStyle */
/** @typedef {{ parameter: Schema, in: 'query' | 'body' }} Placed */

/** What a params override may say (spec/overrides/operations.yaml); anything else is a mistake, not a no-op. */
const PARAM_FIX_KEYS = new Set(['reason', 'required', '$ref', 'example', 'domainName', 'style', 'type', 'enum']);

/**
 * @param {Action} a
 * @param {ActionOverride} o
 */
function checkParamFixes(a, o) {
  const rows = new Set(a.request.map((r) => r.name));
  for (const [name, fix] of Object.entries(o.params ?? {})) {
    const where = `override ${a.name}.params.${name}`;
    if (!rows.has(name)) throw new Error(`${where}: the request table has no row ${name}`);
    const unknown = Object.keys(fix).filter((k) => !PARAM_FIX_KEYS.has(k));
    if (unknown.length) throw new Error(`${where}: unknown key(s) ${unknown.join(', ')} (known: ${[...PARAM_FIX_KEYS].join(', ')})`);
    if (!fix.reason) throw new Error(`${where}: a reason is required`);
    if (fix.required !== undefined && typeof fix.required !== 'boolean') throw new Error(`${where}: required must be true or false`);
    // The list styles follow from the row's name; an override only says whether a scalar is JSON text.
    if (fix.style !== undefined && (!['json', 'scalar'].includes(fix.style) || LIST_ROW.test(name)))
      throw new Error(`${where}: style may only be json or scalar, on a row that is not X.N or X.N.Field`);
  }
}

/** `X.N` (a repeat list) or `X.N.Field` (a list of objects). */
const LIST_ROW = /^\w+\.N(?:\.\w+)?$/;

/**
 * How a row's value travels, decided once, from the table and the overrides only: `X.N` rows are
 * repeat lists, `X.N.Field` rows fields of an object list, other rows scalars unless their
 * override says `style: json` (with its reason). The example is never evidence; one that starts
 * like JSON (`[`, `{`) only stops the extractor until a person decides (`style: json` or
 * `style: scalar`, with the reason).
 * @param {Action} a
 * @param {import('../types.js').Row} row
 * @param {import('../types.js').ParamFix} fix
 * @returns {WireStyle}
 */
export function wireStyle(a, row, fix) {
  if (/^\w+\.N$/.test(row.name)) return 'repeatList';
  if (/^\w+\.N\.\w+$/.test(row.name)) return 'objectList';
  if (fix.style) return fix.style;
  if (/^\s*[[{]/.test(row.example)) {
    throw new Error(
      `${a.name} ${row.name}: the example (${row.example.slice(0, 40)}…) looks like JSON text; decide its style in spec/overrides/operations.yaml (actions.${a.name}.params.${row.name}: style: json or style: scalar, with a reason)`,
    );
  }
  return 'scalar';
}

/**
 * The request parameters of an Action (without `Action`), each placed in the query or the body.
 * @param {Action} a
 * @param {ActionOverride} o
 * @param {Repairer} repair
 * @param {Erratum[]} errata the Action's errata; those naming a row are attached to its parameter
 * @returns {Placed[]}
 */
export function requestParams(a, o, repair, errata) {
  checkParamFixes(a, o);
  /** @type {Placed[]} */
  const out = [];
  /** @type {Set<Erratum>} */
  const attached = new Set();
  /** @type {Map<string, Placed>} */
  const groups = new Map();
  for (const row of a.request) {
    if (row.name === 'Action') continue;
    const fix = o.params?.[row.name] ?? {};
    // A reviewed `required:` wins over the table's 是否必选 (its reason is written next to it).
    const required = fix.required ?? row.required;
    const paragraphs = row.paragraphs.map((p) => repair.paragraph(p));
    const schema = scalarSchema(row, fix, paragraphs);
    const documentExample = replacedExample(row, fix);
    /** @type {'query' | 'body'} */
    const where = row.location === 'Body' ? 'body' : 'query';
    const list = /^(\w+)\.N$/.exec(row.name);
    const nested = /^(\w+)\.N\.(\w+)$/.exec(row.name);
    const base = (list ?? nested)?.[1];
    const style = wireStyle(a, row, fix);
    const notes = errata
      .filter((e) => (e.param === row.name || (base && e.param === base)) && !attached.has(e))
      .map((e) => (attached.add(e), errataNote(e)));
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
            'x-alidomain-style': style,
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
    /** @type {Schema} */
    const parameter = {
      name: list ? list[1] : row.name,
      in: where,
      required,
      description: paragraphs.join('\n\n'),
      // A required list needs an item: an empty list would send nothing at all.
      schema: list ? { type: 'array', items: schema, ...(required ? { minItems: 1 } : {}) } : schema,
      example: list
        ? Array.isArray(fix.example)
          ? fix.example
          : wrapList(exampleValue(schema, row.example, fix))
        : exampleValue(schema, row.example, fix),
      ...(list ? { style: 'form', explode: true } : {}),
      'x-alidomain-style': style,
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
    g.parameter.example = [
      Object.fromEntries(
        Object.entries(g.parameter.schema.items.properties)
          .filter(([, s]) => s.example !== undefined)
          .map(([k, s]) => [k, s.example]),
      ),
    ];
  }
  return out.map((p) => ({ ...p, parameter: stripUndefined(p.parameter) }));
}

/** @param {unknown} v */
const wrapList = (v) => (v === undefined ? undefined : [v]);

/**
 * The form body of a POSTed Action: its `Body` parameters as properties, each with its wire style
 * (a form body is encoded like the query).
 * @param {Placed[]} body
 * @returns {Schema}
 */
export function requestBody(body) {
  const form = {
    schema: {
      type: 'object',
      properties: Object.fromEntries(body.map(({ parameter }) => [parameter.name, bodyProperty(parameter)])),
      /** @type {string[] | undefined} */
      required: body.filter((p) => p.parameter.required).map((p) => p.parameter.name),
    },
    encoding: Object.fromEntries(
      body.filter((p) => p.parameter.schema.type === 'array').map((p) => [p.parameter.name, { style: 'form', explode: true }]),
    ),
  };
  if (!form.schema.required?.length) delete form.schema.required;
  return { required: body.some((p) => p.parameter.required), content: { 'application/x-www-form-urlencoded': form } };
}

/**
 * A body parameter as a property of the form schema.
 * @param {Schema} parameter
 * @returns {Schema}
 */
function bodyProperty(parameter) {
  const style = parameter['x-alidomain-style'];
  return {
    ...parameter.schema,
    description: parameter.description,
    'x-alidomain-style': style,
    ...(style === 'json' ? { 'x-alidomain-json': true } : {}),
    ...(style === 'json' && parameter['x-alidomain-override'] ? { 'x-alidomain-override': parameter['x-alidomain-override'] } : {}),
  };
}
