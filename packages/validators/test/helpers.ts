import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(pkgDir, '../..');

export const fixture = <T = any>(name: string): T => JSON.parse(readFileSync(join(pkgDir, 'test/fixtures', name), 'utf8'));

let spec: any;
/** The raw spec document (tests read the examples and errata from it). */
export function loadSpec(): any {
  spec ??= YAML.parse(readFileSync(join(repoRoot, 'spec/openapi.yaml'), 'utf8'));
  return spec;
}

export function operations(): any[] {
  return Object.values(loadSpec().paths).map((item: any) => item.get ?? item.post);
}

/** How many Actions the spec has: what "every Action" means in a test, whatever the spec holds. */
export const actionCount = (): number => operations().length;

/** The Actions read from the document (additions, marked x-alidomain-addition, have no document example). */
export const documentActionCount = (): number => operations().filter((op) => op['x-alidomain-addition'] === undefined).length;

/** Request parameters of an operation (common ones and `Action` excluded), form-body fields included. */
export function requestParams(op: any): { name: string; required: boolean; example: unknown; errata?: unknown[] }[] {
  const out = op.parameters
    .filter((p: any) => !p.$ref && p.name !== 'Action')
    .map((p: any) => ({ name: p.name, required: !!p.required, example: p.example, errata: p['x-alidomain-errata'] }));
  const form = op.requestBody?.content['application/x-www-form-urlencoded']?.schema;
  for (const [name, s] of Object.entries<any>(form?.properties ?? {})) {
    out.push({ name, required: !!form.required?.includes(name), example: s.example, errata: s['x-alidomain-errata'] });
  }
  return out;
}
