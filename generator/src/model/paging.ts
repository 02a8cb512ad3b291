// Which Actions page, and how: the facts the paginators (client) and the docs need, decided here.
import type { Action, Paging, TypeNode } from '../model.js';

/**
 * Paged Actions: `PageNum`/`PageSize` in, one item list out; or `ScrollDomainList`'s
 * `ScrollId` form; or cursor paging. The item list is the response's one array of objects
 * (inside its wire wrapper).
 */
export function paging(a: Omit<Action, 'paging'>): Paging | undefined {
  const names = new Set(a.params.map((p) => p.name));
  const items = itemPath(a.response);
  if (!items) return undefined;
  const field = (name: string) => (a.response.fields.some((f) => f.name === name) ? name : undefined);
  if (names.has('PageNum') && names.has('PageSize')) {
    const hasNext = field('NextPage');
    const total = field('TotalPageNum');
    return { kind: 'page', items, driven: ['PageNum'], ...(hasNext ? { hasNext } : {}), ...(total ? { total } : {}) };
  }
  if (names.has('ScrollId') && field('ScrollId')) return { kind: 'scroll', items, driven: ['ScrollId'] };
  const cursors = cursorFields(a);
  if (cursors) return { kind: 'cursor', items, driven: Object.keys(cursors), cursors };
  return undefined;
}

/**
 * QueryTaskDetailHistory / QueryTaskInfoHistory page with `<Field>Cursor` parameters, filled from
 * the response's NextPageCursor ("翻页时传入对应页游标中的…"). A cursor takes the field of the same
 * name and type; CreateTimeCursor (int64) takes CreateTimeLong, NextPageCursor's CreateTime being a
 * formatted date. Any cursor without a matching field means no paginator.
 */
function cursorFields(a: Omit<Action, 'paging'>): Record<string, string> | undefined {
  const next = a.response.fields.find((f) => f.name === 'NextPageCursor')?.type;
  const params = a.params.filter((p) => p.name.endsWith('Cursor'));
  if (next?.kind !== 'object' || params.length === 0) return undefined;
  const cursors: Record<string, string> = {};
  for (const p of params) {
    const base = p.name.slice(0, -'Cursor'.length);
    const field = [base, `${base}Long`]
      .map((n) => next.fields.find((f) => f.name === n))
      .find((f) => f?.type.kind === 'scalar' && p.type.kind === 'scalar' && f.type.type === p.type.type);
    if (field === undefined) return undefined;
    cursors[p.name] = field.name;
  }
  return cursors;
}

function itemPath(node: TypeNode, path: string[] = []): string[] | undefined {
  if (node.kind === 'array') return node.items.kind === 'object' ? path : undefined;
  if (node.kind !== 'object') return undefined;
  const found = node.fields.map((f) => itemPath(f.type, [...path, f.name])).filter((p): p is string[] => p !== undefined);
  return found.length === 1 ? found[0] : undefined;
}
