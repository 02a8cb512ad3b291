// Checks client options when the client is made, so that a mistake fails at once, naming the
// option, instead of at the first call (or never: a misspelled option used to be ignored).
import { DomainOptionsError } from './errors.js';
import { quote } from './quote.js';
import { didYouMean } from './suggest.js';

type Check = (value: unknown, option: string) => void;

const MAX_TIMER_MS = 2_147_483_647; // setTimeout fires at once for longer delays

function shown(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

const fail = (option: string, expected: string, value: unknown): never => {
  throw new DomainOptionsError(option, `expected ${expected}, received ${shown(value)}`);
};

export const string: Check = (v, o) => {
  if (typeof v !== 'string') fail(o, 'a string', v);
};

/** Credentials: only the type of a wrong value is named, never the value. */
export const secret: Check = (v, o) => {
  if (typeof v !== 'string') throw new DomainOptionsError(o, `expected a string, received ${v === null ? 'null' : `a ${typeof v}`}`);
};

export const func: Check = (v, o) => {
  if (typeof v !== 'function') fail(o, 'a function', v);
};

export const abortSignal: Check = (v, o) => {
  const s = v as { aborted?: unknown; addEventListener?: unknown } | null;
  if (typeof s !== 'object' || s === null || typeof s.aborted !== 'boolean' || typeof s.addEventListener !== 'function')
    fail(o, 'an AbortSignal', v);
};

export const boolean: Check = (v, o) => {
  if (typeof v !== 'boolean') fail(o, 'true or false', v);
};

export const headerText: Check = (v, o) => {
  string(v, o);
  // Control characters (CR, LF above all) would let the value inject header lines.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused.
  if (/[\u0000-\u001f\u007f]/.test(v as string)) fail(o, 'text without control characters (it is sent as an HTTP header)', v);
};

export function positiveInteger(max = Number.MAX_SAFE_INTEGER): Check {
  return (v, o) => {
    if (!(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max)) fail(o, `an integer from 1 to ${max}`, v);
  };
}

/** Milliseconds: a finite number, positive (or also 0), within what a timer can wait. */
export function milliseconds(allowZero: boolean): Check {
  return (v, o) => {
    if (!(typeof v === 'number' && Number.isFinite(v) && (allowZero ? v >= 0 : v > 0) && v <= MAX_TIMER_MS)) {
      fail(o, `a number of milliseconds, ${allowZero ? 'at least 0' : 'more than 0'} and at most ${MAX_TIMER_MS}`, v);
    }
  };
}

export function oneOf(values: readonly string[]): Check {
  return (v, o) => {
    if (typeof v === 'string' && values.includes(v)) return;
    const hint = typeof v === 'string' ? didYouMean(v, values) : '';
    throw new DomainOptionsError(o, `expected ${values.map((x) => JSON.stringify(x)).join(' or ')}, received ${shown(v)}${hint}`);
  };
}

/** An object whose keys are checked in turn; unknown keys are refused, with the nearest known name. */
export function object(checks: Readonly<Record<string, Check>>): Check {
  return (v, o) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(o, 'an object', v);
    checkObject(v as Record<string, unknown>, checks, `${o}.`);
  };
}

/**
 * Checks every key of `options` (undefined values count as not given). Throws DomainOptionsError
 * for the first problem: an unknown key (with the closest known one) or an unusable value.
 */
export function checkObject(options: Readonly<Record<string, unknown>>, checks: Readonly<Record<string, Check>>, prefix = ''): void {
  const known = Object.keys(checks);
  for (const key of Object.keys(options)) {
    const value = options[key];
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (check === undefined) {
      throw new DomainOptionsError(`${prefix}${key}`, `not an option${didYouMean(key, known)} (the options are ${known.join(', ')})`);
    }
    if (value !== undefined) check(value, `${prefix}${key}`);
  }
}

/**
 * The endpoint as an origin (and optional path) without a trailing slash. A bare host, with or
 * without a port, means HTTPS, as in Alibaba Cloud's own SDKs.
 */
export function normalizeEndpoint(value: unknown): string {
  const option = 'endpoint';
  if (typeof value !== 'string' || value.trim() === '') return fail(option, 'a URL or a host name such as "domain.aliyuncs.com"', value);
  const text = /^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(option, 'a URL or a host name such as "domain.aliyuncs.com"', value.includes('@') ? 'text' : value);
  }
  // Never echo user info: it may hold a password.
  if (url.username !== '' || url.password !== '')
    throw new DomainOptionsError(option, 'expected no user name or password in the URL (credentials are options of their own)');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(option, 'an http: or https: URL', url.protocol);
  if (url.search !== '' || url.hash !== '') return fail(option, 'a URL without a query or fragment (the client writes the query)', value);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
