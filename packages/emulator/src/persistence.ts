// The state file: read a seed (checked field by field, so a mistake is named rather than silently
// ignored), and write the state back in the same format. A saved state is itself a valid seed.
import { accessSync, constants, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SeedError, type EmulatorState, type Seed } from './state/store.js';
import defaultSeed from './state/default-state.json' with { type: 'json' };

type Obj = Record<string, unknown>;
type Check = (v: unknown, where: string) => void;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const at = (where: string, name: string) => (where === '' ? name : `${where}.${name}`);

const str: Check = (v, where) => {
  if (typeof v !== 'string') throw new SeedError(where, 'a string', v);
};
const bool: Check = (v, where) => {
  if (typeof v !== 'boolean') throw new SeedError(where, 'true or false', v);
};
const int: Check = (v, where) => {
  if (!Number.isSafeInteger(v) || (v as number) < 0) throw new SeedError(where, 'a whole number', v);
};
const time: Check = (v, where) => {
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) throw new SeedError(where, 'epoch milliseconds or an ISO 8601 date', v);
};
const oneOf =
  (...values: readonly unknown[]): Check =>
  (v, where) => {
    if (!values.includes(v)) throw new SeedError(where, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v);
  };
const list =
  (item: Check): Check =>
  (v, where) => {
    if (!Array.isArray(v)) throw new SeedError(where, 'a list', v);
    v.forEach((x, i) => item(x, `${where}[${i}]`));
  };
/** An object with these fields (each optional unless in `required`) and no others. */
const record =
  (fields: Readonly<Record<string, Check>>, required: readonly string[] = [], open = false): Check =>
  (v, where) => {
    if (!isObj(v)) throw new SeedError(where, 'an object', v);
    for (const name of required) if (v[name] === undefined) throw new SeedError(at(where, name), 'a value (it is required)', undefined);
    for (const [name, value] of Object.entries(v)) {
      const check = fields[name];
      if (check !== undefined) check(value, at(where, name));
      else if (!open) throw new SeedError(at(where, name), `a known field (${Object.keys(fields).join(', ')})`, value);
    }
  };

// The fields of state/records.ts: keep these in step with it.
const lock = oneOf('NONE_SETTING', 'OPEN', 'CLOSE');
const profile = record({
  RegistrantProfileId: int,
  RegistrantProfileType: oneOf('common', 'cnnic'),
  RegistrantType: oneOf('1', '2'),
  RegistrantName: str,
  RegistrantOrganization: str,
  ZhRegistrantName: str,
  ZhRegistrantOrganization: str,
  Country: str,
  Province: str,
  City: str,
  Address: str,
  ZhProvince: str,
  ZhCity: str,
  ZhAddress: str,
  PostalCode: str,
  TelArea: str,
  Telephone: str,
  TelExt: str,
  Email: str,
  EmailVerificationStatus: oneOf(0, 1),
  RealNameStatus: oneOf('FAILED', 'SUCCEED', 'NONAUDIT', 'AUDITING'),
  DefaultRegistrantProfile: bool,
  CreateTime: time,
  UpdateTime: time,
});
const domain = record(
  {
    DomainName: str,
    InstanceId: str,
    RegistrationDate: time,
    ExpirationDate: time,
    RegistrantProfileId: int,
    RegistrantType: oneOf('1', '2'),
    DomainGroupId: str,
    Remark: str,
    Premium: bool,
    Dns: list(str),
    DnsHosts: list(record({ DnsName: str, Ip: list(str) }, ['DnsName', 'Ip'])),
    TransferProhibitionLock: lock,
    UpdateProhibitionLock: lock,
  },
  ['DomainName'],
);
// Group ids are numbers in the API's answers (SaveDomainGroup's DomainGroupId is an int64).
const digits: Check = (v, where) => {
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new SeedError(where, 'a group id of decimal digits, as text', v);
};
const group = record({ DomainGroupId: digits, DomainGroupName: str, CreationDate: time, ModificationDate: time }, ['DomainGroupName']);
// Tasks are the emulator's own bookkeeping (a saved state holds them): checked for shape, not every effect.
const detail = record(
  {
    TaskDetailNo: str,
    DomainName: str,
    InstanceId: str,
    outcome: oneOf('EXECUTE_SUCCESS', 'EXECUTE_FAILURE'),
    ErrorMsg: str,
    TaskResult: str,
    startAt: int,
    doneAt: int,
    effect: record({ kind: str }, ['kind'], true),
    applied: bool,
    cancelled: bool,
    acknowledged: bool,
  },
  ['TaskDetailNo', 'DomainName', 'InstanceId', 'outcome', 'startAt', 'doneAt', 'effect', 'applied'],
);
const task = record({ TaskNo: str, TaskType: str, CreateTime: int, Clientip: str, details: list(detail) }, [
  'TaskNo',
  'TaskType',
  'CreateTime',
  'details',
]);
const seedRecord = record({
  version: oneOf(1),
  profiles: list(profile),
  domains: list(domain),
  groups: list(group),
  tasks: list(task),
  registeredElsewhere: list(str),
  sequence: int,
});

/** `value` as a Seed, or a SeedError naming the first field that is wrong (`domains[2].ExpirationDate`). */
export function checkSeed(value: unknown): Seed {
  if (!isObj(value)) throw new SeedError('the seed', 'a JSON object ({ "domains": [...], ... })', value);
  seedRecord(value, '');
  const seen = new Map<string, number>();
  ((value.domains ?? []) as Obj[]).forEach((d, i) => {
    const name = String(d.DomainName).toLowerCase();
    const first = seen.get(name);
    if (first !== undefined) throw new SeedError(`domains[${i}].DomainName`, `a name not already in domains[${first}]`, d.DomainName);
    seen.set(name, i);
  });
  return value;
}

/**
 * The seed in `file`: the default state when the file does not exist yet (it is written on close),
 * a SeedError naming the file and the field when it is not a valid seed.
 */
export function loadSeed(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(defaultSeed) as Seed;
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SeedError(file, `JSON (${(e as Error).message})`, text.slice(0, 40));
  }
  try {
    return checkSeed(value);
  } catch (e) {
    if (e instanceof SeedError) e.message = e.message.replace(/^state: /, `state ${file}: `);
    throw e;
  }
}

/** Fails now, rather than on close with the state lost, when `file` could not be written. */
export function checkWritable(file: string): void {
  const dir = dirname(file);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new Error(`state: cannot save to ${file}: ${dir} is not a directory`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new Error(`state: cannot save to ${file}: ${dir} is not writable`);
  }
  try {
    if (statSync(file).isDirectory()) throw new Error(`state: cannot save to ${file}: it is a directory`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Writes the state whole (a temporary file renamed over the old one), so a crash never leaves half a file. */
export function saveState(file: string, state: EmulatorState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  renameSync(tmp, file);
}
