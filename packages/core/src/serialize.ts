import type { WireParam } from './canonical.js';
import { DomainValidationError, type ValidationProblem } from './errors.js';
import { wireOf, type ActionMeta, type ParamMeta, type ScalarType } from './meta.js';
import { quote } from './quote.js';

export interface SerializedInput {
  /** Parameters that travel in the URL query. */
  readonly query: WireParam[];
  /** Parameters that travel in a form-encoded POST body (`in: 'body'`). */
  readonly body: WireParam[];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is valid UTF-16 (a lone surrogate cannot be UTF-8 encoded, so cannot be sent). */
const isWellFormed = (s: string): boolean => (s as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !LONE_SURROGATE.test(s);

function malformed(s: string, param: string, problems: ValidationProblem[]): boolean {
  if (isWellFormed(s)) return false;
  const at = s.search(LONE_SURROGATE);
  problems.push({ param, expected: 'well-formed Unicode text', got: `a string with a lone UTF-16 surrogate at index ${at}` });
  return true;
}

const INTEGER_TEXT = /^-?\d+$/;

/** How deep a JSON-text value may nest: the API's JSON parameters are a few levels deep. */
export const MAX_JSON_DEPTH = 100;

/** JSON.stringify as it behaves: undefined for a function, a symbol or undefined, though its type says string. */
const stringify = JSON.stringify as (value: unknown) => string | undefined;

/** Why a value cannot be sent as JSON text (cyclic, or nested too deep), or undefined. */
function nestingProblem(value: unknown, depth = 0, ancestors: object[] = []): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_JSON_DEPTH) return `a value nested more than ${MAX_JSON_DEPTH} levels deep`;
  if (ancestors.includes(value)) return 'a cyclic value (it contains itself)';
  ancestors.push(value);
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const problem = nestingProblem(v, depth + 1, ancestors);
    if (problem !== undefined) return problem;
  }
  ancestors.pop();
  return undefined;
}

/** String form of one scalar, or a problem. */
function scalarToWire(v: unknown, type: ScalarType | undefined, param: string, problems: ValidationProblem[]): string | undefined {
  switch (typeof v) {
    case 'string':
      if (malformed(v, param, problems)) return undefined;
      // One rule with the validators: strings are text; int64 also takes decimal digits (values
      // beyond 2^53), every other number or boolean must be given as one.
      if (type === undefined || type === 'string' || (type === 'int64' && INTEGER_TEXT.test(v))) return v;
      problems.push({
        param,
        expected:
          type === 'int64'
            ? 'an int64 integer (a number, a bigint or a string of decimal digits)'
            : `${type === 'boolean' ? 'a boolean' : type === 'number' ? 'a number' : 'an int32 integer'}, not a string`,
        got: `the string ${quote(v)}`,
      });
      return undefined;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      if (!Number.isFinite(v)) break;
      if ((type === 'int32' || type === 'int64') && !Number.isInteger(v)) {
        problems.push({ param, expected: `an integer (${type})`, got: String(v) });
        return undefined;
      }
      // Integers beyond 2^53 would print in exponent form; send plain digits.
      return Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v).toString() : String(v);
    default:
      break;
  }
  problems.push({ param, expected: `a ${type ?? 'scalar'} value (string, number, boolean or bigint)`, got: describe(v) });
  return undefined;
}

function serializeParam(p: ParamMeta, value: unknown, out: WireParam[], problems: ValidationProblem[]): void {
  const name = p.name;
  switch (p.style ?? 'scalar') {
    case 'scalar': {
      const s = scalarToWire(value, p.type, name, problems);
      if (s !== undefined) out.push([name, s]);
      return;
    }
    case 'repeatList': {
      if (!Array.isArray(value)) {
        problems.push({ param: name, expected: 'an array', got: describe(value) });
        return;
      }
      for (let i = 0; i < value.length; i++) {
        const key = `${name}.${i + 1}`;
        const item: unknown = value[i];
        // A hole would shift the numbering the server sees: reject instead of skipping.
        if (item === undefined || item === null) {
          problems.push({ param: key, expected: `a ${p.type ?? 'scalar'} list item`, got: describe(item) });
          continue;
        }
        const s = scalarToWire(item, p.type, key, problems);
        if (s !== undefined) out.push([key, s]);
      }
      return;
    }
    case 'objectList': {
      if (!Array.isArray(value)) {
        problems.push({ param: name, expected: 'an array of objects', got: describe(value) });
        return;
      }
      for (let i = 0; i < value.length; i++) {
        const prefix = `${name}.${i + 1}`;
        const item: unknown = value[i];
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          problems.push({ param: prefix, expected: 'an object', got: describe(item) });
          continue;
        }
        for (const field of Object.keys(item)) {
          const fv = (item as Record<string, unknown>)[field];
          const key = `${prefix}.${field}`;
          if (p.fields !== undefined && !Object.hasOwn(p.fields, field)) {
            problems.push({ param: key, expected: `one of the fields ${Object.keys(p.fields).join(', ')}`, got: 'an unknown field' });
            continue;
          }
          if (fv === undefined || fv === null) continue;
          const s = scalarToWire(fv, p.fields?.[field], key, problems);
          if (s !== undefined) out.push([key, s]);
        }
      }
      return;
    }
    case 'json': {
      if (typeof value === 'string') {
        if (!malformed(value, name, problems)) out.push([name, value]);
        return;
      }
      const nesting = nestingProblem(value);
      if (nesting !== undefined) {
        problems.push({
          param: name,
          expected: `JSON text, or a value to send as JSON nested at most ${MAX_JSON_DEPTH} levels`,
          got: nesting,
        });
        return;
      }
      let text: string | undefined;
      try {
        text = stringify(value);
      } catch (e) {
        problems.push({ param: name, expected: 'a JSON-serialisable value', got: (e as Error).message });
        return;
      }
      if (text === undefined) {
        problems.push({ param: name, expected: 'a JSON-serialisable value', got: describe(value) });
        return;
      }
      out.push([name, text]);
      return;
    }
  }
}

// Built once per Action, not per call.
const lookups = new WeakMap<ActionMeta, ReadonlyMap<string, ParamMeta>>();
function paramsByName(meta: ActionMeta): ReadonlyMap<string, ParamMeta> {
  let byName = lookups.get(meta);
  if (byName === undefined) {
    byName = new Map(wireOf(meta).params.map((p) => [p.name, p]));
    lookups.set(meta, byName);
  }
  return byName;
}

/**
 * Turns a typed input object into flat wire parameters, per the Action's params.
 * `undefined`/`null` values are omitted, empty strings kept; list indices start at 1.
 * Throws DomainValidationError (listing every problem) for unknown input keys or unusable values.
 */
export function serializeInput(meta: ActionMeta, input: unknown): SerializedInput {
  const query: WireParam[] = [];
  const body: WireParam[] = [];
  if (input === undefined || input === null) return { query, body };
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new DomainValidationError(meta.action, [{ param: '(input)', expected: 'an object', got: describe(input) }]);
  }
  const problems: ValidationProblem[] = [];
  const byName = paramsByName(meta);
  const rec = input as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    const p = byName.get(key);
    if (p === undefined) {
      problems.push({ param: key, expected: `a parameter of ${meta.action}`, got: 'an unknown parameter' });
      continue;
    }
    const value = rec[key];
    if (value === undefined || value === null) continue;
    serializeParam(p, value, p.in === 'body' ? body : query, problems);
  }
  if (problems.length > 0) throw new DomainValidationError(meta.action, problems);
  return { query, body };
}
