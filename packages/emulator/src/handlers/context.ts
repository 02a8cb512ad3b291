// What a stateful Action's handler gets, and the helpers that turn records into bodies shaped like
// the Action's sample (so every field the schema lists is there, typed as it says).
import type { EmulatedAction } from '../action.js';
import { apiError } from '../errors.js';
import type { Domain } from '../state/records.js';
import type { EmulatorState } from '../state/store.js';
import type { Input } from '../wire/input.js';

export interface Call {
  readonly action: string;
  readonly meta: EmulatedAction;
  /** The validated input: wire base names as keys, lists as arrays, numbers and booleans typed. */
  readonly input: Input;
  readonly state: EmulatorState;
  /** The request's time (epoch ms): every handler reads the clock once, through this. */
  readonly now: number;
  readonly accessKeyId: string;
  readonly clientIp: string;
  /** How long a task detail waits, and then executes (ms each). */
  readonly taskStepMs: number;
}

/** A handler returns the success body (RequestId is added) or throws an ApiError. */
export type Handler = (call: Call) => Record<string, unknown>;

export type Handlers = Readonly<Record<string, Handler>>;

type Obj = Record<string, unknown>;

/** The account's domain `name`, or InvalidParameter naming `param`: the emulator refuses the whole request. */
export function domainNamed(call: Call, name: string, param: string): Domain {
  const d = call.state.domain(name);
  if (d === undefined) throw apiError('InvalidParameter', param, `The domain name ${name} is not in this account.`);
  return d;
}

/** The account's domain with instance `id`, or InvalidParameter naming `param`. */
export function domainOfInstance(call: Call, id: string, param = 'InstanceId'): Domain {
  const d = call.state.data.domains.find((x) => x.InstanceId === id);
  if (d === undefined) throw apiError('InvalidParameter', param, `No domain of this account has the instance id ${id}.`);
  return d;
}

/** The group every domain outside a group is listed under (the document's examples: -1, 未分组). */
export const UNGROUPED = { DomainGroupId: '-1', DomainGroupName: '未分组' } as const;

const clone = <T>(v: T): T => structuredClone(v);

/** The sample's values, overlaid with `fields` (only the fields the sample has; undefined ones are dropped). */
export function shaped(template: unknown, fields: Obj): Obj {
  if (template === null || typeof template !== 'object') return {};
  // Copied one level deep; a nested value is cloned only when it is kept (CheckDomain's answer,
  // the hot path, has none).
  const base: Obj = {};
  for (const [k, t] of Object.entries(template as Obj)) {
    const v = fields[k];
    base[k] = v !== undefined ? v : t !== null && typeof t === 'object' ? clone(t) : t;
  }
  return base;
}

/** The sample item of the list at `path` (`['Data', 'Domain']`). */
export function itemTemplate(sample: Obj, path: readonly string[]): unknown {
  let at: unknown = sample;
  for (const key of path) at = (at as Obj | undefined)?.[key];
  return Array.isArray(at) ? at[0] : undefined;
}

/** The sample with the list at `path` replaced by `items`. */
export function withItems(sample: Obj, path: readonly string[], items: unknown[]): Obj {
  const body = clone(sample);
  let at: Obj = body;
  for (const key of path.slice(0, -1)) at = at[key] as Obj;
  at[path.at(-1)!] = items;
  return body;
}

/**
 * One page of `rows` as the API pages (PageNum from 1, PageSize items): the body carries
 * CurrentPageNum, PageSize, TotalItemNum, TotalPageNum, PrePage and NextPage where the Action's
 * response has them.
 */
export function paged(call: Call, rows: readonly Obj[], path = call.meta.paging?.items ?? []): Obj {
  const pageNum = Math.max(1, Number(call.input.PageNum ?? 1));
  const pageSize = Math.max(1, Number(call.input.PageSize ?? 10));
  const total = rows.length;
  const pages = Math.ceil(total / pageSize);
  const template = itemTemplate(call.meta.sample, path);
  const items = rows.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((r) => shaped(template, r));
  const body = withItems(call.meta.sample, path, items);
  return shaped(body, {
    CurrentPageNum: pageNum,
    PageSize: pageSize,
    TotalItemNum: total,
    TotalPageNum: pages,
    PrePage: pageNum > 1,
    NextPage: pageNum < pages,
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2018-01-25 20:46:57` (UTC), the form task and profile times take. */
export function dateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 02,2019 04:00:45` (UTC), the form domain lists give dates in. */
export function listDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())},${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
