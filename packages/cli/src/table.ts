// `--output table`: the items of a list result as aligned columns, one row per item. Columns are
// the items' keys in first-seen order; nested values are shown as compact JSON.
import type { Shape } from '@alidomain/core';
import { toJson } from './terminal.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a response of this shape holds a list of objects: a table can show it. */
export function hasList(shape: Shape): boolean {
  if (typeof shape === 'string') return false;
  if (shape.kind === 'list' || shape.kind === 'array') return typeof shape.items !== 'string' || hasList(shape.items);
  return Object.values(shape.fields).some(hasList);
}

/** The list in a response: at `path` when the Action is paged, else its one array of objects. */
export function listIn(value: unknown, path?: readonly string[]): unknown[] | undefined {
  if (path) {
    let at: unknown = value;
    for (const key of path) at = isObject(at) ? at[key] : undefined;
    return Array.isArray(at) ? at : path.length ? [] : undefined;
  }
  const found: unknown[][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      if (v.length === 0 || v.some(isObject)) found.push(v);
    } else if (isObject(v)) Object.values(v).forEach(walk);
  };
  walk(value);
  return found.length === 1 ? found[0] : undefined;
}

const cell = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : toJson(v)).replace(/\s+/g, ' ');

// East Asian wide and fullwidth characters take two columns of a terminal.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
const width = (s: string) => s.length + (s.match(WIDE)?.length ?? 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** The rows as text: a header, a rule and one line per item. */
export function renderTable(items: readonly unknown[]): string {
  if (items.length === 0) return '(no items)';
  const columns: string[] = [];
  for (const item of items) for (const key of isObject(item) ? Object.keys(item) : ['value']) if (!columns.includes(key)) columns.push(key);
  const rows = items.map((item) => columns.map((c) => cell(isObject(item) ? item[c] : item)));
  const widths = columns.map((c, i) => Math.max(width(c), ...rows.map((r) => width(r[i]!))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
