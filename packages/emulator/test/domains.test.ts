// The domain queries over a seeded portfolio: paging figures as the API gives them, filters and
// sorting, ScrollDomainList's ScrollId walk, and the single-domain lookups.
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainClient } from '@alidomain/client';
import { clientOf, refusal, valid } from './support/client.js';
import { startEmulator, type Emulator, type Seed } from '../src/index.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-01-10T00:00:00Z');

// 23 domains: portfolio-01.com … portfolio-23.com (odd ones .net), registered a day apart, each
// expiring a year and i days after; the first five in group 501.
const seed: Seed = {
  groups: [{ DomainGroupId: '501', DomainGroupName: 'shops' }],
  domains: Array.from({ length: 23 }, (_, k) => {
    const i = k + 1;
    const registered = Date.parse('2025-01-01T00:00:00Z') + i * DAY;
    return {
      DomainName: `portfolio-${String(i).padStart(2, '0')}.${i % 2 === 0 ? 'com' : 'net'}`,
      InstanceId: `S${1000 + i}`,
      RegistrationDate: registered,
      ExpirationDate: registered + 365 * DAY + i * DAY,
      ...(i <= 5 ? { DomainGroupId: '501' } : {}),
    };
  }),
};

let emulator: Emulator;
let client: DomainClient;
const t = NOW;

beforeAll(async () => {
  // The clock is the document's dates' time; signatures allow any skew so the client's real time passes.
  emulator = await startEmulator({ seed, clock: () => t, rateLimits: false, timestampSkewMs: 100 * 365 * DAY });
  client = clientOf(emulator);
});
afterAll(() => emulator.close());

interface Page {
  CurrentPageNum?: number;
  PageSize?: number;
  TotalItemNum?: number;
  TotalPageNum?: number;
  PrePage?: boolean;
  NextPage?: boolean;
  Data?: { Domain?: unknown[] | undefined } | undefined;
}

const figures = (b: Page) => ({
  CurrentPageNum: b.CurrentPageNum,
  PageSize: b.PageSize,
  TotalItemNum: b.TotalItemNum,
  TotalPageNum: b.TotalPageNum,
  PrePage: b.PrePage,
  NextPage: b.NextPage,
  items: b.Data?.Domain?.length,
});

