// Turns ajv's errors into one-line messages for people: the parameter by its wire name
// (`OrderActivateParam.2.DomainName`: list indexes 1-based, as on the wire) or, in a response,
// by its path in the body (`Data.Domain[0].DomainName`), then what was expected and what was
// received. Every problem is reported, not only the first.
import { domainNameListProblem, domainNameProblem, hostLabelProblem, hostNameProblem } from './domain-name.js';

/** The part of an ajv error the messages use (ajv's `ErrorObject`, without depending on ajv). */
export interface RawError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface MessageContext {
  direction: 'request' | 'response';
  action: string;
  /** Names an object accepts, by the schema path of that object (`#`, `#/properties/X/items`), for "did you mean". */
  known?: Record<string, readonly string[]> | undefined;
}

const MAX_SHOWN = 80;

/** A value as a message shows it: strings quoted (and shortened), containers summarised. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const s = JSON.stringify(value);
    return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 2)}…" (${value.length} characters)` : s;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  const scalar = value as string | number | boolean | bigint | symbol | undefined;
  return String(scalar);
}

/** What a value is, for type errors: `the string "5"`, `the number 1.5`, `true`. */
function kind(value: unknown): string {
  if (typeof value === 'string') return `the string ${show(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return show(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'a list (array)',
  null: 'null',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
  const key = [...types].sort().join(',');
  if (key === 'integer,string') return 'an integer (a number, a bigint, or a decimal string of digits)';
  if (key === 'array,object,string') return 'JSON text (a string), or an object or list to be sent as JSON';
  const words = types.map((t) => TYPE_WORDS[t] ?? t);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

const COMPARISON: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };
const SAFE = Number.MAX_SAFE_INTEGER;

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Walks a JSON pointer through the data, naming it the way people see it. */
function locate(data: unknown, pointer: string, ctx: MessageContext): { name: string; value: unknown } {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  let name = '';
  let value = data;
  for (const seg of segments) {
    if (Array.isArray(value)) {
      const i = Number(seg);
      name += ctx.direction === 'request' ? `.${i + 1}` : `[${i}]`;
      value = value[i];
    } else {
      name += name === '' ? seg : `.${seg}`;
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
    }
  }
  return { name: name.replace(/^\./, ''), value };
}

function child(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  // row[j] is the distance between a's first i characters and b's first j: every index is in range.
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  const at = (j: number) => row[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    let prev = at(0);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = at(j);
      row[j] = Math.min(cur + 1, at(j - 1) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return at(b.length);
}

function suggestion(key: string, known: readonly string[] | undefined): string {
  if (!known?.length) return '';
  const lower = key.toLowerCase();
  const best = known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => distance(k.toLowerCase(), lower) <= 2);
  return best ? `; did you mean ${best}?` : '';
}

function owner(name: string, ctx: MessageContext): string {
  if (ctx.direction === 'response') return `the spec's ${ctx.action} response does not list it${name ? ` in ${name}` : ''}`;
  if (name === '') return `${ctx.action} does not take it`;
  return `${name.replace(/\.\d+$/, '')} items do not take it`;
}

