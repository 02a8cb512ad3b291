// The runtime metadata of an Action (an ActionMeta literal for @alidomain/core).
import type { Action, Param, ParamMeta, ScalarType, Shape, TypeNode } from '../model.js';

/** A parameter's runtime metadata. Defaults (style scalar, in query, type string) are left out: see ParamMeta in @alidomain/core. */
export function paramMeta(p: Param): ParamMeta {
  const entry: { -readonly [K in keyof ParamMeta]: ParamMeta[K] } = { name: p.name };
  if (p.style !== 'scalar') entry.style = p.style;
  if (p.location !== 'query') entry.in = p.location;
  if (p.style === 'objectList' && p.type.kind === 'array' && p.type.items.kind === 'object') {
    entry.fields = Object.fromEntries(p.type.items.fields.map((f) => [f.name, scalarOf(f.type)]));
  } else if (p.style !== 'json') {
    const type = scalarOf(p.type.kind === 'array' ? p.type.items : p.type);
    if (type !== 'string') entry.type = type;
  }
  return entry;
}

export function metaLiteral(a: Action): string {
  const params = a.params.map(paramMeta);
  // `wire` is a function so that importing all 111 Actions only pre-parses these literals.
  const wire = literal({ params, response: shape(a.response) }, '  ');
  return `{\n  action: '${a.name}',\n  method: '${a.httpMethod}',\n  version: API_VERSION,\n  retry: '${a.retry}',\n  wire: () => (${wire})\n}`;
}

/** A TypeScript literal; objects and arrays of plain values stay on one line when short. */
function literal(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? `'${value}'` : String(value);
  const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
  const item = ([k, v]: readonly [string, unknown], inner: string) => (k === '' ? '' : `${k}: `) + literal(v, inner);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    const line = `${open} ${entries.map((e) => item(e, indent)).join(', ')} ${close}`;
    if (line.length <= 100) return entries.length === 0 ? `${open}${close}` : line;
  }
  const inner = indent + '  ';
  return `${open}\n${entries.map((e) => inner + item(e, inner)).join(',\n')}\n${indent}${close}`;
}

function scalarOf(node: TypeNode): ScalarType {
  return node.kind === 'scalar' ? node.type : 'string';
}

/** The response shape; a list's wire wrapper is declared as such, so parsing never has to guess it. */
export function shape(node: TypeNode): Shape {
  switch (node.kind) {
    case 'object': {
      const only = node.fields[0]?.type;
      if (node.wrapper !== undefined && only?.kind === 'array') return { kind: 'list', wrapper: node.wrapper, items: shape(only.items) };
      return { kind: 'object', fields: Object.fromEntries(node.fields.map((f) => [f.name, shape(f.type)])) };
    }
    case 'array':
      return { kind: 'array', items: shape(node.items) };
    case 'json':
      return 'any';
    case 'scalar':
      return node.type;
  }
}
