// The custom formats the schemas use, in the shape ajv's `addFormat` takes. The precompiled
// validators import this module; users who compile the exported JSON Schemas with ajv register
// them: `for (const [name, f] of Object.entries(formats)) ajv.addFormat(name, f)`.
import { isDomainName } from './domain-name.js';

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

export const formats: { 'alidomain-domain-name': StringFormat; int64: StringFormat } = {
  /** Appendix 6.2 domain-name rules (see `domainNameProblem` for the reason a name fails). */
  'alidomain-domain-name': { type: 'string', validate: isDomainName },
  /** Int64 values given as strings (numbers are checked by `type: integer` and the safe range). */
  int64: { type: 'string', validate: isInt64String },
};