function message(e: RawError, data: unknown, ctx: MessageContext): { path: string; text: string } {
  const at = locate(data, e.instancePath, ctx);
  const root = `${ctx.action} ${ctx.direction === 'request' ? 'request' : 'response body'}`;
  const label = (name: string) => name || root;
  const p = e.params;
  switch (e.keyword) {
    case 'required': {
      const name = child(at.name, String(p.missingProperty));
      return { path: name, text: `${name}: expected a value (it is required), received nothing` };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const name = child(at.name, key);
      const objectPath = e.schemaPath.replace(/\/additionalProperties$/, '');
      const value = at.value !== null && typeof at.value === 'object' ? (at.value as Record<string, unknown>)[key] : undefined;
      const what = ctx.direction === 'request' && at.name === '' ? 'parameter' : 'field';
      return {
        path: name,
        text: `${name}: expected no such ${what} (${owner(at.name, ctx)}${suggestion(key, ctx.known?.[objectPath])}), received ${show(value)}`,
      };
    }
    case 'type':
      return { path: at.name, text: `${label(at.name)}: expected ${typeWords(p.type)}, received ${kind(at.value)}` };
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { path: at.name, text: `${label(at.name)}: expected one of ${values}, received ${show(at.value)}` };
    }
    case 'format': {
      if (p.format === 'alidomain-domain-name') {
        const problem = domainNameProblem(at.value) ?? 'it is not accepted';
        return {
          path: at.name,
          text: `${label(at.name)}: expected a domain name under appendix 6.2, received ${show(at.value)}: ${problem}`,
        };
      }
      if (p.format === 'alidomain-domain-name-list') {
        const problem = domainNameListProblem(at.value) ?? 'it is not accepted';
        return {
          path: at.name,
          text: `${label(at.name)}: expected domain names under appendix 6.2 separated by ",", received ${show(at.value)}: ${problem}`,
        };
      }
      if (p.format === 'alidomain-host-name') {
        const problem = hostNameProblem(at.value) ?? 'it is not accepted';
        return {
          path: at.name,
          text: `${label(at.name)}: expected a host name such as ns1.example.com (at most 253 characters; labels of 1-63 letters, digits or "-"), received ${show(at.value)}: ${problem}`,
        };
      }
      if (p.format === 'alidomain-host-label') {
        const problem = hostLabelProblem(at.value) ?? 'it is not accepted';
        return {
          path: at.name,
          text: `${label(at.name)}: expected one host label such as dns1 (1-63 letters, digits or "-"), received ${show(at.value)}: ${problem}`,
        };
      }
      if (p.format === 'int64') {
        return {
          path: at.name,
          text: `${label(at.name)}: expected an int64 integer (as a string: decimal digits with an optional "-", within the signed 64-bit range), received ${show(at.value)}`,
        };
      }
      return { path: at.name, text: `${label(at.name)}: expected the format ${String(p.format)}, received ${show(at.value)}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = Number(p.limit);
      const hint = Math.abs(limit) === SAFE ? ' (larger int64 values: pass a bigint or a decimal string)' : '';
      return {
        path: at.name,
        text: `${label(at.name)}: expected ${COMPARISON[String(p.comparison)] ?? String(p.comparison)} ${limit}${hint}, received ${show(at.value)}`,
      };
    }
    case 'minLength':
    case 'maxLength': {
      const n = Number(p.limit);
      // A long value is shown shortened with its length already; a short one gets it here.
      const shownText = show(at.value);
      const length =
        typeof at.value === 'string' && !shownText.endsWith('characters)') ? ` (${Array.from(at.value).length} characters)` : '';
      return {
        path: at.name,
        text: `${label(at.name)}: expected ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${n} character${n === 1 ? '' : 's'}, received ${shownText}${length}`,
      };
    }
    case 'minItems':
    case 'maxItems': {
      const n = Number(p.limit);
      return {
        path: at.name,
        text: `${label(at.name)}: expected ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${n} item${n === 1 ? '' : 's'}, received ${show(at.value)}`,
      };
    }
    case 'pattern':
      return { path: at.name, text: `${label(at.name)}: expected a string matching /${String(p.pattern)}/, received ${show(at.value)}` };
    default:
      return {
        path: at.name,
        text: `${label(at.name)}: expected a value that ${e.message ?? `satisfies ${e.keyword}`}, received ${show(at.value)}`,
      };
  }
}

/** One problem, in parts and as its line. */
export interface Problem {
  /** The wire name (`OrderActivateParam.2.DomainName`), the body path in a response, or `(input)` for the whole value. */
  param: string;
  /** What the spec wants there. */
  expected: string;
  /** What was given, shortened (never a whole long value). */
  received: string;
  /** The line: `<param>: expected <expected>, received <received>`. */
  message: string;
}

// Every line is written `<label>: expected <what>, received <what>`; the label of the whole value is
// `<Action> request` (or `response body`).
const LINE = /^(.*?): expected (.*?), received (.*)$/s;

function parts(text: string, path: string): Problem {
  const m = LINE.exec(text);
  return { param: path === '' ? '(input)' : path, expected: m?.[2] ?? '', received: m?.[3] ?? '', message: text };
}

/**
 * One problem per broken rule. Where one value breaks several rules, the most telling is kept: a
 * wrong type hides the enum/format/range checks on the same value, and a failed format (domain
 * name, host name) hides the value's length limits, which its own message already covers.
 */
export function describeProblems(errors: readonly RawError[], data: unknown, ctx: MessageContext): Problem[] {
  const all = errors.map((e) => ({ keyword: e.keyword, ...message(e, data, ctx) }));
  const typed = new Set(all.filter((m) => m.keyword === 'type').map((m) => m.path));
  const formatted = new Set(all.filter((m) => m.keyword === 'format').map((m) => m.path));
  const out: Problem[] = [];
  for (const m of all) {
    if (typed.has(m.path) && m.keyword !== 'type' && m.keyword !== 'required' && m.keyword !== 'additionalProperties') continue;
    if (formatted.has(m.path) && (m.keyword === 'minLength' || m.keyword === 'maxLength')) continue;
    if (!out.some((p) => p.message === m.text)) out.push(parts(m.text, m.path));
  }
  return out;
}

/** One line per problem (see describeProblems). */
export function describeErrors(errors: readonly RawError[], data: unknown, ctx: MessageContext): string[] {
  return describeProblems(errors, data, ctx).map((p) => p.message);
}
