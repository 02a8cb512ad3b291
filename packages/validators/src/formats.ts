// The custom formats the schemas use, in the shape ajv's `addFormat` takes. The precompiled
// validators import this module; users who compile the exported JSON Schemas with ajv register
// them: `for (const [name, f] of Object.entries(formats)) ajv.addFormat(name, f)`.
import { isDomainName, isDomainNameList, isHostLabel, isHostName } from './domain-name.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A decimal string of digits (optional leading "-") within the signed 64-bit range. */
export function isInt64String(s: string): boolean {
  if (!/^-?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= INT64_MIN && n <= INT64_MAX;
}

export interface StringFormat {
  type: 'string';
  validate: (s: string) => boolean;
}

export const formats: {
  'alidomain-domain-name': StringFormat;
  'alidomain-domain-name-list': StringFormat;
  'alidomain-host-name': StringFormat;
  'alidomain-host-label': StringFormat;
  int64: StringFormat;
} = {
  /** Appendix 6.2 domain-name rules (see `domainNameProblem` for the reason a name fails). */
  'alidomain-domain-name': { type: 'string', validate: isDomainName },
  /** Domain names separated by ",", each under appendix 6.2 (see `domainNameListProblem`). */
  'alidomain-domain-name-list': { type: 'string', validate: isDomainNameList },
  /** A DNS host name such as ns1.example.com: 253 characters, LDH labels of 1–63 (see `hostNameProblem`). */
  'alidomain-host-name': { type: 'string', validate: isHostName },
  /** One DNS label such as dns1: 1–63 letters, digits or "-" (see `hostLabelProblem`). */
  'alidomain-host-label': { type: 'string', validate: isHostLabel },
  /** Int64 values given as strings (numbers are checked by `type: integer` and the safe range). */
  int64: { type: 'string', validate: isInt64String },
};
