// Handlers of CheckDomain, registration (SaveSingle/SaveBatchTaskForCreatingOrderActivate) and
// renewal (SaveSingle/SaveBatchTaskForCreatingOrderRenew). A submission answers a TaskNo; what
// becomes of each domain is its task detail's business, as the document says ("任务执行结果请通过
// QueryTaskDetailList接口查询"), so refusals about the domain itself are failed details, while
// parameters that name nothing in the account are InvalidParameter errors of the call.
import { apiError } from '../errors.js';
import type { Effect } from '../state/records.js';
import { DAY } from '../state/store.js';
import { domainNamed, shaped, type Call, type Handlers } from './context.js';
import { existingProfile } from './profiles.js';
import { submitTask, type DetailPlan } from './tasks-common.js';

type Item = Record<string, unknown>;

/** The name servers of Alibaba Cloud DNS, which a registration gets unless AliyunDns is false. */
export const ALIYUN_DNS = ['dns1.hichina.com', 'dns2.hichina.com'];

/** Whether a registration of `name` is on its way (submitted, not yet done, not cancelled). */
function registrationPending(call: Call, name: string): boolean {
  return call.state.data.tasks.some((t) =>
    t.details.some(
      (d) => d.DomainName === name && d.effect.kind === 'register' && !d.applied && !d.cancelled && d.outcome === 'EXECUTE_SUCCESS',
    ),
  );
}

function renewalPending(call: Call, name: string): boolean {
  return call.state.data.tasks.some((t) =>
    t.details.some(
      (d) => d.DomainName === name && d.effect.kind === 'renew' && !d.applied && !d.cancelled && d.outcome === 'EXECUTE_SUCCESS',
    ),
  );
}

/** `OrderActivateParam.2.Dns1` for a batch item, `Dns1` for a single call. */
const paramName = (list: string | undefined, i: number, field: string) => (list === undefined ? field : `${list}.${i + 1}.${field}`);

/**
 * SubscriptionDuration in years (default 1). The document gives no bounds; registries sell 1 to 10
 * years (CheckDomain's FeePeriod says the same), and a value outside them could only corrupt the
 * expiry the emulator keeps.
 */
function yearsOf(item: Item, list: string | undefined, i: number): number {
  const years = item.SubscriptionDuration ?? 1;
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10)
    throw apiError('InvalidParameter', paramName(list, i, 'SubscriptionDuration'), 'Expected a whole number of years from 1 to 10.');
  return years;
}

function activationPlans(call: Call, items: readonly Item[], list: string | undefined): DetailPlan[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    if (typeof item.DomainName !== 'string' || item.DomainName === '') throw apiError('MissingParameter', paramName(list, i, 'DomainName'));
    const name = item.DomainName.toLowerCase();
    const profile =
      item.RegistrantProfileId === undefined
        ? undefined
        : existingProfile(call, item.RegistrantProfileId, paramName(list, i, 'RegistrantProfileId'));
    // AliyunDns defaults to true, and then Dns1/Dns2 "不会生效"; with false both are required.
    let dns = ALIYUN_DNS;
    if (item.AliyunDns === false) {
      for (const f of ['Dns1', 'Dns2'])
        if (typeof item[f] !== 'string' || item[f] === '')
          throw apiError('MissingParameter', paramName(list, i, f), 'Required when AliyunDns is false.');
      dns = [String(item.Dns1).toLowerCase(), String(item.Dns2).toLowerCase()];
    }
    let failure: string | undefined;
    if (call.state.isTaken(name)) failure = `The domain name ${name} is already registered.`;
    else if (seen.has(name) || registrationPending(call, name))
      failure = `The domain name ${name} is already being registered by another task.`;
    // Since 2022-03-01 a registration needs a real-name verified profile ("仅能通过已实名认证的域名信息模板注册域名").
    else if (profile === undefined)
      failure = 'A real-name verified registrant profile (RegistrantProfileId) is required to register a domain name.';
    else if (profile.RealNameStatus !== 'SUCCEED')
      failure = `The registrant profile ${profile.RegistrantProfileId} is not real-name verified (RealNameStatus ${profile.RealNameStatus}).`;
    seen.add(name);
    const effect: Effect = {
      kind: 'register',
      years: yearsOf(item, list, i),
      ...(profile === undefined ? {} : { profileId: profile.RegistrantProfileId }),
      registrantType: profile?.RegistrantType ?? (item.RegistrantType === '2' ? '2' : '1'),
      dns: [...dns],
      premium: false,
    };
    return { domainName: name, effect, ...(failure === undefined ? {} : { failure }) };
  });
}

const utcDay = (ms: number) => Math.floor(ms / DAY);

function renewalPlans(call: Call, items: readonly Item[], list: string | undefined): DetailPlan[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    if (typeof item.DomainName !== 'string' || item.DomainName === '') throw apiError('MissingParameter', paramName(list, i, 'DomainName'));
    const d = domainNamed(call, item.DomainName, paramName(list, i, 'DomainName'));
    const years = yearsOf(item, list, i);
    let failure: string | undefined;
    // CurrentExpirationDate is the domain's current expiry (epoch ms): it keeps a repeated request
    // from renewing twice. The same UTC day matches, so a value taken from a formatted date does too.
    const given = item.CurrentExpirationDate;
    if (typeof given === 'number' && utcDay(given) !== utcDay(d.ExpirationDate))
      failure = `CurrentExpirationDate ${given} is not the current expiration date of ${d.DomainName} (${d.ExpirationDate}).`;
    // A name twice in one batch renews once: the second is as pending as one of an earlier task.
    else if (seen.has(d.DomainName) || renewalPending(call, d.DomainName)) failure = `A renewal of ${d.DomainName} is already in progress.`;
    seen.add(d.DomainName);
    return {
      domainName: d.DomainName,
      effect: { kind: 'renew', years },
      instanceId: d.InstanceId,
      ...(failure === undefined ? {} : { failure }),
    };
  });
}

const items = (call: Call, list: string): Item[] => (Array.isArray(call.input[list]) ? (call.input[list] as Item[]) : []);

export const registrationHandlers: Handlers = {
  CheckDomain: (call) => {
    const name = String(call.input.DomainName).toLowerCase();
    // Avail: 1 可注册, 0 不可注册 (the spec's enum); Reason is "由注册局返回的不可注册原因".
    const taken = call.state.isTaken(name);
    return shaped(call.meta.sample, { DomainName: name, Avail: taken ? '0' : '1', Reason: taken ? 'In use' : '', Premium: 'false' });
  },

  SaveSingleTaskForCreatingOrderActivate: (call) =>
    shaped(call.meta.sample, { TaskNo: submitTask(call, 'ORDER_ACTIVATE', activationPlans(call, [call.input], undefined)) }),

  SaveBatchTaskForCreatingOrderActivate: (call) =>
    shaped(call.meta.sample, {
      TaskNo: submitTask(call, 'ORDER_ACTIVATE', activationPlans(call, items(call, 'OrderActivateParam'), 'OrderActivateParam')),
    }),

  SaveSingleTaskForCreatingOrderRenew: (call) =>
    shaped(call.meta.sample, { TaskNo: submitTask(call, 'ORDER_RENEW', renewalPlans(call, [call.input], undefined)) }),

  SaveBatchTaskForCreatingOrderRenew: (call) =>
    shaped(call.meta.sample, {
      TaskNo: submitTask(call, 'ORDER_RENEW', renewalPlans(call, items(call, 'OrderRenewParam'), 'OrderRenewParam')),
    }),
};
