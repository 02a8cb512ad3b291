// The emulator's state: built from a seed (every field optional but names), advanced in time on
// each request (task details move on and apply their effects), and saved as the same JSON.
import type { Domain, Group, Profile, StateData, Task, TaskDetail } from './records.js';

const DAY = 86_400_000;

/** `ms` moved on by whole calendar years (a registration of 1 year ends on the same date a year later). */
export function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** A seed: the state file's format with every list, and every field but the names, optional. Times: epoch ms or ISO 8601 text. */
export interface Seed {
  version?: 1;
  profiles?: (Partial<Omit<Profile, 'CreateTime' | 'UpdateTime'>> & { CreateTime?: number | string; UpdateTime?: number | string })[];
  domains?: (Partial<Omit<Domain, 'RegistrationDate' | 'ExpirationDate'>> & {
    DomainName: string;
    RegistrationDate?: number | string;
    ExpirationDate?: number | string;
  })[];
  groups?: (Partial<Omit<Group, 'CreationDate' | 'ModificationDate'>> & {
    DomainGroupName: string;
    CreationDate?: number | string;
    ModificationDate?: number | string;
  })[];
  tasks?: Task[];
  registeredElsewhere?: string[];
  sequence?: number;
}

export class SeedError extends Error {
  constructor(where: string, expected: string, got: unknown) {
    super(`state: ${where}: expected ${expected}, received ${JSON.stringify(got)}`);
    this.name = 'SeedError';
  }
}

function time(v: number | string | undefined, where: string, fallback: number): number {
  if (v === undefined) return fallback;
  const t = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(t)) throw new SeedError(where, 'epoch milliseconds or an ISO 8601 date', v);
  return t;
}

export class EmulatorState {
  readonly data: StateData;

  constructor(seed: Seed, now: number) {
    // A file written by another version of the emulator says so here: the type cannot promise it.
    if (seed.version !== undefined && (seed.version as number) !== 1) throw new SeedError('version', '1', seed.version);
    // New ids never take one a seed gives: the explicit ones are known before any is handed out.
    const taken = new Set<string>();
    for (const p of seed.profiles ?? []) if (p.RegistrantProfileId !== undefined) taken.add(String(p.RegistrantProfileId));
    for (const g of seed.groups ?? []) if (g.DomainGroupId !== undefined) taken.add(g.DomainGroupId);
    for (const d of seed.domains ?? []) if (d.InstanceId !== undefined) taken.add(d.InstanceId);
    let sequence = seed.sequence ?? 0;
    const next = () => {
      do sequence++;
      while (taken.has(String(sequence)) || taken.has(instanceId(sequence)));
      return sequence;
    };
    const profiles = (seed.profiles ?? []).map((p, i) => profile(p, i, now, next));
    const groups = (seed.groups ?? []).map((g, i): Group => {
      if (typeof g.DomainGroupName !== 'string' || g.DomainGroupName === '')
        throw new SeedError(`groups[${i}].DomainGroupName`, 'a name', g.DomainGroupName);
      const created = time(g.CreationDate, `groups[${i}].CreationDate`, now);
      return {
        DomainGroupId: g.DomainGroupId ?? String(next()),
        DomainGroupName: g.DomainGroupName,
        CreationDate: created,
        ModificationDate: time(g.ModificationDate, `groups[${i}].ModificationDate`, created),
      };
    });
    const domains = (seed.domains ?? []).map((d, i) => domain(d, i, now, next));
    this.data = {
      version: 1,
      profiles,
      domains,
      groups,
      tasks: seed.tasks ?? [],
      registeredElsewhere: (seed.registeredElsewhere ?? []).map((n) => n.toLowerCase()),
      sequence,
    };
    this.advance(now);
  }

  /** A new id, unique in this state (it persists with it), used by no profile, group or instance. */
  nextId(): number {
    const d = this.data;
    for (;;) {
      const id = ++d.sequence;
      const text = String(id);
      const inUse =
        d.profiles.some((p) => p.RegistrantProfileId === id) ||
        d.groups.some((g) => g.DomainGroupId === text) ||
        d.domains.some((x) => x.InstanceId === instanceId(id));
      if (!inUse) return id;
    }
  }

  domain(name: string): Domain | undefined {
    const key = name.toLowerCase();
    return this.data.domains.find((d) => d.DomainName === key);
  }

  profile(id: number): Profile | undefined {
    return this.data.profiles.find((p) => p.RegistrantProfileId === id);
  }

  /** Whether `name` is registered, here or elsewhere. */
  isTaken(name: string): boolean {
    const key = name.toLowerCase();
    return this.domain(key) !== undefined || this.data.registeredElsewhere.includes(key);
  }

