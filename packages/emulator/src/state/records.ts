// The records the emulator keeps. Field names are the API's own (the response fields they become),
// so the seed format reads like the API's answers. Times are epoch milliseconds.

/** A registrant profile (信息模板), as QueryRegistrantProfiles lists it. */
export interface Profile {
  RegistrantProfileId: number;
  RegistrantProfileType: 'common' | 'cnnic';
  RegistrantType: '1' | '2';
  RegistrantName: string;
  RegistrantOrganization: string;
  ZhRegistrantName: string;
  ZhRegistrantOrganization: string;
  Country: string;
  Province: string;
  City: string;
  Address: string;
  ZhProvince: string;
  ZhCity: string;
  ZhAddress: string;
  PostalCode: string;
  TelArea: string;
  Telephone: string;
  TelExt: string;
  Email: string;
  /** 0: e-mail not verified, 1: verified. */
  EmailVerificationStatus: 0 | 1;
  RealNameStatus: 'FAILED' | 'SUCCEED' | 'NONAUDIT' | 'AUDITING';
  DefaultRegistrantProfile: boolean;
  CreateTime: number;
  UpdateTime: number;
}

export type LockStatus = 'NONE_SETTING' | 'OPEN' | 'CLOSE';

/** A domain name registered to the account. */
export interface Domain {
  DomainName: string;
  InstanceId: string;
  RegistrationDate: number;
  ExpirationDate: number;
  /** The profile it was registered with, when it was. */
  RegistrantProfileId?: number;
  RegistrantType: '1' | '2';
  DomainGroupId?: string;
  Remark: string;
  Premium: boolean;
  /** Name servers (DnsList). */
  Dns: string[];
  /** Glue records (DNS hosts) under the domain: host name → IP addresses. */
  DnsHosts: { DnsName: string; Ip: string[] }[];
  TransferProhibitionLock: LockStatus;
  UpdateProhibitionLock: LockStatus;
}

export interface Group {
  DomainGroupId: string;
  DomainGroupName: string;
  CreationDate: number;
  ModificationDate: number;
}

/** What a task detail does to the state when it succeeds. */
export type Effect =
  | { kind: 'register'; years: number; profileId?: number; registrantType: '1' | '2'; dns: string[]; premium: boolean }
  | { kind: 'renew'; years: number }
  | { kind: 'redeem' }
  | { kind: 'dns'; dns: string[] }
  | { kind: 'dnsHost'; host: string; ip: string[] }
  | { kind: 'dnsHostDelete'; host: string }
  | { kind: 'lock'; lock: 'TransferProhibitionLock' | 'UpdateProhibitionLock'; status: LockStatus }
  | { kind: 'profile'; profileId: number }
  | { kind: 'none' };

export type DetailStatus = 'WAITING_EXECUTE' | 'EXECUTING' | 'EXECUTE_SUCCESS' | 'EXECUTE_FAILURE';

export interface TaskDetail {
  TaskDetailNo: string;
  DomainName: string;
  InstanceId: string;
  /** Fixed at submission: the detail waits until `startAt`, executes until `doneAt`, then ends so. */
  outcome: 'EXECUTE_SUCCESS' | 'EXECUTE_FAILURE';
  ErrorMsg: string;
  TaskResult: string;
  startAt: number;
  doneAt: number;
  effect: Effect;
  /** Set once the effect has been applied to the state (at `doneAt`, on the first request after it). */
  applied: boolean;
  /** Cancelled (CancelTask) before it started. */
  cancelled?: boolean;
  acknowledged?: boolean;
}

/** Task types of the API (QueryTaskList's TaskType). */
export type TaskType =
  | 'CHG_HOLDER'
  | 'CHG_DNS'
  | 'SET_WHOIS_PROTECT'
  | 'UPDATE_ADMIN_CONTACT'
  | 'UPDATE_BILLING_CONTACT'
  | 'UPDATE_TECH_CONTACT'
  | 'SET_UPDATE_PROHIBITED'
  | 'SET_TRANSFER_PROHIBITED'
  | 'ORDER_ACTIVATE'
  | 'ORDER_RENEW'
  | 'ORDER_REDEEM'
  | 'CREATE_DNSHOST'
  | 'UPDATE_DNSHOST'
  | 'SYNC_DNSHOST';

export interface Task {
  TaskNo: string;
  TaskType: TaskType;
  CreateTime: number;
  Clientip: string;
  details: TaskDetail[];
}

/** Everything the emulator keeps: what `--state FILE` holds, and what a seed gives (every list optional). */
export interface StateData {
  /** The format's version: 1. */
  version: 1;
  profiles: Profile[];
  domains: Domain[];
  groups: Group[];
  tasks: Task[];
  /** Names registered by someone else: CheckDomain reports them taken and registering them fails. */
  registeredElsewhere: string[];
  /** The last number handed out for ids (profiles, instances, groups, tasks). */
  sequence: number;
}
