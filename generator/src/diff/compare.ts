// Compares two models (generator/src/model.ts), not two OpenAPI documents: the changes are
// stated in the generated client's terms (Actions, input parameters with their wire style,
// response fields, retry class, paginators), and the model stays the only reader of the spec.
// rules.ts classifies what this finds.
import type { Action, Docs, Field, JsonSchema, Model, Param, Paging, TypeNode } from '../model.js';
import { CLASSES, RULES, bumpFor, type Bump, type ChangeClass, type ChangeKind } from './rules.js';

export interface Change {
  class: ChangeClass;
  kind: ChangeKind;
  /** The Action's name; empty for spec-wide changes (API version, error catalogue). */
  action: string;
  /** What changed inside the Action: `DomainName`, `Tag[].Key` (input), `Data.Domain[].DomainName` (response); empty for the Action itself. */
  target: string;
  detail: string;
}

export interface Diff {
  changes: Change[];
  bump: Bump;
}

type Direction = 'request' | 'response';
type Emit = (kind: ChangeKind, target: string, detail: string) => void;

export function diffModels(before: Model, after: Model): Diff {
  const changes: Change[] = [];
  const emitFor =
    (action: string): Emit =>
    (kind, target, detail) =>
      changes.push({ class: RULES[kind].class, kind, action, target, detail });
  const spec = emitFor('');

  if (before.version !== after.version) spec('api-version-changed', 'info.version', `${before.version} → ${after.version}`);
  const [was, is] = [before.product, after.product];
  if (was.client !== is.client) spec('client-renamed', 'x-alidomain-product.client', `${was.client} → ${is.client}`);
  if (was.endpoint !== is.endpoint) spec('endpoint-changed', 'servers[0].url', `${was.endpoint} → ${is.endpoint}`);
  if (was.name !== is.name) spec('product-renamed', 'x-alidomain-product.name', `${was.name} → ${is.name}`);
  compareErrors(before, after, spec);

  const old = new Map(before.actions.map((a) => [a.name, a]));
  const now = new Map(after.actions.map((a) => [a.name, a]));
  for (const [name, a] of old) if (!now.has(name)) emitFor(name)('action-removed', '', `${a.httpMethod} ${a.method}()`);
  for (const [name, b] of now) {
    const a = old.get(name);
    if (a) compareAction(a, b, emitFor(name));
    else emitFor(name)('action-added', '', `${b.httpMethod} ${b.method}(), ${b.retry}`);
  }
  const sorted = sortChanges(changes);
  return { changes: sorted, bump: bumpFor(sorted.map((c) => c.class)) };
}

