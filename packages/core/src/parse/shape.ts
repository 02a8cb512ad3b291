import type { ScalarType, Shape } from '../meta.js';
import { BigIntLiteral } from './json.js';

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  // `out[key] = …` with key "__proto__" would change the prototype instead of adding a property.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function integerFromString(s: string): number | bigint | undefined {
  if (!INTEGER.test(s)) return undefined;
  const n = Number(s);
  if (Number.isSafeInteger(n)) return n;
  return BigInt(s);
}

/** Converts one scalar per its declared type; values that do not fit are returned unchanged. */
function coerceScalar(value: unknown, kind: ScalarType): unknown {
  if (value instanceof BigIntLiteral) return kind === 'string' ? value.digits : value.toValue();
  switch (kind) {
    case 'string':
      // XML gives strings anyway; JSON sometimes sends a documented string as a number or boolean.
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'int32':
    case 'int64':
      if (typeof value === 'string') return integerFromString(value.trim()) ?? value;
      return value;
    case 'number':
      if (typeof value === 'string') {
        const t = value.trim();
        return NUMBER.test(t) ? Number(t) : value;
      }
      return value;
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      return value;
  }
}

/** Unknown or free-form data: only unbox big integer literals; everything else untouched. */
function passThrough(value: unknown): unknown {
  if (value instanceof BigIntLiteral) return value.toValue();
  if (Array.isArray(value)) return value.map(passThrough);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) setOwn(out, k, passThrough((value as Record<string, unknown>)[k]));
    return out;
  }
  return value;
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * Gives a parsed JSON or XML body its typed form per `shape`:
 * arrays stay arrays even when XML had a single element; XML text becomes numbers/booleans where
 * the shape says so; JSON numeric strings become numbers for integer fields; int64 values are
 * `number` up to Number.MAX_SAFE_INTEGER and `bigint` beyond. Fields the shape does not know pass through.
 */
export function applyShape(value: unknown, shape: Shape): unknown {
  if (shape === 'any') return passThrough(value);
  if (typeof shape === 'string') return coerceScalar(value, shape);
  switch (shape.kind) {
    case 'object': {
      // An empty XML element (`<Data/>`) parses as ''.
      if (value === '') return {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return passThrough(value);
      const out: Record<string, unknown> = {};
      const rec = value as Record<string, unknown>;
      for (const k of Object.keys(rec)) {
        const fieldShape = Object.hasOwn(shape.fields, k) ? shape.fields[k] : undefined;
        setOwn(out, k, fieldShape === undefined ? passThrough(rec[k]) : applyShape(rec[k], fieldShape));
      }
      return out;
    }
    case 'list': {
      // An empty wrapper (`<Data/>` parses as '') is an empty list, as JSON's `{"Domain": []}`.
      if (value === '' || isEmptyObject(value)) return { [shape.wrapper]: [] };
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return passThrough(value);
      const out: Record<string, unknown> = {};
      const rec = value as Record<string, unknown>;
      for (const k of Object.keys(rec)) setOwn(out, k, k === shape.wrapper ? applyArray(rec[k], shape.items) : passThrough(rec[k]));
      return out;
    }
    case 'array':
      return applyArray(value, shape.items);
  }
}

function applyArray(value: unknown, itemShape: Shape): unknown {
  if (value === undefined || value === null) return value;
  // XML has no array marker: one element parses as a single value.
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => applyShape(item, itemShape));
}
