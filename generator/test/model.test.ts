// The model of the whole spec: the Actions the small fixture (test/fixtures) cannot show.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../src/load.js';
import { buildModel, type Action } from '../src/model.js';

const model = buildModel(loadSpec(join(import.meta.dirname, '../../spec/openapi.yaml')).document);
const action = (name: string): Action => {
  const a = model.actions.find((x) => x.name === name);
  if (!a) throw new Error(`no ${name}`);
  return a;
};
const param = (a: string, p: string) => action(a).params.find((x) => x.name === p)!;

describe('model', () => {
  it('reads a repeat list as an array parameter with the repeatList style', () => {
    const p = param('SaveBatchTaskForModifyingDomainDns', 'DomainName');
    expect(p.style).toBe('repeatList');
    expect(p.wireName).toBe('DomainName.N');
    expect(p.type.kind).toBe('array');
  });

  it('reads OrderActivateParam.N.* rows as one list of objects', () => {
    const p = param('SaveBatchTaskForCreatingOrderActivate', 'OrderActivateParam');
    expect(p.style).toBe('objectList');
    expect(p.type.kind === 'array' && p.type.items.kind === 'object' && p.type.items.fields.map((f) => f.name)).toContain('DomainName');
  });

  it('marks a JSON-text parameter from the spec', () => {
    expect(param('SubmitOperationCredentials', 'Credentials').style).toBe('json');
  });

  it('keeps POST for Actions the document requires to POST, with body parameters', () => {
    const a = action('RegistrantProfileRealNameVerification');
    expect(a.httpMethod).toBe('POST');
    expect(param('RegistrantProfileRealNameVerification', 'IdentityCredential').location).toBe('body');
  });

  it('classifies order-creating Actions as unsafe to retry and queries as safe', () => {
    expect(action('SaveSingleTaskForCreatingOrderActivate').retry).toBe('unsafe');
    expect(action('CheckDomain').retry).toBe('safe');
  });

  it('finds page paging and its item path', () => {
    expect(action('QueryDomainList').paging).toEqual({
      kind: 'page',
      items: ['Data', 'Domain'],
      driven: ['PageNum'],
      hasNext: 'NextPage',
      total: 'TotalPageNum',
    });
  });

  it("finds ScrollDomainList's scroll paging", () => {
    expect(action('ScrollDomainList').paging).toMatchObject({ kind: 'scroll', items: ['Data', 'Domain'] });
  });

  it('finds cursor paging, feeding CreateTimeCursor (int64) from NextPageCursor.CreateTimeLong', () => {
    expect(action('QueryTaskInfoHistory').paging).toEqual({
      kind: 'cursor',
      items: ['Objects', 'TaskInfoHistory'],
      driven: ['TaskNoCursor', 'CreateTimeCursor'],
      cursors: { TaskNoCursor: 'TaskNo', CreateTimeCursor: 'CreateTimeLong' },
    });
    expect(action('QueryTaskDetailHistory').paging).toMatchObject({
      kind: 'cursor',
      cursors: { DomainNameCursor: 'DomainName', TaskDetailNoCursor: 'TaskDetailNo' },
    });
  });

  it("groups the Actions by the spec's tags, named as displayed, each Action in one group", () => {
    expect(model.groups[0]).toMatchObject({ name: 'Registrant profiles' });
    expect(model.groups.find((g) => g.name === 'DNSSEC (DS records)')?.actions.map((a) => a.name)).toContain('QueryDSRecord');
    expect(model.groups.flatMap((g) => g.actions).length).toBe(model.actions.length);
    for (const a of model.actions) expect(model.groups.find((g) => g.name === a.group)?.actions, a.name).toContain(a);
  });
});
