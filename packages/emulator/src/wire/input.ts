// Wire parameters (`DomainName.1=a`, `OrderActivateParam.2.DomainName=b`, `Param=<JSON>`) into the
// input object the validators check: lists as arrays, numbers and booleans typed where they parse.
// A value that does not parse stays a string, so the validator names it and what it expected.
// Parameters the Action does not have are ignored, as the API ignores them.
import type { EmulatedAction, ScalarType, WireParam } from '../action.js';

export type Input = Record<string, unknown>;

export function inputOf(action: EmulatedAction, params: Readonly<Record<string, string>>): Input {
  const input: Input = {};
  // The parameter names are listed only for an Action with lists (most have none).
  let names: string[] | undefined;
  const namesOf = () => (names ??= Object.keys(params));
  for (const p of action.params) {
    const value = valueOf(p, params, namesOf);
    if (value !== undefined) input[p.name] = value;
  }
  return input;
}

function valueOf(p: WireParam, params: Readonly<Record<string, string>>, namesOf: () => readonly string[]): unknown {
  switch (p.style ?? 'scalar') {
    case 'scalar':
      return params[p.name] === undefined ? undefined : coerce(params[p.name]!, p.type ?? 'string');
    case 'json':
      return params[p.name] === undefined ? undefined : json(params[p.name]!);
    case 'repeatList': {
      const items = indexed(namesOf(), p.name).map(([n, key]) => [n, coerce(params[key]!, p.type ?? 'string')] as const);
      return items.length === 0 ? undefined : items.sort(([a], [b]) => a - b).map(([, v]) => v);
    }
    case 'objectList': {
      const rows = new Map<number, Input>();
      const prefix = `${p.name}.`;
      for (const key of namesOf()) {
        if (!key.startsWith(prefix)) continue;
        const m = /^(\d+)\.(.+)$/.exec(key.slice(prefix.length));
        if (!m) continue;
        const [, index, field] = m as unknown as [string, string, string];
        const type = p.fields?.[field];
        if (p.fields !== undefined && type === undefined) continue;
        const row = rows.get(Number(index)) ?? {};
        row[field] = coerce(params[key]!, type ?? 'string');
        rows.set(Number(index), row);
      }
      return rows.size === 0 ? undefined : [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
    }
  }
}

/** `[index, key]` of every `Name.<index>` parameter. */
function indexed(names: readonly string[], base: string): [number, string][] {
  const out: [number, string][] = [];
  for (const key of names) {
    if (key.length <= base.length + 1 || !key.startsWith(base) || key[base.length] !== '.') continue;
    const rest = key.slice(base.length + 1);
    if (/^\d+$/.test(rest)) out.push([Number(rest), key]);
  }
  return out;
}

function coerce(raw: string, type: ScalarType): unknown {
  switch (type) {
    case 'int32':
    case 'int64': {
      if (!/^-?\d+$/.test(raw)) return raw;
      const n = Number(raw);
      return Number.isSafeInteger(n) ? n : raw;
    }
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'string':
      return raw;
  }
}

/** JSON text parameters: the parsed value when it is JSON, else the text as sent. */
function json(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
