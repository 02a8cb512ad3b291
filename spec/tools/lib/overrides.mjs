// spec/overrides/*.yaml, read strictly. A misspelt file, key or value, a missing reason or a
// duplicate key is an error naming the file, the key path and what is allowed, one line per
// problem; nothing is ignored silently. Two steps, because the Actions are known only once the
// document is read:
//   loadOverrides(dir)                       the files, their properties, value types and reasons
//   checkOverrideTargets(overrides, actions) every Action, request row and response field named exists
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { keyIndex } from './examples.mjs';
import { nestRows } from './structure.mjs';

/** @typedef {import('./types.js').Overrides} Overrides */
/** @typedef {import('./types.js').Action} Action */
/** @typedef {import('./types.js').TreeNode} TreeNode */
/** @typedef {(string | number)[]} KeyPath */
/** @typedef {(path: KeyPath, message: string) => void} Report */
/**
 * A rule for one value: reports what is wrong with it at `path`.
 * @typedef {(value: unknown, path: KeyPath, report: Report) => void} Shape
 */

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_DIR = join(repository, 'spec', 'overrides');

/** The problems found, one line each; the message is those lines. */
export class OverridesError extends Error {
  /** @param {string[]} lines */
  constructor(lines) {
    super(lines.join('\n'));
    this.name = 'OverridesError';
    this.lines = lines;
  }
}

// ---- Names: did you mean … ----

/**
 * Edit distance with transpositions (optimal string alignment), case-insensitive.
 * @param {string} a
 * @param {string} b
 */
function distance(a, b) {
  a = a.toLowerCase();
  b = b.toLowerCase();
  /** @type {number[][]} */
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * The tail of a "no such name" line: the nearest allowed name if one is close, else the list.
 * @param {string} name
 * @param {string[]} allowed
 * @param {string} [many] how to say the list when it is too long to print
 */
function hint(name, allowed, many) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    // A name cut short (Domain for DomainName) is as near as one typo.
    const cut = name.length >= 3 && candidate.toLowerCase().startsWith(name.toLowerCase());
    const d = cut ? 1 : distance(name, candidate);
    const near = d <= Math.max(1, Math.floor(name.length / 3)) && d < Math.min(name.length, candidate.length);
    if (near && d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best !== undefined) return `; did you mean ${best}?`;
  if (allowed.length === 0) return '; allowed: none';
  if (allowed.length > 20) return `; allowed: ${many ?? `${allowed.slice(0, 20).join(', ')}, … (${allowed.length} in all)`}`;
  return `; allowed: ${allowed.join(', ')}`;
}

// ---- Shapes: what each file may hold ----

