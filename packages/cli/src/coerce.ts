// Flag text → input value, per the parameter's wire style and scalar type (from the client's
// ActionMeta). Only the form of a value is checked here; what it must be (ranges, allowed values,
// domain names, required parameters) is the validators' business, checked before anything is sent.
import type { ParamMeta, ScalarType } from '@alidomain/core';

/** Why a flag's text cannot be its parameter's value: what was expected. */
export class CoercionError extends Error {
  override name = 'CoercionError';
}

const INTEGER = /^[-+]?\d+$/;

/** One scalar value from its text. int64 stays a decimal string past 2^53, so no digit is lost. */
export function scalarValue(type: ScalarType, text: string): string | number | boolean {
  switch (type) {
    case 'string':
      return text;
    case 'int32':
    case 'int64': {
      if (!INTEGER.test(text)) throw new CoercionError('expected an integer');
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : text.replace(/^\+/, '');
    }
    case 'number': {
      const n = text.trim() === '' ? NaN : Number(text);
      if (!Number.isFinite(n)) throw new CoercionError('expected a number');
      return n;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw new CoercionError('expected true or false');
      return lower === 'true';
    }
  }
}

function json(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CoercionError('expected JSON text');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The parameter's value after one more occurrence of its flag (`previous`: the value so far).
 * - scalar: once; `--Name value`.
 * - repeat list: each occurrence adds an item; a JSON array adds its items.
 * - object list: each occurrence is a JSON object (one item) or a JSON array of objects.
 * - JSON parameter: JSON text when it starts with `{` or `[`, otherwise the text as it is.
 */
export function addFlagValue(param: ParamMeta, text: string, previous: unknown): unknown {
  const style = param.style ?? 'scalar';
  const type = param.type ?? 'string';
  switch (style) {
    case 'scalar':
      if (previous !== undefined) throw new CoercionError('expected one value; the flag was given more than once');
      return scalarValue(type, text);
    case 'repeatList': {
      const list: unknown[] = Array.isArray(previous) ? (previous as unknown[]) : [];
      if (text.trimStart().startsWith('[')) {
        const items = json(text);
        if (!Array.isArray(items)) throw new CoercionError('expected a value, or a JSON array of values');
        return [...list, ...(items as unknown[]).map((item) => (typeof item === 'string' ? scalarValue(type, item) : item))];
      }
      return [...list, scalarValue(type, text)];
    }
    case 'objectList': {
      const list: unknown[] = Array.isArray(previous) ? (previous as unknown[]) : [];
      const value = json(text);
      if (isObject(value)) return [...list, value];
      if (Array.isArray(value) && value.every(isObject)) return [...list, ...(value as unknown[])];
      throw new CoercionError('expected a JSON object, or a JSON array of objects');
    }
    case 'json': {
      if (previous !== undefined) throw new CoercionError('expected one value; the flag was given more than once');
      const trimmed = text.trimStart();
      return trimmed.startsWith('{') || trimmed.startsWith('[') ? json(text) : text;
    }
  }
}

/** How help and errors show a flag's value: `<string>`, `<int32>`, `<json>`. */
export function valueLabel(param: ParamMeta): string {
  const style = param.style ?? 'scalar';
  if (style === 'objectList' || style === 'json') return 'json';
  return param.type ?? 'string';
}
