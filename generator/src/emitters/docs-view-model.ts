// What each docs page shows, built from the model, for both docs emitters (Markdown and the
// static site): parameter rows (list-of-object fields flattened under their wire names), the
// response tree, type labels, anchors, the errata list, the error rows and the TypeScript
// examples. No wording and no markup here: the fixed sentences are in docs-prose.ts, the
// output format is each emitter's.
import type { Action, Docs, Field, Model, Param, TypeNode } from '../model.js';
import { wireForm } from './wire-form.js';

export { valuesInText } from '../docs-values.js';

/** One row of an Action's parameter table. Fields of a list of objects follow their list. */
export interface ParamRow {
  /** Anchor id, unique on the page: `param-DomainName`, `param-OrderActivateParam.N.TelExt`. */
  id: string;
  /** Name as the document writes it on the wire: `DomainName.N`, `OrderActivateParam.N.TelExt`. */
  wireName: string;
  /** Property name in the client's request type (`DomainName`), or the field of a list item. */
  name: string;
  type: string;
  required: boolean;
  docs: Docs;
  depth: 0 | 1;
  param: Param;
  /** Where the type is explained on the signing page, for referenced schemas. */
  typeRef?: { anchor: string; label: string } | undefined;
}

/** A node of the response tree. */
export interface FieldNode {
  id: string;
  name: string;
  path: string;
  type: string;
  docs: Docs;
  children: FieldNode[];
  typeRef?: { anchor: string; label: string } | undefined;
}

export interface ErratumItem {
  /** Where the erratum sits: the Action itself, a parameter or a response field. */
  target?: { label: string; id: string };
  kind: string;
  detail: string;
  line?: number;
  source: string;
}

/** Schemas the signing/common page explains, by the name the model references them with. */
export const REF_ANCHORS = {
  DomainName: { anchor: 'domain-name-rules', label: 'domain name rules' },
  IdentityCredentialType: { anchor: 'identity-credential-types', label: 'credential types' },
} as const;
const ANCHOR_OF: Readonly<Record<string, { anchor: string; label: string } | undefined>> = REF_ANCHORS;

export const paramId = (wireOrName: string) => `param-${wireOrName}`;
export const fieldId = (path: string) => `field-${path}`;

/** Short type text: `string`, `int64`, `string[]`, `object[]`, `object`, `JSON text`. */
export function typeLabel(node: TypeNode): string {
  switch (node.kind) {
    case 'json':
      return 'JSON text';
    case 'scalar':
      return node.enum?.length ? `${node.type} (enum)` : node.type;
    case 'array':
      return node.items.kind === 'scalar' ? `${typeLabel(node.items)}[]`.replace(' (enum)[]', '[] (enum)') : `${typeLabel(node.items)}[]`;
    case 'object':
      return node.wrapper ? 'object (list wrapper)' : 'object';
  }
}

const refOf = (node: TypeNode): string | undefined =>
  node.kind === 'scalar' ? node.ref : node.kind === 'array' ? refOf(node.items) : undefined;
const typeRef = (node: TypeNode) => {
  const ref = refOf(node);
  return ref ? ANCHOR_OF[ref] : undefined;
};

const STYLE_NOTE: Record<Param['style'], string> = {
  scalar: '',
  repeatList: ' — repeat list',
  objectList: ' — list of objects',
  json: '',
};

export function paramRows(a: Action): ParamRow[] {
  const rows: ParamRow[] = [];
  for (const p of a.params) {
    rows.push({
      id: paramId(p.name),
      wireName: p.wireName,
      name: p.name,
      type: typeLabel(p.type) + STYLE_NOTE[p.style],
      required: p.required,
      docs: p.docs,
      depth: 0,
      param: p,
      typeRef: typeRef(p.type),
    });
    if (p.style === 'objectList' && p.type.kind === 'array' && p.type.items.kind === 'object') {
      for (const f of p.type.items.fields) {
        const wireName = `${p.name}.N.${f.name}`;
        rows.push({
          id: paramId(wireName),
          wireName,
          name: f.name,
          type: typeLabel(f.type),
          required: f.required,
          docs: f.docs,
          depth: 1,
          param: p,
          typeRef: typeRef(f.type),
        });
      }
    }
  }
  return rows;
}

/** The response as a tree; arrays of objects show their item fields as children. */
export function responseTree(a: Action): FieldNode[] {
  const walk = (fields: Field[], prefix: string): FieldNode[] =>
    fields.map((f) => {
      const path = prefix ? `${prefix}.${f.name}` : f.name;
      const inner = f.type.kind === 'array' ? f.type.items : f.type;
      return {
        id: fieldId(path),
        name: f.name,
        path,
        type: typeLabel(f.type),
        docs: f.docs,
        children: inner.kind === 'object' ? walk(inner.fields, path) : [],
        typeRef: typeRef(f.type),
      };
    });
  return walk(a.response.fields, '');
}

/** A value as the docs print it: strings bare, everything else as JSON. */
export const valueText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** `1 to 10`, `≥ 1`, `≤ 100`, or undefined. */
export function rangeText(d: Docs): string | undefined {
  if (d.minimum !== undefined && d.maximum !== undefined) return `${d.minimum} to ${d.maximum}`;
  if (d.minimum !== undefined) return `≥ ${d.minimum}`;
  if (d.maximum !== undefined) return `≤ ${d.maximum}`;
  return undefined;
}

