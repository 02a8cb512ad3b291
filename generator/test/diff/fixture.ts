// The spec:diff fixtures: base.yaml, and the one-change JSON Patches of changes.yaml applied to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { loadSpec } from '../../src/load.js';
import type { Document } from '../../src/openapi.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'diff');
export const BASE = join(FIXTURES, 'base.yaml');

type Op = { op: 'add' | 'remove' | 'replace'; path: string; value?: unknown } | { op: 'move'; from: string; path: string };

const patches = YAML.parse(readFileSync(join(FIXTURES, 'changes.yaml'), 'utf8')) as Record<string, Op[]>;

export const base = (): Document => loadSpec(BASE).document;

/** base.yaml with the named patches of changes.yaml applied, in order. */
export function changed(...names: string[]): Document {
  const ops = names.flatMap((name) => patches[name] ?? fail(`changes.yaml: no patch ${name}`));
  const doc = base() as unknown as Record<string, unknown>;
  for (const op of ops) {
    if (op.op === 'move') {
      const value = at(doc, op.from);
      remove(doc, op.from);
      add(doc, op.path, value);
    } else if (op.op === 'remove') remove(doc, op.path);
    else if (op.op === 'replace') {
      at(doc, op.path);
      add(doc, op.path, op.value, true);
    } else add(doc, op.path, op.value);
  }
  return doc as unknown as Document;
}

function fail(message: string): never {
  throw new Error(message);
}

export const patchNames = () => Object.keys(patches);

// RFC 6901 pointers: `/a/b~1c` is a → "b/c"; `-` appends to an array.
const tokens = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));

function parentOf(doc: unknown, pointer: string): [any, string] {
  const keys = tokens(pointer);
  const last = keys.pop()!;
  let node: any = doc;
  for (const k of keys) {
    node = node?.[k];
    if (node === undefined) throw new Error(`patch: no ${pointer}`);
  }
  return [node, last];
}

function at(doc: unknown, pointer: string): unknown {
  const [parent, key] = parentOf(doc, pointer);
  if (!(key in parent)) throw new Error(`patch: no ${pointer}`);
  return parent[key];
}

function add(doc: unknown, pointer: string, value: unknown, replace = false) {
  const [parent, key] = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), replace ? 1 : 0, value);
  else parent[key] = value;
}

function remove(doc: unknown, pointer: string) {
  const [parent, key] = parentOf(doc, pointer);
  if (!(key in parent)) throw new Error(`patch: no ${pointer}`);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else Reflect.deleteProperty(parent, key);
}
