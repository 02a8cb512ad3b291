// Emits packages/emulator/src/generated/: what the emulator knows of each Action (its HTTP method,
// retry class, wire parameters, rate limits, paging and a response body valid against its schema),
// the error catalogue and the API version. The emulator's hand-written runtime reads nothing else.
import type { Action, Field, Model, TypeNode } from '../model.js';
import { header, literal } from '../print.js';
import { paramMeta } from './meta.js';

export function emitEmulator(model: Model): Record<string, string> {
  return { 'actions.ts': actionsFile(model), 'errors.ts': errorsFile(model) };
}

function actionsFile(model: Model): string {
  const entries = model.actions.map((a) => `  ${a.name}: ${value(entry(a), '  ')}`);
  return `${header(model)}
import type { EmulatedAction } from '../action.js';

/** The API version every request must send (\`Version\`). */
export const API_VERSION = ${literal(model.version)};

/** The product's endpoint, for the emulator's messages (\`HostId\` of error bodies). */
export const API_HOST = ${literal(new URL(model.product.endpoint).host)};

/** Every Action of the spec, by name. */
export const actions: Readonly<Record<string, EmulatedAction>> = {
${entries.join(',\n')},
};
`;
}

function errorsFile(model: Model): string {
  const rows = model.errors.map((e) => `  ${value({ code: e.code, status: e.httpStatus ?? 400, message: e.message }, '  ')}`);
  return `${header(model)}
import type { CatalogueError } from '../action.js';

/** The document's error catalogue (appendix 6.1): code, HTTP status and message. */
export const errorCatalogue: readonly CatalogueError[] = [
${rows.join(',\n')},
];
`;
}

function entry(a: Action): Record<string, unknown> {
  const e: Record<string, unknown> = { method: a.httpMethod, retry: a.retry, params: a.params.map(paramMeta) };
  const required = a.params.filter((p) => p.required).map((p) => p.name);
  if (required.length) e.required = required;
  if (a.qps?.perUser !== undefined || a.qps?.total !== undefined) e.qps = a.qps;
  if (a.paging) e.paging = { kind: a.paging.kind, items: a.paging.items };
  e.sample = sample(a.response, a.examples.json, undefined);
  return e;
}

/**
 * A value of `node` taken from the document's example where the example fits the schema, else from
 * the field's own example, else a plain value of the type: the examples of 38 Actions do not fit
 * their tables (see ERRATA.md), and the emulator must answer every Action with a valid body.
 */
export function sample(node: TypeNode, example: unknown, fieldExample: unknown): unknown {
  switch (node.kind) {
    case 'scalar':
      return scalar(node, example) ?? scalar(node, fieldExample) ?? plain(node);
    case 'json':
      return example ?? fieldExample ?? {};
    case 'array': {
      const items = Array.isArray(example) ? example : Array.isArray(fieldExample) ? fieldExample : [undefined];
      return items.map((item) => sample(node.items, item, undefined));
    }
    case 'object': {
      const given = isRecord(example) ? example : {};
      return Object.fromEntries(node.fields.map((f: Field) => [f.name, sample(f.type, given[f.name], f.docs.example)]));
    }
  }
}

type Scalar = Extract<TypeNode, { kind: 'scalar' }>;

function scalar(node: Scalar, v: unknown): unknown {
  let out: unknown;
  switch (node.type) {
    case 'string':
      out = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
      break;
    case 'int32':
    case 'int64': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      out = typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
      break;
    }
    case 'number': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      out = typeof n === 'number' && Number.isFinite(n) ? n : undefined;
      break;
    }
    case 'boolean':
      out = typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
      break;
  }
  if (out !== undefined && node.enum && !node.enum.includes(out as string | number)) return undefined;
  return out;
}

function plain(node: Scalar): unknown {
  if (node.enum?.length) return node.enum[0];
  switch (node.type) {
    case 'string':
      return node.ref === 'DomainName' ? 'example.com' : '';
    case 'boolean':
      return false;
    default:
      return 0;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A TypeScript literal of JSON-like data, keys quoted only where they must be. */
function value(v: unknown, indent: string): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (typeof v !== 'object') throw new Error(`emulator sample: a ${typeof v} is not JSON data`);
  const inner = indent + '  ';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[\n${v.map((x) => inner + value(x, inner)).join(',\n')},\n${indent}]`;
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k));
  // An object of a few scalars stays on one line, as prettier keeps what it is given.
  const line = `{ ${entries.map(([k, x]) => `${key(k)}: ${value(x, inner)}`).join(', ')} }`;
  if (entries.every(([, x]) => x === null || typeof x !== 'object') && line.length <= 80) return line;
  return `{\n${entries.map(([k, x]) => `${inner}${key(k)}: ${value(x, inner)}`).join(',\n')},\n${indent}}`;
}