/** Class (breaking first), then Action, target, kind and detail: the same changes always print alike. */
function sortChanges(changes: Change[]): Change[] {
  const rank = (c: Change) => CLASSES.indexOf(c.class);
  const text = (c: Change) => [c.action, c.target, c.kind, c.detail];
  return [...changes].sort((x, y) => {
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    const [a, b] = [text(x), text(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  });
}

function compareErrors(before: Model, after: Model, emit: Emit) {
  const now = new Map(after.errors.map((e) => [e.code, e]));
  const old = new Map(before.errors.map((e) => [e.code, e]));
  for (const code of old.keys()) if (!now.has(code)) emit('error-code-removed', code, 'removed from CommonErrorCode');
  for (const [code, e] of now) {
    const was = old.get(code);
    if (!was) emit('error-code-added', code, 'added to CommonErrorCode');
    else {
      const fields = changedKeys(was, e, ['message', 'description', 'httpStatus']);
      if (fields.length) emit('error-code-docs-changed', code, `${fields.join(', ')} changed`);
    }
  }
}

function compareAction(a: Action, b: Action, emit: Emit) {
  if (a.httpMethod !== b.httpMethod) emit('method-changed', '', `${a.httpMethod} → ${b.httpMethod}`);
  if (a.retry !== b.retry) {
    const kind = b.retry === 'unsafe' ? 'retry-became-unsafe' : a.retry === 'unsafe' ? 'retry-became-retryable' : 'retry-class-changed';
    emit(kind, '', `${a.retry} → ${b.retry}`);
  }
  comparePaging(a.paging, b.paging, emit);
  compareParams(a.params, b.params, emit);
  compareLimits(a, b, emit);
  compareFields('response', '', a.response, b.response, emit);
  const docs = changedKeys(a, b, ['summary', 'description', 'group', 'section', 'examples', 'errata', 'retryReason', 'methodEvidence']);
  if (docs.length) emit('action-docs-changed', '', `${docs.join(', ')} changed`);
}

function comparePaging(a: Paging | undefined, b: Paging | undefined, emit: Emit) {
  if (!a && !b) return;
  if (!a) emit('paginator-added', '', `${b!.kind} paging over ${b!.items.join('.')}`);
  else if (!b) emit('paginator-removed', '', `${a.kind} paging over ${a.items.join('.')}`);
  else if (!same(a, b)) emit('paginator-changed', '', `${describePaging(a)} → ${describePaging(b)}`);
}

function describePaging(p: Paging): string {
  const extra = [p.hasNext && `hasNext ${p.hasNext}`, p.total && `total ${p.total}`].filter(Boolean).join(', ');
  return `${p.kind} paging over ${p.items.join('.')} driven by ${p.driven.join(', ')}${extra ? ` (${extra})` : ''}`;
}

function compareParams(before: Param[], after: Param[], emit: Emit) {
  const old = new Map(before.map((p) => [p.name, p]));
  const now = new Map(after.map((p) => [p.name, p]));
  for (const [name, p] of old) if (!now.has(name)) emit('param-removed', name, `${requiredness(p)} ${typeName(p.type)}`);
  for (const [name, q] of now) {
    const p = old.get(name);
    if (!p) {
      emit(q.required ? 'param-added-required' : 'param-added-optional', name, `${typeName(q.type)}, ${q.style}`);
      continue;
    }
    // A new style brings a new input type with it (string[] for repeatList, any JSON for json): one change, not two.
    const restyled = p.style !== q.style;
    if (restyled) emit('param-style-changed', name, `${p.style} → ${q.style} (${p.wireName} → ${q.wireName})`);
    else if (p.wireName !== q.wireName) emit('param-wire-name-changed', name, `${p.wireName} → ${q.wireName}`);
    if (p.location !== q.location) emit('param-location-changed', name, `${p.location} → ${q.location}`);
    if (!same(p.docs.default, q.docs.default)) emit('param-default-changed', name, `${show(p.docs.default)} → ${show(q.docs.default)}`);
    compareField('request', name, p, restyled ? { ...q, type: p.type } : q, emit);
  }
}

/** Required-ness, type (recursively) and docs of one parameter or field at `path`. */
function compareField(dir: Direction, path: string, a: Field, b: Field, emit: Emit) {
  if (a.required !== b.required) {
    const kind =
      dir === 'request'
        ? b.required
          ? 'param-became-required'
          : 'param-became-optional'
        : b.required
          ? 'field-became-required'
          : 'field-became-optional';
    emit(kind, path, `${requiredness(a)} → ${requiredness(b)}`);
  }
  compareType(dir, path, a.type, b.type, emit);
  const docs = changedKeys(withMeanings(a, b), withMeanings(b, a), docKeys(dir));
  if (docs.length) emit(dir === 'request' ? 'param-docs-changed' : 'field-docs-changed', path, `${docs.join(', ')} changed`);
}

/**
 * The field's docs with `values` cut to the meanings of the values both sides list: an added or
 * removed value is an enum change already, not a docs one too.
 */
function withMeanings(f: Field, other: Field): Docs {
  const common = (f.docs.values ?? []).filter((v) => other.docs.values?.some((w) => w.value === v.value));
  return { ...f.docs, values: common };
}

// A request default is a behaviour (param-default-changed) and a request range a validation limit
// (compareLimits); in a response both are docs lines.
const docKeys = (dir: Direction): (keyof Docs)[] =>
  dir === 'request'
    ? ['description', 'values', 'example', 'errata']
    : ['description', 'values', 'default', 'example', 'minimum', 'maximum', 'errata'];

const LOWER = ['minimum', 'minLength', 'minItems'];
const UPPER = ['maximum', 'maxLength', 'maxItems'];

/**
 * The request limits the validators enforce, which the type nodes do not carry: read from the
 * model's request JSON Schemas, for the parameters whose type stayed (a new type is its own change).
 */
function compareLimits(a: Action, b: Action, emit: Emit) {
  const props = (x: Action) => (x.schemas.request.properties ?? {}) as Record<string, JsonSchema>;
  for (const p of a.params) {
    const q = b.params.find((x) => x.name === p.name);
    if (q?.style === p.style && typeName(p.type) === typeName(q.type)) walkLimits(p.name, props(a)[p.name], props(b)[p.name], emit);
  }
}

function walkLimits(path: string, a: JsonSchema | undefined, b: JsonSchema | undefined, emit: Emit) {
  if (!a || !b) return;
  for (const key of [...LOWER, ...UPPER]) {
    const [x, y] = [a[key] as number | undefined, b[key] as number | undefined];
    if (x === y) continue;
    // A bound that appears, or moves inwards, narrows what is accepted.
    const tightened = x === undefined || (y !== undefined && (LOWER.includes(key) ? y > x : y < x));
    emit(tightened ? 'param-limit-tightened' : 'param-limit-loosened', path, `${key} ${show(x)} → ${show(y)}`);
  }
  walkLimits(`${path}[]`, a.items as JsonSchema | undefined, b.items as JsonSchema | undefined, emit);
  const [pa, pb] = [a.properties, b.properties] as (Record<string, JsonSchema> | undefined)[];
  for (const key of Object.keys(pa ?? {})) walkLimits(`${path}.${key}`, pa?.[key], pb?.[key], emit);
}

function compareType(dir: Direction, path: string, a: TypeNode, b: TypeNode, emit: Emit) {
  const prefix = dir === 'request' ? 'param' : 'field';
  if (a.kind !== b.kind || (a.kind === 'scalar' && b.kind === 'scalar' && a.type !== b.type)) {
    emit(`${prefix}-type-changed`, path, `${typeName(a)} → ${typeName(b)}`);
    return;
  }
  if (a.kind === 'scalar' && b.kind === 'scalar') compareEnum(dir, path, a.enum, b.enum, emit);
  else if (a.kind === 'array' && b.kind === 'array') compareType(dir, `${path}[]`, a.items, b.items, emit);
  else if (a.kind === 'object' && b.kind === 'object') compareFields(dir, path, a, b, emit);
}

function compareEnum(dir: Direction, path: string, a: ScalarNode['enum'], b: ScalarNode['enum'], emit: Emit) {
  const prefix = dir === 'request' ? 'param' : 'field';
  if (!a?.length && !b?.length) return;
  if (!a?.length) emit(`${prefix}-enum-added`, path, `values ${b!.map(show).join(', ')}`);
  else if (!b?.length) emit(`${prefix}-enum-dropped`, path, `was ${a.map(show).join(', ')}`);
  else {
    for (const v of a) if (!b.includes(v)) emit(`${prefix}-enum-value-removed`, path, `value ${show(v)}`);
    for (const v of b) if (!a.includes(v)) emit(`${prefix}-enum-value-added`, path, `value ${show(v)}`);
  }
}

type ObjectNode = Extract<TypeNode, { kind: 'object' }>;
type ScalarNode = Extract<TypeNode, { kind: 'scalar' }>;

function compareFields(dir: Direction, path: string, a: ObjectNode, b: ObjectNode, emit: Emit) {
  const target = (name: string) => (path ? `${path}.${name}` : name);
  const rewrapped = dir === 'response' && a.wrapper !== b.wrapper;
  if (rewrapped) emit('list-wrapper-changed', path, `${a.wrapper ?? 'no wrapper'} → ${b.wrapper ?? 'no wrapper'}`);
  // The model describes a wrapper's one field itself; that text follows the wrapper, it is no docs change of its own.
  const wrapped = (name: string) => rewrapped && (name === a.wrapper || name === b.wrapper);
  const old = new Map(a.fields.map((f) => [f.name, f]));
  const now = new Map(b.fields.map((f) => [f.name, f]));
  for (const [name, f] of old)
    if (!now.has(name)) emit(dir === 'request' ? 'param-removed' : 'field-removed', target(name), `${requiredness(f)} ${typeName(f.type)}`);
  for (const [name, g] of now) {
    const f = old.get(name);
    if (f) compareField(dir, target(name), f, wrapped(name) ? { ...g, docs: f.docs } : g, emit);
    else if (dir === 'request') emit(g.required ? 'param-added-required' : 'param-added-optional', target(name), typeName(g.type));
    else emit('field-added', target(name), `${requiredness(g)} ${typeName(g.type)}`);
  }
}

const requiredness = (f: { required: boolean }) => (f.required ? 'required' : 'optional');

/** The type as a word: `int32`, `string[]`, `object`, `json`. */
function typeName(t: TypeNode): string {
  switch (t.kind) {
    case 'scalar':
      return t.type;
    case 'array':
      return `${typeName(t.items)}[]`;
    case 'object':
      return t.wrapper ? `list (${t.wrapper})` : 'object';
    case 'json':
      return 'JSON text';
  }
}

const show = (v: unknown) => (v === undefined ? 'none' : JSON.stringify(v));

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedKeys<T extends object>(a: T, b: T, keys: readonly (keyof T)[]): string[] {
  return keys.filter((k) => !same(a[k], b[k])).map(String);
}
