// Walks the pages of a paged Action and yields its items. Generated paginators
// (paginateQueryDomainList, …) call these with the Action's metadata and item path.
import type { ActionMeta, DomainClientCore, SendOptions } from '@alidomain/core';

export interface PageConfig {
  /** Response path to the item array, e.g. ['Data', 'Domain']. */
  items: readonly string[];
  /** Response flag that tells whether another page follows. */
  hasNext?: string;
  /** Response field with the number of pages, used when there is no `hasNext` flag. */
  total?: string;
}

export interface CursorConfig extends PageConfig {
  /** Request parameter → field of the response's NextPageCursor that gives its next value. */
  cursors: Readonly<Record<string, string>>;
}

function dig(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) v = v == null ? undefined : (v as Record<string, unknown>)[key];
  return v;
}

/** `PageNum`/`PageSize` paging: pages from the given PageNum (default 1) until the last. */
export async function* paginatePages<I, O, T>(
  client: DomainClientCore,
  meta: ActionMeta,
  input: I,
  config: PageConfig,
  options?: SendOptions,
): AsyncGenerator<T, void, undefined> {
  let page = Number((input as { PageNum?: number | string }).PageNum ?? 1);
  for (;;) {
    const out = await client.send<I, O>(meta, { ...input, PageNum: page }, options);
    const items = (dig(out, config.items) as T[] | undefined) ?? [];
    yield* items;
    if (items.length === 0 || !hasMore(out, page, config)) return;
    page++;
  }
}

function hasMore(out: unknown, page: number, config: PageConfig): boolean {
  const body = out as Record<string, unknown>;
  if (config.hasNext && typeof body[config.hasNext] === 'boolean') return body[config.hasNext] as boolean;
  if (config.total === undefined) return false;
  const total = Number(body[config.total]);
  return Number.isFinite(total) ? page < total : false;
}

/**
 * ScrollDomainList's form: each response carries the ScrollId of the next request. The opening
 * call (no ScrollId) returns a ScrollId and no rows ("此时接口会返回scrollId，并不返回数据"), so an
 * empty page ends the walk only after it; a missing or unchanged ScrollId ends it always.
 */
export async function* paginateScroll<I, O, T>(
  client: DomainClientCore,
  meta: ActionMeta,
  input: I,
  config: PageConfig,
  options?: SendOptions,
): AsyncGenerator<T, void, undefined> {
  let scrollId = (input as { ScrollId?: string }).ScrollId;
  for (;;) {
    const out = await client.send<I, O>(meta, { ...input, ScrollId: scrollId }, options);
    const items = (dig(out, config.items) as T[] | undefined) ?? [];
    yield* items;
    const next = (out as { ScrollId?: string }).ScrollId;
    const opening = scrollId === undefined;
    if ((items.length === 0 && !opening) || !next || next === scrollId) return;
    scrollId = next;
  }
}

/**
 * Cursor paging (QueryTaskDetailHistory, QueryTaskInfoHistory): each response's NextPageCursor
 * gives the `…Cursor` parameters of the next request. Ends on an empty page, a missing
 * NextPageCursor, or a cursor that does not move.
 */
export async function* paginateCursor<I, O, T>(
  client: DomainClientCore,
  meta: ActionMeta,
  input: I,
  config: CursorConfig,
  options?: SendOptions,
): AsyncGenerator<T, void, undefined> {
  let request = input;
  for (;;) {
    const out = await client.send<I, O>(meta, request, options);
    const items = (dig(out, config.items) as T[] | undefined) ?? [];
    yield* items;
    const next = (out as { NextPageCursor?: Record<string, unknown> | null }).NextPageCursor;
    if (items.length === 0 || next == null) return;
    const cursor: Record<string, unknown> = {};
    let moved = false;
    for (const [param, field] of Object.entries(config.cursors)) {
      const value = next[field];
      if (value === undefined || value === null || value === '') return;
      cursor[param] = value;
      if (value !== (request as Record<string, unknown>)[param]) moved = true;
    }
    if (!moved) return;
    request = { ...request, ...cursor };
  }
}