  /** Applies the effects of every task detail that has finished by `now`, in the order they finish. */
  advance(now: number): void {
    const due: TaskDetail[] = [];
    for (const task of this.data.tasks)
      for (const detail of task.details) if (!detail.applied && !detail.cancelled && detail.doneAt <= now) due.push(detail);
    due.sort((a, b) => a.doneAt - b.doneAt);
    for (const detail of due) {
      detail.applied = true;
      if (detail.outcome === 'EXECUTE_SUCCESS') apply(this, detail);
    }
  }

  toJSON(): StateData {
    return this.data;
  }
}

/** A detail's status at `now`. */
export function detailStatus(d: TaskDetail, now: number): TaskDetail['outcome'] | 'WAITING_EXECUTE' | 'EXECUTING' {
  if (d.cancelled) return 'EXECUTE_FAILURE';
  if (now < d.startAt) return 'WAITING_EXECUTE';
  if (now < d.doneAt) return 'EXECUTING';
  return d.outcome;
}

function apply(state: EmulatorState, detail: TaskDetail): void {
  const e = detail.effect;
  const d = state.domain(detail.DomainName);
  switch (e.kind) {
    case 'register': {
      if (state.isTaken(detail.DomainName)) return;
      const at = detail.doneAt;
      state.data.domains.push({
        DomainName: detail.DomainName.toLowerCase(),
        InstanceId: detail.InstanceId,
        RegistrationDate: at,
        ExpirationDate: addYears(at, e.years),
        ...(e.profileId === undefined ? {} : { RegistrantProfileId: e.profileId }),
        RegistrantType: e.registrantType,
        Remark: '',
        Premium: e.premium,
        Dns: e.dns,
        DnsHosts: [],
        TransferProhibitionLock: 'NONE_SETTING',
        UpdateProhibitionLock: 'NONE_SETTING',
      });
      return;
    }
    case 'renew':
      if (d) d.ExpirationDate = addYears(d.ExpirationDate, e.years);
      return;
    case 'redeem':
      return;
    case 'dns':
      if (d) d.Dns = e.dns;
      return;
    case 'dnsHost':
      if (d) d.DnsHosts = [...d.DnsHosts.filter((h) => h.DnsName !== e.host), { DnsName: e.host, Ip: e.ip }];
      return;
    case 'dnsHostDelete':
      if (d) d.DnsHosts = d.DnsHosts.filter((h) => h.DnsName !== e.host);
      return;
    case 'lock':
      if (d) d[e.lock] = e.status;
      return;
    case 'profile':
      if (d) d.RegistrantProfileId = e.profileId;
      return;
    case 'none':
      return;
  }
}

function profile(p: NonNullable<Seed['profiles']>[number], i: number, now: number, next: () => number): Profile {
  const id = p.RegistrantProfileId ?? next();
  if (!Number.isSafeInteger(id)) throw new SeedError(`profiles[${i}].RegistrantProfileId`, 'an integer', id);
  return {
    RegistrantProfileType: 'common',
    RegistrantType: '1',
    RegistrantName: '',
    RegistrantOrganization: '',
    ZhRegistrantName: '',
    ZhRegistrantOrganization: '',
    Country: 'CN',
    Province: '',
    City: '',
    Address: '',
    ZhProvince: '',
    ZhCity: '',
    ZhAddress: '',
    PostalCode: '',
    TelArea: '86',
    Telephone: '',
    TelExt: '',
    Email: '',
    EmailVerificationStatus: 1,
    RealNameStatus: 'SUCCEED',
    DefaultRegistrantProfile: false,
    ...p,
    RegistrantProfileId: id,
    CreateTime: time(p.CreateTime, `profiles[${i}].CreateTime`, now),
    UpdateTime: time(p.UpdateTime, `profiles[${i}].UpdateTime`, now),
  };
}

const NAME =
  /^(?=.{1,253}$)([a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+[a-z\u00a1-\uffff][a-z0-9\u00a1-\uffff-]*$/i;

function domain(d: NonNullable<Seed['domains']>[number], i: number, now: number, next: () => number): Domain {
  if (typeof d.DomainName !== 'string' || !NAME.test(d.DomainName))
    throw new SeedError(`domains[${i}].DomainName`, 'a domain name', d.DomainName);
  const registered = time(d.RegistrationDate, `domains[${i}].RegistrationDate`, addYears(now, -1));
  return {
    InstanceId: instanceId(next()),
    RegistrantType: '1',
    Remark: '',
    Premium: false,
    Dns: ['dns1.hichina.com', 'dns2.hichina.com'],
    DnsHosts: [],
    TransferProhibitionLock: 'NONE_SETTING',
    UpdateProhibitionLock: 'NONE_SETTING',
    ...d,
    DomainName: d.DomainName.toLowerCase(),
    RegistrationDate: registered,
    ExpirationDate: time(d.ExpirationDate, `domains[${i}].ExpirationDate`, addYears(registered, 2)),
  };
}

/** The InstanceId the emulator gives a new domain: `S` and the id in 14 digits. */
export const instanceId = (id: number): string => `S${String(id).padStart(14, '0')}`;

export { DAY };