/** @param {KeyPath} path */
const formatPath = (path) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** @param {unknown} v */
function render(v) {
  if (v === null || v === undefined) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const text = typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A value the predicate accepts.
 * @param {string} what as written after "allowed:"
 * @param {(v: unknown) => boolean} ok
 * @returns {Shape}
 */
const scalar = (what, ok) => (v, path, report) => {
  if (!ok(v)) report(path, `${render(v)} is not allowed; allowed: ${what}`);
};

const text = scalar('a string', (v) => typeof v === 'string');
const reason = scalar('a reason: why, in words', (v) => typeof v === 'string' && v.trim() !== '');
const boolean = scalar('true, false', (v) => typeof v === 'boolean');
const integer = scalar('an integer', (v) => Number.isInteger(v));
const lineNumber = scalar('a line number of the document (1 or more)', (v) => Number.isInteger(v) && /** @type {number} */ (v) >= 1);
const mapping = scalar('a mapping', isMapping);
const tagName = scalar('a lower-case ASCII name (a-z, 0-9, -)', (v) => typeof v === 'string' && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(v));
/** @type {Shape} */
const anything = () => undefined;
/** @param {string[]} values @returns {Shape} */
const oneOf = (values) => scalar(values.join(', '), (v) => typeof v === 'string' && values.includes(v));
const regex = scalar('a regular expression', (v) => {
  if (typeof v !== 'string') return false;
  try {
    new RegExp(v);
    return true;
  } catch {
    return false;
  }
});

/**
 * A list of `item`.
 * @param {Shape} item
 * @returns {Shape}
 */
const list = (item) => (v, path, report) => {
  if (!Array.isArray(v)) {
    report(path, `${render(v)} is not allowed; allowed: a list`);
    return;
  }
  v.forEach((x, i) => item(x, [...path, i], report));
};

/**
 * A mapping from any key to `value` (whose keys the target checks look up later).
 * @param {Shape} value
 * @returns {Shape}
 */
const mapOf = (value) => (v, path, report) => {
  if (!isMapping(v)) {
    report(path, `${render(v)} is not allowed; allowed: a mapping`);
    return;
  }
  for (const [k, x] of Object.entries(v)) value(x, [...path, k], report);
};

/**
 * A mapping with these properties only; `required` must be present; `rules` check the whole.
 * @param {Record<string, Shape>} fields
 * @param {{ required?: string[], rules?: (v: Record<string, unknown>, path: KeyPath, report: Report) => void }} [options]
 * @returns {Shape}
 */
const record =
  (fields, { required = [], rules } = {}) =>
  (v, path, report) => {
    if (!isMapping(v)) {
      report(path, `${render(v)} is not allowed; allowed: a mapping of ${Object.keys(fields).join(', ')}`);
      return;
    }
    const allowed = Object.keys(fields);
    for (const [k, x] of Object.entries(v)) {
      const shape = fields[k];
      if (shape) shape(x, [...path, k], report);
      else report([...path, k], `unknown property; allowed: ${allowed.join(', ')}`);
    }
    for (const k of required) if (!(k in v)) report(path, `${k} is missing; required: ${required.join(', ')}`);
    rules?.(v, path, report);
  };

/** `X.N` (a repeat list) or `X.N.Field` (a list of objects): their wire style follows from the name. */
const LIST_ROW = /^\w+\.N(?:\.\w+)?$/;
/** The request rows that are one appendix 6.2 domain name unless `domainName: false`. */
const isDomainNameRow = (/** @type {string} */ row) => row.replace(/\.N$/, '').replace(/^.*\./, '') === 'DomainName';
/** The document's scalar types, as build/schemas.mjs maps them. */
const TYPES = ['String', 'Integer', 'Long', 'Boolean', 'Float', 'Double'];
/** Schemas every spec has (build/components.mjs); document.yaml's nameSchemas add the others. */
const BUILT_IN_SCHEMAS = ['DomainName', 'IdentityCredentialType'];
/** The kinds ERRATA.md and the extractor use (errata.mjs, build/responses.mjs). */
const ERRATUM_KINDS = [
  'example-disagrees-with-table',
  'invalid-example',
  'long-with-date-example',
  'malformed-json',
  'malformed-xml',
  'name-differs',
  'other',
  'required-differs',
  'type-mismatch',
  'xml-fragment',
];

// Entries that change a fact but whose file gives the reason only in a comment. Listed so the
// gap stays visible; remove an entry once its file gives `reason:`.
/**
 * `actions.<Action>.params.<row>`: what build/parameters.mjs and build/schemas.mjs read.
 * @param {string[]} schemas the schema names a `$ref` may point at
 * @param {string} row
 * @returns {Shape}
 */
const paramFix = (schemas, row) =>
  record(
    {
      reason,
      required: boolean,
      $ref: oneOf(schemas.map((s) => `#/components/schemas/${s}`)),
      example: anything,
      domainName: boolean,
      style: oneOf(['json', 'scalar']),
      type: oneOf(TYPES),
      enum: mapOf(text),
    },
    {
      required: ['reason'],
      rules: (fix, path, report) => {
        if (Object.keys(fix).every((k) => k === 'reason'))
          report(path, 'overrides nothing; allowed: required, $ref, example, domainName, style, type, enum');
        if (fix.style !== undefined && LIST_ROW.test(row))
          report(
            [...path, 'style'],
            'not allowed on a list row (X.N, X.N.Field), whose style follows from its name; allowed: on a scalar row',
          );
        if (fix.domainName !== undefined && !isDomainNameRow(row))
          report(
            [...path, 'domainName'],
            'not allowed on this row; allowed: on a DomainName row (DomainName, DomainName.N, X.N.DomainName)',
          );
        // A row whose value is a shared schema takes neither type nor enum (build/schemas.mjs returns the $ref).
        const shared =
          fix.$ref !== undefined
            ? '$ref'
            : isDomainNameRow(row) && fix.domainName !== false
              ? 'DomainName'
              : row.endsWith('IdentityCredentialType')
                ? 'IdentityCredentialType'
                : undefined;
        for (const k of ['type', 'enum'])
          if (shared && fix[k] !== undefined)
            report(
              [...path, k],
              `has no effect on a row whose value is ${shared === '$ref' ? 'a $ref' : `the ${shared} schema`}; allowed: the other properties`,
            );
      },
    },
  );

/**
 * `actions.<Action>` of operations.yaml.
 * @param {string[]} schemas
 * @returns {Shape}
 */
const actionOverride = (schemas) => (v, path, report) => {
  /** @type {Shape} */
  const params = (p, at, r) => {
    if (!isMapping(p)) {
      r(at, `${render(p)} is not allowed; allowed: a mapping of request rows`);
      return;
    }
    for (const [row, fix] of Object.entries(p)) paramFix(schemas, row)(fix, [...at, row], r);
  };
  const response = record(
    { move: mapOf(text), reason },
    {
      rules: (o, at, r) => {
        if (o.move !== undefined && o.reason === undefined) r(at, 'reason is missing; required: reason');
      },
    },
  );
  record(
    {
      retry: oneOf(['safe', 'idempotent', 'unsafe']),
      retryReason: reason,
      method: oneOf(['GET', 'POST']),
      methodEvidence: reason,
      params,
      response,
    },
    {
      rules: (o, at, r) => {
        if (Object.keys(o).length === 0) r(at, 'overrides nothing; allowed: retry, retryReason, method, methodEvidence, params, response');
        if (o.retry !== undefined && o.retryReason === undefined) r(at, 'retry without its reason; required: retryReason');
        if (o.method !== undefined && o.methodEvidence === undefined) r(at, 'method without its evidence; required: methodEvidence');
      },
    },
  )(v, path, report);
};

/** @param {string[]} schemas @returns {Record<string, Shape>} */
const FILES = (schemas) => ({
  'summaries.yaml': mapOf(reason),
  'tags.yaml': record(
    {
      tags: list(
        record(
          { name: tagName, displayName: text, description: text, actions: list(text) },
          { required: ['name', 'displayName', 'description', 'actions'] },
        ),
      ),
    },
    { required: ['tags'] },
  ),
  'operations.yaml': record({
    retryRules: list(record({ pattern: regex, retry: oneOf(['safe', 'idempotent', 'unsafe']) }, { required: ['pattern', 'retry'] })),
    vocabulary: list(text),
    actions: (v, path, report) => mapOf(actionOverride(schemas))(v, path, report),
  }),
  'errata.yaml': mapOf(
    list(
      record({ kind: oneOf(ERRATUM_KINDS), detail: reason, line: lineNumber, param: text, field: text }, { required: ['kind', 'detail'] }),
    ),
  ),
  'document.yaml': record(
    {
      source: record({ document: text }, { required: ['document'] }),
      servers: list(record({ url: text, description: text }, { required: ['url'] })),
      chapters: mapOf(text),
      commonParameters: list(
        record(
          { name: text, signing: boolean, required: boolean, description: text, schema: mapping },
          { required: ['name', 'required', 'description', 'schema'] },
        ),
      ),
      securitySchemes: mapping,
      errorResponse: mapping,
      errorExample: mapOf(text),
      errorResponses: mapOf(
        record({ description: text, statuses: list(integer), documentExample: boolean }, { required: ['description', 'statuses'] }),
      ),
      errorCodes: list(
        record(
          { code: text, httpStatus: integer, message: text, description: text, reason },
          { required: ['code', 'message', 'description', 'reason'] },
        ),
      ),
      domainNameRules: mapping,
      identityCredentialType: record({ description: text }, { required: ['description'] }),
      nameSchemas: mapOf(mapping),
    },
    {
      // build/components.mjs reads every one of them.
      required: [
        'source',
        'servers',
        'chapters',
        'commonParameters',
        'securitySchemes',
        'errorResponse',
        'errorExample',
        'errorResponses',
        'errorCodes',
        'domainNameRules',
        'identityCredentialType',
        'nameSchemas',
      ],
    },
  ),
});
const KNOWN_FILES = Object.keys(FILES([]));

// ---- Loading ----

/** Where each loaded Overrides came from, for the target checks' messages. */
/** @type {WeakMap<Overrides, string>} */
const origins = new WeakMap();

/** @param {string} dir */
const label = (dir) => {
  const rel = relative(repository, dir);
  return rel.startsWith('..') ? dir : rel;
};

/**
 * One file as YAML, with its duplicate keys and syntax errors as lines.
 * @param {string} path
 * @param {string} name
 * @param {string[]} problems
 */
function parse(path, name, problems) {
  const source = readFileSync(path, 'utf8');
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(source, { uniqueKeys: true, lineCounter, prettyErrors: false });
  for (const e of doc.errors) {
    const line = lineCounter.linePos(e.pos[0]).line;
    if (e.code === 'DUPLICATE_KEY') {
      const dup = duplicateAt(doc, e.pos[0]);
      if (dup) {
        const first = lineCounter.linePos(dup.first).line;
        problems.push(`${name}: ${formatPath(dup.path)}: duplicate key at line ${line} (first at line ${first}); allowed: each key once`);
        continue;
      }
    }
    problems.push(`${name}: line ${line}: ${e.message.split('\n')[0]}`);
  }
  return doc.errors.length ? undefined : doc.toJS();
}

/**
 * The key path of the duplicate key starting at `offset`, and where its first occurrence starts.
 * @param {YAML.Document} doc
 * @param {number} offset
 * @returns {{ path: KeyPath, first: number } | undefined}
 */
function duplicateAt(doc, offset) {
  /** @type {{ path: KeyPath, first: number } | undefined} */
  let found;
  YAML.visit(doc, {
    Pair(_, pair, ancestors) {
      const key = /** @type {YAML.Scalar | null} */ (pair.key);
      if (key?.range?.[0] !== offset) return undefined;
      const parent = ancestors.at(-1);
      const twin = YAML.isMap(parent)
        ? parent.items.find((p) => YAML.isScalar(p.key) && p.key.value === key.value && p !== pair)
        : undefined;
      /** @type {KeyPath} */
      const path = [];
      ancestors.forEach((node, i) => {
        if (YAML.isPair(node) && YAML.isScalar(node.key)) path.push(String(node.key.value));
        else if (YAML.isSeq(node)) path.push(node.items.indexOf(/** @type {any} */ (ancestors[i + 1] ?? pair)));
      });
      path.push(String(key.value));
      const twinKey = /** @type {YAML.Scalar | undefined} */ (twin?.key);
      found = { path, first: twinKey?.range?.[0] ?? offset };
      return YAML.visit.BREAK;
    },
  });
  return found;
}

/**
 * Every file of spec/overrides/, by name (operations.yaml → operations), checked: only the known
 * files, properties and value types, a reason wherever an entry changes a fact, no duplicate keys.
 * The names it holds (Actions, rows, fields) are checked by checkOverrideTargets once the document is read.
 * @param {string} [dir]
 * @returns {Overrides}
 * @throws {OverridesError} one line per problem: `<dir>/<file>: <key path>: <what is wrong>; allowed: <what is>`
 */
export function loadOverrides(dir = DEFAULT_DIR) {
  const where = label(dir);
  /** @type {string[]} */
  const problems = [];
  /** @type {Record<string, any>} YAML as written, checked below against the shapes */
  const data = {};
  for (const file of readdirSync(dir)
    // english/: the translations, keyed by the spec's names, which stage 2 applies (english.mjs).
    .filter((f) => !f.startsWith('.') && f !== 'english')
    .sort()) {
    if (!KNOWN_FILES.includes(file)) {
      problems.push(`${file}: unknown file${hint(file, KNOWN_FILES)}`);
      continue;
    }
    const value = parse(join(dir, file), file, problems);
    if (value !== undefined) data[file] = value ?? {};
  }
  if (!('document.yaml' in data) && !problems.some((p) => p.startsWith('document.yaml:')))
    problems.push('document.yaml: missing file; required: what the document states in prose (common parameters, servers, chapters…)');
  const nameSchemas = isMapping(data['document.yaml']?.nameSchemas) ? Object.keys(data['document.yaml'].nameSchemas) : [];
  const shapes = FILES([...BUILT_IN_SCHEMAS, ...nameSchemas]);
  for (const [file, value] of Object.entries(data)) {
    shapes[file](value, [], (path, message) => problems.push(`${file}: ${path.length ? formatPath(path) : '(top level)'}: ${message}`));
  }
  if (problems.length) throw new OverridesError(problems.map((p) => `${where}/${p}`));
  const operations = data['operations.yaml'] ?? {};
  /** @type {Overrides} */
  const overrides = {
    summaries: data['summaries.yaml'] ?? {},
    tags: data['tags.yaml']?.tags ?? [],
    actions: operations.actions ?? {},
    retryRules: operations.retryRules ?? [],
    errata: data['errata.yaml'] ?? {},
    vocabulary: operations.vocabulary ?? [],
    document: data['document.yaml'],
  };
  origins.set(overrides, where);
  return overrides;
}

// ---- Targets ----

/**
 * Checks that every name the overrides use exists in the document as read: each Action
 * (summaries, operations, errata), request row (`params`, an erratum's `param`), response field
 * (`response.move`, an erratum's `field` at its row's line) and chapter. Call with the Actions
 * read from the document, before building.
 * @param {Overrides} overrides from loadOverrides
 * @param {Action[]} actions from readActions
 * @throws {OverridesError} one line per problem, as loadOverrides
 */
export function checkOverrideTargets(overrides, actions) {
  const where = origins.get(overrides) ?? label(DEFAULT_DIR);
  /** @type {string[]} */
  const problems = [];
  /** @param {string} file @param {KeyPath} path @param {string} message */
  const report = (file, path, message) => problems.push(`${where}/${file}: ${formatPath(path)}: ${message}`);
  const byName = new Map(actions.map((a) => [a.name, a]));
  const names = [...byName.keys()];
  /** @param {string} file @param {KeyPath} path @param {string} name */
  const action = (file, path, name) => {
    const a = byName.get(name);
    if (!a) report(file, path, `no such Action${hint(name, names, `the ${names.length} Actions of the document`)}`);
    return a;
  };

  for (const name of Object.keys(overrides.summaries)) action('summaries.yaml', [name], name);

  for (const [name, o] of Object.entries(overrides.actions)) {
    const a = action('operations.yaml', ['actions', name], name);
    if (!a) continue;
    const rows = a.request.map((r) => r.name);
    for (const [row, fix] of Object.entries(o.params ?? {})) {
      const path = ['actions', name, 'params', row];
      const r = a.request.find((x) => x.name === row);
      if (!r) {
        report('operations.yaml', path, `the request table has no row ${row}${hint(row, rows)}`);
        continue;
      }
      const type = fix.type ?? (r.type === 'RepeatList' ? 'String' : r.type);
      if (fix.enum && type === 'Boolean')
        report('operations.yaml', [...path, 'enum'], 'has no effect on a Boolean row; allowed: on a row of another type');
      else if (fix.enum && (type === 'Integer' || type === 'Long')) {
        const bad = Object.keys(fix.enum).filter((v) => !/^-?\d+$/.test(v));
        if (bad.length) report('operations.yaml', [...path, 'enum'], `${bad.join(', ')} not of the row's type ${type}; allowed: integers`);
      }
    }
    if (o.response?.move) moves(a, o.response.move, ['actions', name, 'response', 'move'], report);
  }

  for (const [name, entries] of Object.entries(overrides.errata)) {
    const a = action('errata.yaml', [name], name);
    if (!a) continue;
    const params = [...new Set(a.request.flatMap((r) => [r.name, r.name.replace(/\.N(\.\w+)?$/, '')]))];
    entries.forEach((e, i) => {
      if (e.param !== undefined && !params.includes(e.param))
        report('errata.yaml', [name, i, 'param'], `the request table has no row ${e.param}${hint(e.param, params)}`);
      if (e.field !== undefined) {
        // build/responses.mjs attaches a field's erratum to the row of that name at that line.
        const lines = a.response.filter((r) => r.name === e.field).map((r) => r.line);
        const fields = [...new Set(a.response.map((r) => r.name))];
        if (!lines.length) report('errata.yaml', [name, i, 'field'], `the response table has no field ${e.field}${hint(e.field, fields)}`);
        else if (!lines.includes(/** @type {number} */ (e.line)))
          report('errata.yaml', [name, i, 'line'], `${e.line ?? 'no line'} is not the line of ${e.field}; allowed: ${lines.join(', ')}`);
      }
    });
  }

  tagTargets(overrides.tags, byName, report);

  const chapters = [...new Set(actions.map((a) => a.chapter))];
  for (const chapter of Object.keys(overrides.document.chapters))
    if (!chapters.includes(chapter)) report('document.yaml', ['chapters', chapter], `no such chapter${hint(chapter, chapters)}`);

  if (problems.length) throw new OverridesError(problems);
}

/**
 * tags.yaml: each tag named once and given Actions, each Action of a tag exists and is in no other tag, and a tag's
 * Actions share a chapter (x-tagGroups groups the tags by chapter). Whether every Action has a tag
 * is the build's check: a partial set of overrides (a test's) may name only some.
 * @param {import('./types.js').TagOverride[]} tags
 * @param {Map<string, Action>} byName
 * @param {(file: string, path: KeyPath, message: string) => void} report
 */
function tagTargets(tags, byName, report) {
  /** @type {Map<string, string>} */
  const tagOf = new Map();
  const names = [...byName.keys()];
  tags.forEach((tag, i) => {
    if (tags.findIndex((t) => t.name === tag.name) !== i)
      report('tags.yaml', ['tags', i, 'name'], `${tag.name} is named twice; allowed: each tag once`);
    if (tag.actions.length === 0) report('tags.yaml', ['tags', i, 'actions'], 'a tag of no Action; allowed: one or more Actions');
    /** @type {Set<string>} */
    const chapters = new Set();
    tag.actions.forEach((name, j) => {
      const path = ['tags', i, 'actions', j];
      const a = byName.get(name);
      if (!a) {
        report('tags.yaml', path, `no such Action${hint(name, names, `the ${names.length} Actions of the document`)}`);
        return;
      }
      const other = tagOf.get(name);
      if (other) {
        report('tags.yaml', path, `${name} is already in tag ${other}; allowed: one tag per Action`);
        return;
      }
      tagOf.set(name, tag.name);
      chapters.add(a.chapter);
    });
    if (chapters.size > 1)
      report(
        'tags.yaml',
        ['tags', i, 'actions'],
        `Actions of chapters ${[...chapters].join(' and ')}; allowed: the Actions of one chapter`,
      );
  });
}

/**
 * `response.move`: each field and its new parent exist, in the tree as the earlier moves left it.
 * @param {Action} a
 * @param {Record<string, string>} move field path → parent path ('' for the root)
 * @param {KeyPath} path
 * @param {(file: string, path: KeyPath, message: string) => void} report
 */
function moves(a, move, path, report) {
  const index = keyIndex(a.examples.json?.value);
  keyIndex(a.examples.xml?.value, index);
  const root = nestRows(a.response, index);
  for (const [field, target] of Object.entries(move)) {
    const from = field.split('.');
    const parent = find(root, from.slice(0, -1));
    const node = parent?.children?.find((c) => c.row.name === from.at(-1));
    if (!parent || !node) {
      report('operations.yaml', [...path, field], `no such response field${hint(field, paths(root, false))}`);
      continue;
    }
    const dest = target ? find(root, target.split('.')) : root;
    if (!dest?.children) {
      report(
        'operations.yaml',
        [...path, field],
        `${JSON.stringify(target)} is not a response object; allowed: ${['(root: "")', ...paths(root, true)].join(', ')}`,
      );
      continue;
    }
    parent.children?.splice(parent.children.indexOf(node), 1);
    dest.children.push(node);
  }
}

/**
 * @param {TreeNode} node
 * @param {string[]} path
 * @returns {TreeNode | undefined}
 */
function find(node, path) {
  let at = /** @type {TreeNode | undefined} */ (node);
  for (const name of path) at = at?.children?.find((c) => c.row.name === name);
  return at;
}

/**
 * The dotted paths of the tree's fields (only those that hold fields, with `containers`).
 * @param {TreeNode} node
 * @param {boolean} containers
 * @param {string} [prefix]
 * @returns {string[]}
 */
function paths(node, containers, prefix = '') {
  return (node.children ?? []).flatMap((c) => {
    const p = prefix + c.row.name;
    return [...(!containers || c.children ? [p] : []), ...paths(c, containers, `${p}.`)];
  });
}
