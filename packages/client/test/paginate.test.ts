// The paging helpers walk pages as the API reports them, with no server: a stub client answers.
import { describe, expect, it } from 'vitest';
import type { ActionMeta, DomainClientCore } from '@alidomain/core';
import { paginateCursor, paginatePages, paginateScroll } from '../src/paginate.js';

const meta = { action: 'QueryDomainList' } as ActionMeta;

/** A client whose send() answers from `pages` and records each input. */
function stub(answer: (input: Record<string, unknown>) => unknown) {
  const inputs: Record<string, unknown>[] = [];
  const client = {
    send: async (_m: ActionMeta, input: Record<string, unknown>) => (inputs.push(input), answer(input)),
  } as unknown as DomainClientCore;
  return { client, inputs };
}

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('paginatePages', () => {
  it('follows NextPage from page 1 and yields the items of every page', async () => {
    const { client, inputs } = stub((i) => ({ NextPage: i.PageNum !== 3, Data: { Domain: [`p${i.PageNum as number}`] } }));
    expect(await collect(paginatePages(client, meta, { PageSize: 1 }, { items: ['Data', 'Domain'], hasNext: 'NextPage' }))).toEqual([
      'p1',
      'p2',
      'p3',
    ]);
    expect(inputs.map((i) => i.PageNum)).toEqual([1, 2, 3]);
  });

  it('starts at the PageNum given', async () => {
    const { client, inputs } = stub(() => ({ NextPage: false, Data: { Domain: ['x'] } }));
    await collect(paginatePages(client, meta, { PageNum: 4 }, { items: ['Data', 'Domain'], hasNext: 'NextPage' }));
    expect(inputs[0]!.PageNum).toBe(4);
  });

  it('uses the total-pages field when the Action has no NextPage flag', async () => {
    const { client } = stub((i) => ({ TotalPageNum: 2, Data: { Domain: [i.PageNum] } }));
    expect(await collect(paginatePages(client, meta, {}, { items: ['Data', 'Domain'], total: 'TotalPageNum' }))).toEqual([1, 2]);
  });

  it('stops after the first page when the Action has neither a NextPage flag nor a total field', async () => {
    const { client, inputs } = stub((i) => ({ TotalPageNum: 2, Data: { Domain: [i.PageNum] } }));
    expect(await collect(paginatePages(client, meta, {}, { items: ['Data', 'Domain'] }))).toEqual([1]);
    expect(inputs).toHaveLength(1);
  });

  it('stops on an empty page even if the flag says more', async () => {
    const { client, inputs } = stub(() => ({ NextPage: true, Data: {} }));
    expect(await collect(paginatePages(client, meta, {}, { items: ['Data', 'Domain'], hasNext: 'NextPage' }))).toEqual([]);
    expect(inputs).toHaveLength(1);
  });
});

describe('paginateScroll', () => {
  it('sends each response’s ScrollId with the next request until no items come back', async () => {
    const { client, inputs } = stub((i) =>
      i.ScrollId === 'c'
        ? { ScrollId: 'd', Data: { Domain: [] } }
        : { ScrollId: i.ScrollId === undefined ? 'b' : 'c', Data: { Domain: [i.ScrollId ?? 'a'] } },
    );
    expect(await collect(paginateScroll(client, meta, { PageSize: 10 }, { items: ['Data', 'Domain'] }))).toEqual(['a', 'b']);
    expect(inputs.map((i) => i.ScrollId)).toEqual([undefined, 'b', 'c']);
  });

  it('goes on after an opening call that returns a ScrollId and no rows, as the document says it does', async () => {
    const pages: Record<string, unknown> = {
      '': { ScrollId: 's1', Data: { Domain: [] } },
      s1: { ScrollId: 's2', Data: { Domain: ['a', 'b'] } },
      s2: { Data: { Domain: ['c'] } },
    };
    const { client, inputs } = stub((i) => pages[(i.ScrollId as string | undefined) ?? '']);
    expect(await collect(paginateScroll(client, meta, {}, { items: ['Data', 'Domain'] }))).toEqual(['a', 'b', 'c']);
    expect(inputs.map((i) => i.ScrollId)).toEqual([undefined, 's1', 's2']);
  });

  it('stops on an empty page after the opening one', async () => {
    const { client, inputs } = stub((i) => ({ ScrollId: `${(i.ScrollId as string | undefined) ?? ''}x`, Data: { Domain: [] } }));
    expect(await collect(paginateScroll(client, meta, {}, { items: ['Data', 'Domain'] }))).toEqual([]);
    expect(inputs).toHaveLength(2);
  });
});

describe('paginateCursor', () => {
  const config = { items: ['Objects', 'TaskInfoHistory'], cursors: { TaskNoCursor: 'TaskNo', CreateTimeCursor: 'CreateTimeLong' } };
  const page = (n: number, next?: object) => ({ Objects: { TaskInfoHistory: [`t${n}`] }, ...(next ? { NextPageCursor: next } : {}) });

  it('fills the cursor parameters from each NextPageCursor and keeps the caller’s other input', async () => {
    const { client, inputs } = stub((i) =>
      i.TaskNoCursor === undefined
        ? page(1, { TaskNo: 'n2', CreateTimeLong: 2000, CreateTime: '2017-11-01 17:22:51' })
        : i.TaskNoCursor === 'n2'
          ? page(2, { TaskNo: 'n3', CreateTimeLong: 3000 })
          : page(3),
    );
    expect(await collect(paginateCursor(client, meta, { PageSize: 1, BeginCreateTime: 1 }, config))).toEqual(['t1', 't2', 't3']);
    expect(inputs).toEqual([
      { PageSize: 1, BeginCreateTime: 1 },
      { PageSize: 1, BeginCreateTime: 1, TaskNoCursor: 'n2', CreateTimeCursor: 2000 },
      { PageSize: 1, BeginCreateTime: 1, TaskNoCursor: 'n3', CreateTimeCursor: 3000 },
    ]);
  });

  it('stops when NextPageCursor lacks a cursor field', async () => {
    const { client, inputs } = stub(() => page(1, { TaskNo: 'n2' }));
    expect(await collect(paginateCursor(client, meta, {}, config))).toEqual(['t1']);
    expect(inputs).toHaveLength(1);
  });

  it('stops when the cursor does not move, rather than asking for the same page forever', async () => {
    const { client, inputs } = stub(() => page(1, { TaskNo: 'same', CreateTimeLong: 1 }));
    await collect(paginateCursor(client, meta, {}, config));
    expect(inputs).toHaveLength(2);
  });

  it('stops on an empty page', async () => {
    const { client, inputs } = stub(() => ({ Objects: { TaskInfoHistory: [] }, NextPageCursor: { TaskNo: 'x', CreateTimeLong: 1 } }));
    expect(await collect(paginateCursor(client, meta, {}, config))).toEqual([]);
    expect(inputs).toHaveLength(1);
  });
});