describe('QueryDomainList', () => {
  it('pages 23 domains at PageSize 10 into 3 pages with NextPage and PrePage', async () => {
    const pages = [];
    for (const PageNum of [1, 2, 3]) pages.push(figures(valid('QueryDomainList', await client.queryDomainList({ PageNum, PageSize: 10 }))));
    expect(pages).toEqual([
      { CurrentPageNum: 1, PageSize: 10, TotalItemNum: 23, TotalPageNum: 3, PrePage: false, NextPage: true, items: 10 },
      { CurrentPageNum: 2, PageSize: 10, TotalItemNum: 23, TotalPageNum: 3, PrePage: true, NextPage: true, items: 10 },
      { CurrentPageNum: 3, PageSize: 10, TotalItemNum: 23, TotalPageNum: 3, PrePage: true, NextPage: false, items: 3 },
    ]);
  });

  it('answers a page past the last empty, with the totals', async () => {
    const body = valid('QueryDomainList', await client.queryDomainList({ PageNum: 4, PageSize: 10 }));
    expect(figures(body)).toMatchObject({ TotalItemNum: 23, TotalPageNum: 3, NextPage: false, PrePage: true, items: 0 });
  });

  it('lists in the order the domains were stored when no OrderKeyType is given', async () => {
    const body = await client.queryDomainList({ PageNum: 1, PageSize: 3 });
    expect(body.Data?.Domain?.map((d) => d.DomainName)).toEqual(['portfolio-01.net', 'portfolio-02.com', 'portfolio-03.net']);
  });

  it('sorts by ExpirationDate, DESC unless OrderByType says ASC', async () => {
    const desc = await client.queryDomainList({ PageNum: 1, PageSize: 2, OrderKeyType: 'ExpirationDate' });
    const asc = await client.queryDomainList({ PageNum: 1, PageSize: 2, OrderKeyType: 'ExpirationDate', OrderByType: 'ASC' });
    expect(desc.Data?.Domain?.map((d) => d.DomainName)).toEqual(['portfolio-23.net', 'portfolio-22.com']);
    expect(asc.Data?.Domain?.map((d) => d.DomainName)).toEqual(['portfolio-01.net', 'portfolio-02.com']);
  });

  it('gives dates as the sample does (Mon DD,YYYY hh:mm:ss), the *Long fields in ms and the days left', async () => {
    const row = (await client.queryDomainList({ PageNum: 1, PageSize: 1 })).Data?.Domain?.[0];
    const registered = Date.parse('2025-01-02T00:00:00Z');
    expect(row).toMatchObject({
      RegistrationDate: 'Jan 02,2025 00:00:00',
      RegistrationDateLong: registered,
      ExpirationDate: 'Jan 03,2026 00:00:00',
      ExpirationDateLong: registered + 366 * DAY,
      // Expired a week before NOW: needs redemption, expired.
      ExpirationCurrDateDiff: -7,
      DomainStatus: '2',
      ExpirationDateStatus: '2',
      DomainType: 'gTLD',
    });
  });

  it('finds the names containing DomainName', async () => {
    const body = await client.queryDomainList({ PageNum: 1, PageSize: 10, DomainName: 'portfolio-1' });
    expect(body.TotalItemNum).toBe(10);
  });

  it('filters by DomainGroupId and names the group', async () => {
    const body = valid('QueryDomainList', await client.queryDomainList({ PageNum: 1, PageSize: 10, DomainGroupId: '501' }));
    expect(body.TotalItemNum).toBe(5);
    expect(new Set(body.Data?.Domain?.map((d) => d.DomainGroupName))).toEqual(new Set(['shops']));
  });

  it('filters by expiration dates, by whole days', async () => {
    // portfolio-10 expires 2026-01-21 (00:00), portfolio-12 on 2026-01-25.
    const body = await client.queryDomainList({
      PageNum: 1,
      PageSize: 10,
      StartExpirationDate: Date.parse('2026-01-21T12:00:00Z'),
      EndExpirationDate: Date.parse('2026-01-25T00:00:00Z'),
    });
    expect(body.Data?.Domain?.map((d) => d.DomainName)).toEqual(['portfolio-10.com', 'portfolio-11.net', 'portfolio-12.com']);
  });
});

describe('QueryAdvancedDomainList', () => {
  it('pages with the same figures as QueryDomainList', async () => {
    const body = valid('QueryAdvancedDomainList', await client.queryAdvancedDomainList({ PageNum: 3, PageSize: 10 }));
    expect(figures(body)).toEqual({
      CurrentPageNum: 3,
      PageSize: 10,
      TotalItemNum: 23,
      TotalPageNum: 3,
      PrePage: true,
      NextPage: false,
      items: 3,
    });
  });

  it('gives dates as its sample does (YYYY-MM-DD hh:mm:ss)', async () => {
    const row = (await client.queryAdvancedDomainList({ PageNum: 1, PageSize: 1 })).Data?.Domain?.[0];
    expect(row?.RegistrationDate).toBe('2025-01-02 00:00:00');
  });

  it('filters by Suffixs and sorts by DomainNameSort', async () => {
    const body = await client.queryAdvancedDomainList({ PageNum: 1, PageSize: 3, Suffixs: 'com', DomainNameSort: false });
    expect(body.TotalItemNum).toBe(11);
    expect(body.Data?.Domain?.map((d) => d.DomainName)).toEqual(['portfolio-22.com', 'portfolio-20.com', 'portfolio-18.com']);
  });

  it('matches KeyWord as a prefix or a suffix of the name when asked', async () => {
    const suffix = await client.queryAdvancedDomainList({ PageNum: 1, PageSize: 50, KeyWord: '3', KeyWordSuffix: true });
    expect(suffix.Data?.Domain?.map((d) => d.DomainName)).toEqual(['portfolio-03.net', 'portfolio-13.net', 'portfolio-23.net']);
    const prefix = await client.queryAdvancedDomainList({ PageNum: 1, PageSize: 50, KeyWord: 'folio', KeyWordPrefix: true });
    expect(prefix.TotalItemNum).toBe(0);
  });

  it('filters by DomainStatus 1: the domains within 30 days of expiry', async () => {
    // Not yet expired at NOW (2026-01-10) and expiring by 2026-02-09: portfolio-05 … portfolio-19.
    const body = await client.queryAdvancedDomainList({ PageNum: 1, PageSize: 50, DomainStatus: 1 });
    expect(body.TotalItemNum).toBe(15);
    expect(body.Data?.Domain?.[0]?.DomainName).toBe('portfolio-05.net');
  });
});

