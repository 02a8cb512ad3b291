// Handlers of the DNS Actions: changing a domain's name servers (a CHG_DNS task) and the DNS hosts
// (glue records) under it. Each change is a task whose effect lands when its detail succeeds.
import { apiError } from '../errors.js';
import type { Domain } from '../state/records.js';
import type { Call, Handlers } from './context.js';
import { domainNamed, domainOfInstance, shaped } from './context.js';
import { submitTask } from './tasks-common.js';

/** The name servers AliyunDns=true sets (those the default state gives a domain). */
export const ALIYUN_DNS: readonly string[] = ['dns1.hichina.com', 'dns2.hichina.com'];

/** The document's ErrorMsg for a change refused under an update lock (QueryTaskDetailHistory's example). */
export const UPDATE_LOCKED = '域名有禁止更新锁';

/** A validated scalar input as text (ids arrive as numbers when they parse as integers). */
export const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** A list parameter's values, without repeats (names compared case-insensitively). */
export function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const hasHost = (d: Domain, label: string) => d.DnsHosts.some((h) => h.DnsName === label);
const label = (call: Call) => text(call.input.DnsName).toLowerCase();

// A host that exists (or does not) is the registry's answer, so the task is accepted and its
// detail fails, as the document has task results reported (QueryTaskDetailList's ErrorMsg).
const noHost = (d: Domain, host: string) =>
  hasHost(d, host) ? {} : { failure: `The DNS host ${host} of ${d.DomainName} does not exist.` };

export const dnsHandlers: Handlers = {
  SaveBatchTaskForModifyingDomainDns: (call) => {
    const domains = distinct(call.input.DomainName as string[]).map((n) => domainNamed(call, n, 'DomainName'));
    let dns: string[];
    if (call.input.AliyunDns === true) dns = [...ALIYUN_DNS];
    else {
      // The document: DomainNameServer is required when AliyunDns is false.
      const servers = call.input.DomainNameServer as string[] | undefined;
      if (servers === undefined || servers.length === 0) throw apiError('MissingParameter', 'DomainNameServer');
      dns = distinct(servers).map((s) => s.toLowerCase());
    }
    const TaskNo = submitTask(
      call,
      'CHG_DNS',
      domains.map((d) => ({
        domainName: d.DomainName,
        effect: { kind: 'dns', dns },
        ...(d.UpdateProhibitionLock === 'OPEN' ? { failure: UPDATE_LOCKED } : {}),
      })),
    );
    return shaped(call.meta.sample, { TaskNo });
  },

  SaveSingleTaskForCreatingDnsHost: (call) => {
    const d = domainOfInstance(call, text(call.input.InstanceId));
    const host = label(call);
    const exists = hasHost(d, host) ? { failure: `The DNS host ${host} of ${d.DomainName} exists.` } : {};
    // The document's table gives this Action no Ip parameter (only its request example sends Ip.1):
    // the host starts without addresses, and SaveSingleTaskForModifyingDnsHost sets them.
    const TaskNo = submitTask(call, 'CREATE_DNSHOST', [{ domainName: d.DomainName, effect: { kind: 'dnsHost', host, ip: [] }, ...exists }]);
    return shaped(call.meta.sample, { TaskNo });
  },

  SaveSingleTaskForModifyingDnsHost: (call) => {
    const d = domainOfInstance(call, text(call.input.InstanceId));
    const host = label(call);
    const ip = distinct(call.input.Ip as string[]);
    const TaskNo = submitTask(call, 'UPDATE_DNSHOST', [
      { domainName: d.DomainName, effect: { kind: 'dnsHost', host, ip }, ...noHost(d, host) },
    ]);
    return shaped(call.meta.sample, { TaskNo });
  },

  // Re-publishes the hosts to the registry: nothing changes in the emulator's state.
  SaveSingleTaskForSynchronizingDnsHost: (call) => {
    const d = domainOfInstance(call, text(call.input.InstanceId));
    const TaskNo = submitTask(call, 'SYNC_DNSHOST', [{ domainName: d.DomainName, effect: { kind: 'none' } }]);
    return shaped(call.meta.sample, { TaskNo });
  },

  // The document's task types have no deletion: UPDATE_DNSHOST is the nearest.
  SaveSingleTaskForDeletingDnsHost: (call) => {
    const d = domainOfInstance(call, text(call.input.InstanceId));
    const host = label(call);
    const TaskNo = submitTask(call, 'UPDATE_DNSHOST', [
      { domainName: d.DomainName, effect: { kind: 'dnsHostDelete', host }, ...noHost(d, host) },
    ]);
    return shaped(call.meta.sample, { TaskNo });
  },

  QueryDnsHost: (call) => {
    const d = domainOfInstance(call, text(call.input.InstanceId));
    const DnsHost = d.DnsHosts.map((h) => ({ DnsName: h.DnsName, IpList: { ip: [...h.Ip] } }));
    return { ...shaped(call.meta.sample, {}), DnsHostList: { DnsHost } };
  },
};
