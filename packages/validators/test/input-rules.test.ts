// The input rules of the hardening issue: required lists need an item, what a task acts on is
// required, DNS host names and labels respect the DNS limits, and every item of a comma-separated
// domain list is a domain name. Vectors and request cases are in fixtures/host-names.json and
// fixtures/input-rules.json.
import { describe, expect, it } from 'vitest';
import { formats, validateRequest, type ActionName } from '../src/index.js';
import { domainNameListProblem, hostLabelProblem, hostNameProblem } from '../src/domain-name.js';
import { fixture, operations } from './helpers.js';

interface Vectors {
  good: string[];
  bad: { value: string; reason: string }[];
}
const names = fixture<{ hostNames: Vectors; hostLabels: Vectors; domainNameLists: Vectors }>('host-names.json');
const cases = fixture<{ cases: { kind: string; action: ActionName; input: unknown; expected: string[] }[] }>('input-rules.json').cases;

const rules = [
  ['host names', names.hostNames, hostNameProblem, 'alidomain-host-name'],
  ['host labels', names.hostLabels, hostLabelProblem, 'alidomain-host-label'],
  ['comma-separated domain lists', names.domainNameLists, domainNameListProblem, 'alidomain-domain-name-list'],
] as const;

describe.each(rules)('%s', (_what, vectors, problemOf, format) => {
  it.each(vectors.good)('accepts %j', (value) => {
    expect(problemOf(value)).toBeUndefined();
    expect(formats[format].validate(value)).toBe(true);
  });

  it.each(vectors.bad.map((v) => [v.value, v.reason]))('rejects %j (%s)', (value, reason) => {
    expect(problemOf(value)).toContain(reason);
    expect(formats[format].validate(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(problemOf(42)).toBe('it is not a string');
  });
});

describe('requests turned away (fixtures/input-rules.json)', () => {
  it.each(cases.map((c) => [c.kind, c.action, c]))('%s (%s)', (_kind, action, c) => {
    expect(validateRequest(action, c.input)).toEqual(c.expected);
  });

  it('a 200,000-character DNS server name is reported by its length, shortened in the message', () => {
    const name = 'a'.repeat(200_000);
    const problems = validateRequest('SaveBatchTaskForModifyingDomainDns', {
      AliyunDns: false,
      DomainName: ['example.com'],
      DomainNameServer: [name],
    });
    // One problem: the host-name rule's own message covers the length limit.
    expect(problems).toEqual([
      `DomainNameServer.1: expected a host name such as ns1.example.com (at most 253 characters; labels of 1-63 letters, digits or "-"), received "${'a'.repeat(77)}…" (200000 characters): it is 200000 characters long, at most 253 are allowed`,
    ]);
    for (const m of problems) expect(m.length).toBeLessThan(400);
  });

  it('the fixture inputs pass once the offending value is corrected', () => {
    expect(
      validateRequest('SaveBatchTaskForModifyingDomainDns', {
        AliyunDns: false,
        DomainName: ['example.com'],
        DomainNameServer: ['ns1.example.com', 'ns2.example.com'],
      }),
    ).toEqual([]);
    expect(
      validateRequest('SaveBatchTaskForCreatingOrderActivate', {
        OrderActivateParam: [{ DomainName: 'example.com', RegistrantProfileId: 1 }],
      }),
    ).toEqual([]);
    expect(validateRequest('SubmitOperationAuditInfo', { AuditType: 1, DomainName: 'example.com,example.org' })).toEqual([]);
    expect(validateRequest('SaveSingleTaskForCreatingDnsHost', { InstanceId: 'S1234567890', DnsName: 'dns1' })).toEqual([]);
  });
});

describe('the spec says it', () => {
  const ops = operations();
  const lists = ops.flatMap((op) =>
    op.parameters.filter((p: any) => !p.$ref && p.schema?.type === 'array').map((p: any) => ({ action: op.operationId as string, p })),
  );

  it('every required list parameter has minItems 1', () => {
    const required = lists.filter((l) => l.p.required);
    expect(required.length).toBeGreaterThan(10);
    expect(required.filter((l) => l.p.schema.minItems !== 1).map((l) => `${l.action}.${l.p.name}`)).toEqual([]);
  });

  it("every SaveSingleTask…/SaveBatchTask… Action requires what it acts on: its domain list with an item, each item's DomainName, or its domain or instance", () => {
    const tasks = ops.filter((op) => /^Save(Single|Batch)Task/.test(op.operationId));
    expect(tasks.length).toBe(33);
    const missing: string[] = [];
    for (const op of tasks) {
      const params = op.parameters.filter((p: any) => !p.$ref);
      const targets = params.filter(
        (p: any) =>
          p.schema?.$ref === '#/components/schemas/DomainName' ||
          p.schema?.items?.$ref === '#/components/schemas/DomainName' ||
          p.schema?.items?.properties?.DomainName ||
          p.name === 'InstanceId',
      );
      if (!targets.some((p: any) => p.required)) missing.push(`${op.operationId}: nothing required says what it acts on`);
      for (const p of targets.filter((t: any) => t.schema?.type === 'array')) {
        if (!p.required || p.schema.minItems !== 1) missing.push(`${op.operationId}.${p.name}: not a required list with an item`);
        if (p.schema.items.properties && !p.schema.items.required?.includes('DomainName'))
          missing.push(`${op.operationId}.${p.name}.N.DomainName: not required`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('host names and comma-separated domain lists are modelled, not plain strings', () => {
    const refOf = (action: string, name: string, field?: string) => {
      const p = ops.find((o) => o.operationId === action).parameters.find((q: any) => q.name === name);
      const s = field ? p.schema.items.properties[field] : (p.schema.items ?? p.schema);
      return s.$ref;
    };
    expect(refOf('SaveBatchTaskForModifyingDomainDns', 'DomainNameServer')).toBe('#/components/schemas/HostName');
    expect(refOf('SaveBatchTaskForCreatingOrderActivate', 'OrderActivateParam', 'Dns1')).toBe('#/components/schemas/HostName');
    expect(refOf('SaveBatchTaskForCreatingOrderActivate', 'OrderActivateParam', 'Dns2')).toBe('#/components/schemas/HostName');
    expect(refOf('SaveSingleTaskForCreatingOrderActivate', 'Dns1')).toBe('#/components/schemas/HostName');
    expect(refOf('SaveSingleTaskForCreatingOrderActivate', 'Dns2')).toBe('#/components/schemas/HostName');
    for (const a of ['SaveSingleTaskForCreatingDnsHost', 'SaveSingleTaskForModifyingDnsHost', 'SaveSingleTaskForDeletingDnsHost'])
      expect(refOf(a, 'DnsName')).toBe('#/components/schemas/HostLabel');
    expect(refOf('SubmitOperationAuditInfo', 'DomainName')).toBe('#/components/schemas/DomainNameList');
  });
});