describe('ScrollDomainList', () => {
  it('answers the first call, without ScrollId, with a ScrollId and no data', async () => {
    const body = valid('ScrollDomainList', await client.scrollDomainList({ PageSize: 10 }));
    expect(body.ScrollId).toMatch(/\S/);
    expect(body.Data?.Domain ?? []).toEqual([]);
    expect(body.TotalItemNum).toBe(23);
  });

  it('walks every domain by ScrollId, and the last page carries no ScrollId', async () => {
    let body = valid('ScrollDomainList', await client.scrollDomainList({ PageSize: 10 }));
    const names: string[] = [];
    const left: unknown[] = [];
    while (body.ScrollId !== undefined) {
      body = valid('ScrollDomainList', await client.scrollDomainList({ PageSize: 10, ScrollId: body.ScrollId }));
      names.push(...(body.Data?.Domain ?? []).map((d) => d.DomainName!));
      left.push(body.TotalItemNum);
    }
    expect(names).toEqual(seed.domains!.map((d) => d.DomainName));
    expect(left).toEqual([13, 3, 0]);
  });

  it("keeps the first call's conditions and ignores later ones", async () => {
    const first = await client.scrollDomainList({ PageSize: 10, DomainGroupId: 501 });
    const page = await client.scrollDomainList({ PageSize: 10, ScrollId: first.ScrollId!, KeyWord: 'nothing-matches-this' });
    expect(page.Data?.Domain?.map((d) => d.DomainName)).toEqual([
      'portfolio-01.net',
      'portfolio-02.com',
      'portfolio-03.net',
      'portfolio-04.com',
      'portfolio-05.net',
    ]);
  });

  it('refuses a ScrollId that inflates to megabytes, without building them, with InvalidParameter naming ScrollId', async () => {
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024, 0x20)).toString('base64url');
    const e = await refusal(client.scrollDomainList({ PageSize: 10, ScrollId: bomb }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.message).toContain('ScrollId');
  });

  it('refuses a ScrollId it did not give with InvalidParameter naming ScrollId', async () => {
    const e = await refusal(client.scrollDomainList({ PageSize: 10, ScrollId: 'not-a-scroll' }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.message).toContain('ScrollId');
  });
});

describe('single domains', () => {
  it('answers QueryDomainByDomainName with the domain, dates as its sample gives them', async () => {
    const body = valid('QueryDomainByDomainName', await client.queryDomainByDomainName({ DomainName: 'Portfolio-02.com' }));
    expect(body).toMatchObject({ DomainName: 'portfolio-02.com', InstanceId: 'S1002', RegistrationDate: '2025-01-03 00:00:00' });
  });

  it('refuses QueryDomainByDomainName of a name not in the account with InvalidParameter naming DomainName', async () => {
    const e = await refusal(client.queryDomainByDomainName({ DomainName: 'elsewhere.com' }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.message).toContain('DomainName');
  });

  it('answers QueryDomainByInstanceId with the domain of that instance', async () => {
    const body = valid('QueryDomainByInstanceId', await client.queryDomainByInstanceId({ InstanceId: 'S1007' }));
    expect(body.DomainName).toBe('portfolio-07.net');
  });

  it('refuses an unknown InstanceId with InvalidParameter naming it', async () => {
    const e = await refusal(client.queryDomainByInstanceId({ InstanceId: 'S0' }));
    expect(e.message).toContain('InstanceId');
  });
});
