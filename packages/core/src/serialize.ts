import type { WireParam } from './canonical.js';
import { DomainValidationError, type ValidationProblem } from './errors.js';
import { wireOf, type ActionMeta, type ParamMeta, type ScalarType } from './meta.js';

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

/** String form of one scalar, or a problem. */
function scalarToWire(
  v: unknown,
  type: ScalarType | undefined,
  param: string,
  problems: ValidationProblem[],
): string | undefined {
  switch (typeof v) {
    case 'string':
      return v;
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
        out.push([name, value]);
        return;
      }
      let text: string | undefined;
      try {
        text = JSON.stringify(value);
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