export const paragraphs = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** First paragraph's first sentence of a description (English or Chinese), for search and lists. */
export function firstSentence(text: string): string {
  const first = paragraphs(text)[0] ?? '';
  const end = /。|\.(?=\s|$)/.exec(first);
  return end ? first.slice(0, end.index + 1) : first;
}

/** Every erratum of the Action: its own, then its parameters' (and list fields'), then response fields'. */
export function errataOf(a: Action): ErratumItem[] {
  const items: ErratumItem[] = a.errata.map((e) => ({ ...e }));
  for (const row of paramRows(a)) {
    for (const e of row.docs.errata ?? []) items.push({ ...e, target: { label: row.wireName, id: row.id } });
  }
  const walk = (nodes: FieldNode[]) => {
    for (const n of nodes) {
      for (const e of n.docs.errata ?? []) items.push({ ...e, target: { label: n.path, id: n.id } });
      walk(n.children);
    }
  };
  walk(responseTree(a));
  return items;
}

// ---- TypeScript example -------------------------------------------------------------------

const IDENT = /^[A-Za-z_$][\w$]*$/;
const tsString = (s: string) => `'${JSON.stringify(s).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
const tsKey = (k: string) => (IDENT.test(k) ? k : tsString(k));

/** A JavaScript literal, inline when short, one entry per line otherwise. */
export function tsLiteral(v: unknown, indent = ''): string {
  if (typeof v === 'string') return tsString(v);
  if (v === null || typeof v !== 'object') return String(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    const items = v.map((x) => tsLiteral(x, inner));
    const flat = `[${items.join(', ')}]`;
    return flat.length <= 60 && !flat.includes('\n') ? flat : `[\n${items.map((i) => inner + i).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${tsKey(k)}: ${tsLiteral(x, inner)}`);
  if (!entries.length) return '{}';
  const flat = `{ ${entries.join(', ')} }`;
  return flat.length <= 60 && !flat.includes('\n') ? flat : `{\n${entries.map((e) => inner + e).join(',\n')},\n${indent}}`;
}

/** The example value a required parameter gets in the TypeScript example. */
function exampleValue(p: Param): unknown {
  const v = p.docs.example;
  if (p.style === 'repeatList' && !Array.isArray(v)) return v === undefined ? [] : [v];
  if (p.style === 'objectList' && !Array.isArray(v)) return v === undefined ? [] : [v];
  if (v === undefined) return p.type.kind === 'scalar' && p.type.type !== 'string' ? 0 : '';
  return v;
}

/** A short program calling the Action with the client, using the required parameters' examples. */
export function tsExample(model: Model, a: Action): string {
  let shown = a.params.filter((p) => p.required);
  const { client } = model.product;
  const lines = [`import { ${client} } from '@alidomain/client';`, '', `const client = new ${client}();`];
  // Nothing required: show one optional parameter, so that the call still says something.
  // A list or JSON parameter first, since its wire form is the less obvious.
  const candidates = a.params.filter((p) => p.docs.example !== undefined && p.name !== 'Lang');
  const optional = shown.length ? undefined : (candidates.find((p) => p.style !== 'scalar') ?? candidates[0]);
  if (optional) shown = [optional];
  if (!shown.length) {
    lines.push(`const res = await client.${a.method}();`);
  } else {
    lines.push(`const res = await client.${a.method}({`);
    if (optional) lines.push('  // Every parameter is optional; for example:');
    for (const p of shown) {
      const value = exampleValue(p);
      if (p.style === 'repeatList' || p.style === 'objectList') lines.push(`  // On the wire: ${wireForm(p, value)}`);
      if (p.style === 'json') lines.push('  // Sent as JSON text: pass the text, or the value to serialise.');
      lines.push(`  ${tsKey(p.name)}: ${tsLiteral(value, '  ')},`);
    }
    lines.push('});');
  }
  lines.push('console.log(res.RequestId);');
  return lines.join('\n');
}

/** For paged Actions, iterating over every item with the generated paginator. */
export function tsPagingExample(model: Model, a: Action): string | undefined {
  if (!a.paging) return undefined;
  const required = a.params.filter((p) => p.required && !a.paging!.driven.includes(p.name));
  const input = required.length ? `, ${tsLiteral(Object.fromEntries(required.map((p) => [p.name, exampleValue(p)])))}` : '';
  return [
    `import { ${model.product.client}, paginate${a.name} } from '@alidomain/client';`,
    '',
    `const client = new ${model.product.client}();`,
    `for await (const item of paginate${a.name}(client${input})) {`,
    '  console.log(item);',
    '}',
  ].join('\n');
}

/** The document's JSON example as text (it may be text already when it does not parse). */
export const jsonExampleText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** Common error catalogue rows, in model order. */
export const errorRows = (model: Model) =>
  model.errors.map((e) => ({ ...e, status: e.httpStatus === undefined ? '—' : String(e.httpStatus) }));

/** Short English name of a group, from its description (`Registrant profiles (信息模板接口): …`). */
export function groupLabel(g: Model['groups'][number]): string | undefined {
  const m = /^([^(:]+?)\s*\(/.exec(g.description ?? '');
  return m ? m[1] : undefined;
}

export const groupAnchor = (index: number) => `group-${index + 1}`;
