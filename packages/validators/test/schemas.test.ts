// The exported JSON Schemas are plain JSON Schema 2020-12 that another validator can use: compiled
// at run time by ajv (with the package's formats) they agree with the precompiled validators.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { actionNames, formats, schemas, validateRequest, validateResponse } from '../src/index.js';
import { actionCount, fixture, operations, pkgDir, requestParams } from './helpers.js';

const Ajv2020 = (Ajv2020Module as any).default ?? Ajv2020Module;

function runtimeAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const [name, f] of Object.entries(formats)) ajv.addFormat(name, f);
  return ajv;
}

describe('exported JSON Schemas', () => {
  it('hold no OpenAPI or vendor keywords and declare the 2020-12 dialect', () => {
    for (const a of actionNames) {
      const text = JSON.stringify(schemas[a]);
      expect(text).not.toMatch(/"x-|"example"|"\$ref"|"nullable"/);
      expect(schemas[a].request.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schemas[a].response.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schemas[a].request.additionalProperties).toBe(false);
      expect(schemas[a].response.additionalProperties).toBeUndefined();
    }
  });

  it('compile with ajv in strict mode and agree with the precompiled validators', () => {
    const ajv = runtimeAjv();
    const bad = fixture<{ cases: { action: any; input: unknown }[] }>('bad-requests.json').cases;
    let compared = 0;
    for (const op of operations()) {
      const a = op.operationId as (typeof actionNames)[number];
      const req = ajv.compile(schemas[a].request);
      const res = ajv.compile(schemas[a].response);
      const inputs: unknown[] = [
        {},
        { Unknown: 1 },
        Object.fromEntries(
          requestParams(op)
            .filter((p) => p.example !== undefined)
            .map((p) => [p.name, p.example]),
        ),
      ];
      inputs.push(...bad.filter((c) => c.action === a).map((c) => c.input));
      for (const input of inputs) {
        expect(req(input), `${a} ${JSON.stringify(input)}`).toBe(validateRequest(a, input).length === 0);
        compared++;
      }
      const media = op.responses['200'].content['application/json'];
      for (const body of [media.examples?.document?.value, media['x-alidomain-document-example'], { RequestId: 1 }].filter(
        (b) => b !== undefined,
      )) {
        expect(res(body), a).toBe(validateResponse(a, body).length === 0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });
});

describe('generated code', () => {
  const dir = join(pkgDir, 'src/generated/actions');
  const files = readdirSync(dir);

  it('has one module per Action and imports nothing from ajv', () => {
    expect(files).toHaveLength(actionCount());
    for (const f of files) {
      const code = readFileSync(join(dir, f), 'utf8');
      expect(code).not.toMatch(/require\(|from 'ajv|from "ajv/);
      expect(code).toMatch(/^export const validate\w+Request: Validator = \/\* @__PURE__ \*\//m);
    }
  });
});
