// Handlers of the domain queries: QueryDomainList, QueryAdvancedDomainList, ScrollDomainList,
// QueryDomainByDomainName and QueryDomainByInstanceId, all read from the state's Domain records.
import { deflateSync, inflateSync } from 'node:zlib';
import { apiError } from '../errors.js';
import type { Domain } from '../state/records.js';
import { DAY } from '../state/store.js';
import {
  dateTime,
  domainNamed,
  domainOfInstance,
  itemTemplate,
  listDate,
  paged,
  shaped,
  UNGROUPED,
  withItems,
  type Call,
  type Handlers,
} from './context.js';

type Row = Record<string, unknown>;

/** Days before expiry from which a domain is listed as needing renewal (DomainStatus 1). */
const RENEWAL_WINDOW_DAYS = 30;

const GTLDS = new Set([
  'com',
  'net',
  'org',
  'info',
  'biz',
  'name',
  'mobi',
  'pro',
  'asia',
  'tel',
  'travel',
  'jobs',
  'aero',
  'cat',
  'coop',
  'museum',
]);

/** New gTLD, gTLD or ccTLD (two-letter suffixes and 中国 are country codes). */
export function domainType(name: string): 'New gTLD' | 'gTLD' | 'ccTLD' {
  const tld = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (GTLDS.has(tld)) return 'gTLD';
  if (/^[a-z]{2}$/.test(tld) || tld === '中国' || tld === 'xn--fiqs8s') return 'ccTLD';
  return 'New gTLD';
}

/** The name without its suffix: `example-shop` of `example-shop.com.cn`. */
const labelOf = (name: string) => name.split('.')[0] ?? name;

/** DomainStatus: 1 needs renewal (within 30 days of expiry), 2 needs redemption (expired), 3 normal. */
export function domainStatus(d: Domain, now: number): '1' | '2' | '3' {
  if (d.ExpirationDate < now) return '2';
  if (d.ExpirationDate - now <= RENEWAL_WINDOW_DAYS * DAY) return '1';
  return '3';
}

/** What a domain's row says, whatever the Action: its dates as epoch ms, formatting left to the caller. */
function facts(call: Call, d: Domain): Row {
  const profile = d.RegistrantProfileId === undefined ? undefined : call.state.profile(d.RegistrantProfileId);
  const group = d.DomainGroupId === undefined ? undefined : call.state.data.groups.find((g) => g.DomainGroupId === d.DomainGroupId);
  const expired = d.ExpirationDate < call.now;
  return {
    DomainName: d.DomainName,
    InstanceId: d.InstanceId,
    // A domain registered without a profile the state knows (a seed's) counts as verified.
    DomainAuditStatus: profile?.RealNameStatus ?? 'SUCCEED',
    RealNameStatus: profile?.RealNameStatus ?? 'SUCCEED',
    DomainGroupId: group?.DomainGroupId ?? UNGROUPED.DomainGroupId,
    DomainGroupName: group?.DomainGroupName ?? UNGROUPED.DomainGroupName,
    DomainStatus: domainStatus(d, call.now),
    DomainType: domainType(d.DomainName),
    ExpirationCurrDateDiff: Math.ceil((d.ExpirationDate - call.now) / DAY),
    ExpirationDateLong: d.ExpirationDate,
    ExpirationDateStatus: expired ? '2' : '1',
    Premium: d.Premium,
    RegistrantType: profile?.RegistrantType ?? d.RegistrantType,
    RegistrationDateLong: d.RegistrationDate,
    Remark: d.Remark,
    DnsList: { Dns: [...d.Dns] },
    Email: profile?.Email ?? '',
    EmailVerificationStatus: profile?.EmailVerificationStatus ?? 1,
    RegistrantName: profile?.RegistrantName ?? '',
    RegistrantOrganization: profile?.RegistrantOrganization ?? '',
    ZhRegistrantName: profile?.ZhRegistrantName ?? '',
    ZhRegistrantOrganization: profile?.ZhRegistrantOrganization ?? '',
    TransferProhibitionLock: d.TransferProhibitionLock,
    UpdateProhibitionLock: d.UpdateProhibitionLock,
  };
}

/** A row of QueryDomainList: dates as `Nov 02,2019 04:00:45`, as its sample gives them. */
const listRow = (call: Call, d: Domain): Row => ({
  ...facts(call, d),
  ExpirationDate: listDate(d.ExpirationDate),
  RegistrationDate: listDate(d.RegistrationDate),
});

/** A row of the other domain Actions: dates as `2019-04-09 17:07:03`, as their samples give them. */
const detailRow = (call: Call, d: Domain): Row => ({
  ...facts(call, d),
  ExpirationDate: dateTime(d.ExpirationDate),
  RegistrationDate: dateTime(d.RegistrationDate),
});

const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined;

