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
});
