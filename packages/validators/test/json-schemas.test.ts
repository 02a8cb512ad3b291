// The JSON Schemas as plain .json files (json/<Action>.<side>.json), read by a validator that
// knows none of the custom formats (@cfworker/json-schema): it must give the verdict of
// @alidomain/validators wherever the rule is in a `pattern` or another keyword, and may accept
// only what a custom format alone rejects (test/fixtures/json-schema-requests.json marks those).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionNames, schemas, validateRequest, validateResponse } from '../src/index.js';
import { fixture, operations, pkgDir } from './helpers.js';
import { plainVerdict, readJsonSchema, type RequestCase } from './lib/plain-json-schema.js';

const { cases } = fixture<{ cases: RequestCase[] }>('json-schema-requests.json');
const expressible = cases.filter((c) => !c.onlyFormat);
const onlyFormat = cases.filter((c) => c.onlyFormat);

describe('the .json schemas', () => {
  it('are one request and one response file for every Action, and nothing else', () => {
    const want = actionNames.flatMap((a) => [`${a}.request.json`, `${a}.response.json`]).sort();
    expect(readdirSync(join(pkgDir, 'json')).sort()).toEqual(want);
  });

  it('hold the same schemas as the TypeScript modules', () => {
    for (const a of actionNames) {
      expect(readJsonSchema(a, 'request'), a).toEqual(schemas[a].request);
      expect(readJsonSchema(a, 'response'), a).toEqual(schemas[a].response);
    }
  });

  it('declare the 2020-12 dialect and an $id naming the Action and side', () => {
    for (const a of actionNames) {
      for (const side of ['request', 'response'] as const) {
        const s = readJsonSchema(a, side);
        expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(s.$id).toBe(`urn:alidomain:Domain:2018-01-29:${a}:${side}`);
      }
    }
  });

  it('give a pattern to every custom format', () => {
    const missing: string[] = [];
    const walk = (s: Record<string, unknown>, path: string) => {
      if (typeof s.format === 'string' && typeof s.pattern !== 'string') missing.push(`${path} (${s.format})`);
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(v, `${path}.${k}`);
      if (s.items) walk(s.items as Record<string, unknown>, `${path}[]`);
    };
    for (const a of actionNames) walk(readJsonSchema(a, 'request'), a);
    expect(missing).toEqual([]);
  });
});

describe('the request fixture', () => {
  it('covers every custom format, enums, required parameters, unknown keys and lists, with more than 100 cases', () => {
    expect(cases.length).toBeGreaterThan(100);
    for (const rule of [
      'enum',
      'required',
      'unknown keys',
      'type',
      'minItems',
      'digits only',
      'no xn-- input',
      'last label not all digits',
    ])
      expect(cases.map((c) => c.rule)).toContain(rule);
  });

  it.each(cases)('$name: @alidomain/validators says valid=$valid', ({ action, request, valid }) => {
    expect(validateRequest(action as (typeof actionNames)[number], request).length === 0).toBe(valid);
  });
});

describe('@cfworker/json-schema on the .json schemas, without the custom formats', () => {
  it.each(expressible)('$name: the same verdict as @alidomain/validators', ({ action, request, valid }) => {
    expect(plainVerdict(action, request)).toBe(valid);
  });

  it.each(onlyFormat)('$name: accepts it, as only a custom format checks the rule ($rule)', ({ action, request, valid }) => {
    expect(valid).toBe(false);
    expect(plainVerdict(action, request)).toBe(true);
  });

  it('accepts every document example of a response that @alidomain/validators accepts', () => {
    let compared = 0;
    for (const op of operations()) {
      const a = op.operationId as (typeof actionNames)[number];
      const media = op.responses['200'].content['application/json'];
      for (const body of [media.examples?.document?.value, media['x-alidomain-document-example']].filter((b) => b !== undefined)) {
        expect(plainVerdict(a, body, 'response'), a).toBe(validateResponse(a, body).length === 0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