/** `[start, end]` inclusive; `byDay` widens both ends to whole UTC days ("目前仅支持按天查询"). */
function within(value: number, start: unknown, end: unknown, byDay: boolean): boolean {
  const s = num(start);
  const e = num(end);
  if (s !== undefined && value < (byDay ? Math.floor(s / DAY) * DAY : s)) return false;
  if (e !== undefined && value > (byDay ? Math.floor(e / DAY) * DAY + DAY - 1 : e)) return false;
  return true;
}

/** Whether `d` is listed in group `id` (any, when no id is given): a group that no longer exists lists it as ungrouped, as the group list counts it. */
const inGroup = (call: Call, d: Domain, id: unknown) =>
  (typeof id !== 'string' && typeof id !== 'number') || String(id) === groupIdOf(call, d);

const groupIdOf = (call: Call, d: Domain): string =>
  d.DomainGroupId !== undefined && call.state.data.groups.some((g) => g.DomainGroupId === d.DomainGroupId)
    ? d.DomainGroupId
    : UNGROUPED.DomainGroupId;

function queryDomainList(call: Call): Row {
  const q = call.input;
  let list = call.state.data.domains.filter(
    (d) =>
      within(d.ExpirationDate, q.StartExpirationDate, q.EndExpirationDate, true) &&
      within(d.RegistrationDate, q.StartRegistrationDate, q.EndRegistrationDate, true) &&
      (q.QueryType === undefined || domainStatus(d, call.now) === q.QueryType) &&
      (q.ProductDomainType === undefined || domainType(d.DomainName) === q.ProductDomainType) &&
      // "域名搜索": the names that contain the text.
      (typeof q.DomainName !== 'string' || d.DomainName.includes(q.DomainName.toLowerCase())) &&
      inGroup(call, d, q.DomainGroupId),
  );
  // Without OrderKeyType the API orders by when the domain was stored (the state's order);
  // OrderByType applies to the key and defaults to DESC.
  if (q.OrderKeyType === 'RegistrationDate' || q.OrderKeyType === 'ExpirationDate') {
    const key = q.OrderKeyType;
    const sign = q.OrderByType === 'ASC' ? 1 : -1;
    list = [...list].sort((a, b) => sign * (a[key] - b[key]));
  }
  return paged(
    call,
    list.map((d) => listRow(call, d)),
  );
}

/** The conditions QueryAdvancedDomainList and ScrollDomainList share. */
function advancedMatch(call: Call, q: Record<string, unknown>): (d: Domain) => boolean {
  const words = (v: unknown) =>
    typeof v === 'string'
      ? v
          .split(/[,，]/)
          .map((s) => s.trim().toLowerCase().replace(/^\./, ''))
          .filter((s) => s !== '')
      : [];
  const suffixes = words(q.Suffixs);
  const keyword = (name: string, word: unknown, prefix: unknown, suffix: unknown): boolean => {
    if (typeof word !== 'string' || word === '') return true;
    const w = word.toLowerCase();
    if (prefix === true || suffix === true)
      return (prefix !== true || name.startsWith(w)) && (suffix !== true || labelOf(name).endsWith(w));
    return name.includes(w);
  };
  return (d) => {
    const name = d.DomainName;
    const label = labelOf(name);
    const status = Number(q.DomainStatus ?? 0);
    const profile = d.RegistrantProfileId === undefined ? undefined : call.state.profile(d.RegistrantProfileId);
    const audit = profile?.RealNameStatus ?? 'SUCCEED';
    const statusOk =
      status === 0 ||
      (status <= 3 && Number(domainStatus(d, call.now)) === status) ||
      (status === 6 && audit === 'NONAUDIT') ||
      (status === 7 && audit === 'FAILED') ||
      (status === 8 && audit === 'AUDITING');
    return (
      statusOk &&
      within(d.ExpirationDate, q.StartExpirationDate, q.EndExpirationDate, false) &&
      within(d.RegistrationDate, q.StartRegistrationDate, q.EndRegistrationDate, false) &&
      (q.ProductDomainType === undefined || domainType(name) === q.ProductDomainType) &&
      inGroup(call, d, q.DomainGroupId) &&
      (num(q.StartLength) === undefined || label.length >= num(q.StartLength)!) &&
      (num(q.EndLength) === undefined || label.length <= num(q.EndLength)!) &&
      keyword(name, q.KeyWord, q.KeyWordPrefix, q.KeyWordSuffix) &&
      (typeof q.Excluded !== 'string' || q.Excluded === '' || !keyword(name, q.Excluded, q.ExcludedPrefix, q.ExcludedSuffix)) &&
      (suffixes.length === 0 || suffixes.some((s) => name.endsWith(`.${s}`))) &&
      // No domain of the emulator is on sale: only "not published" (-1) matches a TradeType.
      (q.TradeType === undefined || num(q.TradeType) === -1)
    );
  };
}

