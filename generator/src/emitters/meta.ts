// The runtime metadata of an Action (an ActionMeta literal for @alidomain/core).
import type { Action, ScalarType, TypeNode } from '../model.js';

export function metaLiteral(a: Action): string {
  const params = a.params.map((p) => {
    const entry: Record<string, unknown> = { name: p.name, style: p.style, in: p.location };
    if (p.style === 'objectList' && p.type.kind === 'array' && p.type.items.kind === 'object') {
      entry.fields = Object.fromEntries(p.type.items.fields.map((f) => [f.name, scalarOf(f.type)]));
    } else if (p.style !== 'json') {
      entry.type = scalarOf(p.type.kind === 'array' ? p.type.items : p.type);
    }
    return entry;
  });
  const meta = { action: a.name, method: a.httpMethod, retry: a.retry, params, response: shape(a.response) };
  return JSON.stringify(meta, null, 2).replace(/"(\w+)":/g, '$1:').replaceAll('"', "'");
}

function scalarOf(node: TypeNode): ScalarType {
  return node.kind === 'scalar' ? node.type : 'string';
}

function shape(node: TypeNode): unknown {
  switch (node.kind) {
    case 'object':
      return { kind: 'object', fields: Object.fromEntries(node.fields.map((f) => [f.name, shape(f.type)])) };
    case 'array':
      return { kind: 'array', items: shape(node.items) };
    case 'json':
      return { kind: 'any' };
    case 'scalar':
      return { kind: node.type };
  }
}
