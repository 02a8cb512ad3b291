// The committed spec is what the extractor makes of the document, agrees with a second
// reading of it, and is valid for the tools users feed it to.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import YAML from 'yaml';
import { hasDocument, missingDocumentNotice } from '../../../spec/tools/lib/document-path.mjs';

const root = resolve(import.meta.dirname, '../../..');
const specPath = join(root, 'spec/openapi.yaml');
const node = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, encoding: 'utf8' });

// A clone without the reference document still checks everything that does not read it.
const withDocument = hasDocument();
if (!withDocument) console.info(missingDocumentNotice('the extractor and audit checks of spec/openapi.yaml'));

describe('spec/openapi.yaml', () => {
  it.skipIf(!withDocument)('is reproduced exactly by the extractor and the overrides', () => {
    const run = node('spec/tools/extract.mjs', '--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.skipIf(!withDocument)('agrees with an independent reading of the document (npm run spec:audit)', () => {
    const run = node('spec/tools/audit.mjs');
    // Every Action the spec reads from the document is in the document; additions are counted apart.
    const paths = Object.values<Record<string, Record<string, unknown>>>(YAML.parse(readFileSync(specPath, 'utf8')).paths);
    const added = paths.filter((p) => (p.get ?? p.post)?.['x-alidomain-addition'] !== undefined).length;
    const read = paths.length - added;
    expect(run.stdout).toContain(`Actions: document ${read}, spec ${read}`);
    expect(run.stdout).toContain(`document ${read} Actions + additions ${added}`);
    expect(run.stdout).toMatch(/no differences/);
    expect(run.status).toBe(0);
  });

  it('passes redocly lint with the recommended rules', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/redocly'), ['lint', specPath, '--format=json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(run.stdout);
    expect(report.problems.map((p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);

  it('is a valid OpenAPI 3.1 document for swagger-parser', async () => {
    const api = await SwaggerParser.validate(YAML.parse(readFileSync(specPath, 'utf8')));
    // Every Action of the YAML survives dereferencing: one path each.
    expect(Object.keys(api.paths ?? {})).toHaveLength(Object.keys(YAML.parse(readFileSync(specPath, 'utf8')).paths).length);
  }, 60_000);

  it('turns into TypeScript with openapi-typescript that compiles', async () => {
    const ast = await openapiTS(new URL(`file://${specPath}`));
    const dir = mkdtempSync(join(tmpdir(), 'alidomain-ots-'));
    writeFileSync(join(dir, 'schema.d.ts'), astToString(ast));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', module: 'NodeNext' },
        files: ['schema.d.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' })).not.toThrow();
  }, 120_000);
});

describe('the spec package', () => {
  it('ships JSON equal to the YAML', () => {
    const yaml = YAML.parse(readFileSync(join(root, 'packages/spec/dist/openapi.yaml'), 'utf8'));
    const json = JSON.parse(readFileSync(join(root, 'packages/spec/dist/openapi.json'), 'utf8'));
    expect(json).toEqual(yaml);
    expect(readFileSync(join(root, 'packages/spec/dist/openapi.yaml'), 'utf8')).toBe(readFileSync(specPath, 'utf8'));
  });

  it('gives each error response examples of its own status: one per catalogue code', () => {
    interface Example {
      value: { Code: string };
    }
    const spec = JSON.parse(readFileSync(join(root, 'packages/spec/dist/openapi.json'), 'utf8')) as {
      components: { responses: Record<string, { content: { 'application/json': { examples: Record<string, Example> } } }> };
      'x-alidomain-error-codes': { code: string; httpStatus?: number }[];
    };
    const statusOf = new Map(spec['x-alidomain-error-codes'].map((e) => [e.code, e.httpStatus]));
    const codes = Object.entries(spec.components.responses).map(([name, r]) => {
      const examples = Object.entries(r.content['application/json'].examples).filter(([key]) => key !== 'document');
      expect(examples.length, name).toBeGreaterThan(0);
      for (const [key, e] of examples) expect(e.value.Code, name).toBe(key);
      return [name, new Set(examples.map(([, e]) => statusOf.get(e.value.Code)))] as const;
    });
    // One status per response (the catalogue's), and no two responses sharing one.
    for (const [name, statuses] of codes) expect(statuses.size, name).toBe(1);
    expect(new Set(codes.map(([, s]) => [...s][0])).size).toBe(codes.length);
  });

  it('names who answers for it (info.contact), as linters ask', () => {
    const json = JSON.parse(readFileSync(join(root, 'packages/spec/dist/openapi.json'), 'utf8')) as {
      info: { contact?: { url?: string } };
    };
    expect(json.info.contact?.url).toMatch(/^https:\/\/github\.com\/alidomain\/alidomain\/issues$/);
  });

  it('ships YAML that a YAML 1.1 parser reads as the JSON (no date, boolean or number in disguise)', () => {
    // yaml's 1.1 schema reads 2018-01-29 as a date, yes/on as true and 12:30 as 750, as 1.1 tools do.
    const yaml11 = YAML.parse(readFileSync(join(root, 'packages/spec/dist/openapi.yaml'), 'utf8'), { version: '1.1' }) as unknown;
    const json = JSON.parse(readFileSync(join(root, 'packages/spec/dist/openapi.json'), 'utf8')) as unknown;
    expect(yaml11).toEqual(json);
  });

  // What generators and renderers build on: tags, response names, the security scheme.
  interface Shipped {
    tags: { name: string; 'x-displayName'?: string }[];
    'x-tagGroups': { name: string; tags: string[] }[];
    paths: Record<string, Record<string, Operation>>;
    components: {
      schemas: Record<string, { title?: string; xml?: { name: string } }>;
      parameters: Record<string, { name: string }>;
      securitySchemes: { AliyunSignatureV1: { name: string; 'x-alidomain-parameters': { name: string }[] } };
    };
  }
  interface Operation {
    operationId: string;
    tags: string[];
    parameters?: ({ name: string } | { $ref: string })[];
    responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  }
  const shipped = () => JSON.parse(readFileSync(join(root, 'packages/spec/dist/openapi.json'), 'utf8')) as Shipped;
  const operationsOf = (spec: Shipped) => Object.values(spec.paths).map((item) => (item.get ?? item.post)!);

  it('tags every operation with one ASCII tag by area, displayed by name and grouped by chapter', () => {
    const spec = shipped();
    const names = spec.tags.map((t) => t.name);
    for (const t of spec.tags) expect(t.name).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const t of spec.tags) expect(t['x-displayName'], t.name).toBeTruthy();
    for (const op of operationsOf(spec)) expect(op.tags.length === 1 && names.includes(op.tags[0]!), op.operationId).toBe(true);
    // x-tagGroups (the document's two chapters) hold every tag exactly once.
    expect(spec['x-tagGroups'].map((g) => g.name)).toEqual(['Registrant profiles (信息模板接口)', 'Domain management (域名管理接口)']);
    expect(spec['x-tagGroups'].flatMap((g) => g.tags).sort()).toEqual([...names].sort());
    // No tag is a catch-all: the largest holds a fraction of the Actions.
    const sizes = names.map((n) => operationsOf(spec).filter((op) => op.tags[0] === n).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12);
  });

  it('names each response <Action>Response in components, referenced by the JSON and the XML body', () => {
    const spec = shipped();
    for (const op of operationsOf(spec)) {
      const name = `${op.operationId}Response`;
      const content = op.responses['200']!.content!;
      expect([content['application/json']!.schema, content['application/xml']!.schema], op.operationId).toEqual([
        { $ref: `#/components/schemas/${name}` },
        { $ref: `#/components/schemas/${name}` },
      ]);
      expect(spec.components.schemas[name]?.xml, name).toEqual({ name });
    }
  });

  it('leaves the signing parameters to the security scheme, which describes each of them', () => {
    const spec = shipped();
    const signing = ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'SecurityToken'];
    const scheme = spec.components.securitySchemes.AliyunSignatureV1;
    expect(scheme.name).toBe('Signature');
    expect(scheme['x-alidomain-parameters'].map((p) => p.name).sort()).toEqual([...signing].sort());
    expect(Object.keys(spec.components.parameters).sort()).toEqual(['Format', 'Version']);
    for (const op of operationsOf(spec))
      for (const p of op.parameters ?? []) if ('name' in p) expect(signing, op.operationId).not.toContain(p.name);
  });
});