function queryAdvancedDomainList(call: Call): Row {
  const q = call.input;
  let list = call.state.data.domains.filter(advancedMatch(call, q));
  // Each …Sort flag orders by its field: true ascending, false descending.
  const sorts: [unknown, (d: Domain) => string | number][] = [
    [q.DomainNameSort, (d) => d.DomainName],
    [q.ExpirationDateSort, (d) => d.ExpirationDate],
    [q.RegistrationDateSort, (d) => d.RegistrationDate],
    [q.ProductDomainTypeSort, (d) => domainType(d.DomainName)],
  ];
  const active = sorts.filter(([flag]) => typeof flag === 'boolean') as [boolean, (d: Domain) => string | number][];
  if (active.length > 0)
    list = [...list].sort((a, b) => {
      for (const [asc, key] of active) {
        const x = key(a);
        const y = key(b);
        if (x !== y) return (x < y ? -1 : 1) * (asc ? 1 : -1);
      }
      return 0;
    });
  return paged(
    call,
    list.map((d) => detailRow(call, d)),
  );
}

/** What a ScrollId carries: the first request's conditions and how many rows were handed out. */
interface Scroll {
  q: Record<string, unknown>;
  offset: number;
}

// A ScrollId is the scroll itself, deflated (as the sample's `eJxl…` looks): it survives a
// restart and needs no bookkeeping.
const encodeScroll = (s: Scroll) => deflateSync(JSON.stringify(s)).toString('base64url');

function decodeScroll(id: string): Scroll {
  try {
    const s = JSON.parse(inflateSync(Buffer.from(id, 'base64url'), { maxOutputLength: 64 * 1024 }).toString('utf8')) as {
      q?: unknown;
      offset?: unknown;
    } | null;
    if (typeof s?.q === 'object' && s.q !== null && typeof s.offset === 'number' && Number.isSafeInteger(s.offset) && s.offset >= 0)
      return s as Scroll;
  } catch {
    // Falls through to the error below.
  }
  throw apiError('InvalidParameter', 'ScrollId', 'Pass the ScrollId of the previous ScrollDomainList answer.');
}

const SCROLL_CONDITIONS = new Set(['PageSize', 'ScrollId', 'Lang', 'UserClientIp']);

/**
 * The document: the first call passes the conditions and no ScrollId, and gets a ScrollId and no
 * data; later calls pass the previous ScrollId, and their conditions are ignored for the first
 * call's. TotalItemNum is "剩余总数", the rows left after this answer. A page after which none are
 * left carries no ScrollId: that, or an empty page, is the end.
 */
function scrollDomainList(call: Call): Row {
  const path = call.meta.paging?.items ?? ['Data', 'Domain'];
  const size = Math.max(1, Number(call.input.PageSize ?? 10));
  const first = typeof call.input.ScrollId !== 'string' || call.input.ScrollId === '';
  const scroll: Scroll = first
    ? { q: Object.fromEntries(Object.entries(call.input).filter(([k]) => !SCROLL_CONDITIONS.has(k))), offset: 0 }
    : decodeScroll(call.input.ScrollId as string);
  const all = call.state.data.domains.filter(advancedMatch(call, scroll.q));
  const page = first ? [] : all.slice(scroll.offset, scroll.offset + size);
  const offset = scroll.offset + page.length;
  const template = itemTemplate(call.meta.sample, path);
  const body = withItems(
    call.meta.sample,
    path,
    page.map((d) => shaped(template, detailRow(call, d))),
  );
  const out = shaped(body, { PageSize: size, TotalItemNum: all.length - offset });
  if (offset < all.length) out.ScrollId = encodeScroll({ q: scroll.q, offset });
  else delete out.ScrollId;
  return out;
}

/** QueryDomainByDomainName / QueryDomainByInstanceId: one domain's record. */
function oneDomain(call: Call, d: Domain): Row {
  // A holder change still running (a CHG_HOLDER detail not yet done) shows as PENDING.
  const updating = call.state.data.tasks.some((t) =>
    t.details.some(
      (x) => x.DomainName === d.DomainName && x.effect.kind === 'profile' && !x.applied && !x.cancelled && x.outcome === 'EXECUTE_SUCCESS',
    ),
  );
  return shaped(call.meta.sample, {
    ...detailRow(call, d),
    DomainNameProxyService: false,
    DomainNameVerificationStatus: 'SUCCEED',
    EmailVerificationClientHold: false,
    RegistrantUpdatingStatus: updating ? 'PENDING' : 'NORMAL',
    TransferOutStatus: 'NORMAL',
  });
}

export const domainsHandlers: Handlers = {
  QueryDomainList: queryDomainList,
  QueryAdvancedDomainList: queryAdvancedDomainList,
  ScrollDomainList: scrollDomainList,
  QueryDomainByDomainName: (call) => oneDomain(call, domainNamed(call, String(call.input.DomainName), 'DomainName')),
  QueryDomainByInstanceId: (call) => oneDomain(call, domainOfInstance(call, String(call.input.InstanceId))),
};
