// Reads spec/openapi.yaml. The only module that touches the spec file.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import type { Document } from './openapi.js';

export function loadSpec(path: string): { document: Document; yaml: string } {
  const yaml = readFileSync(path, 'utf8');
  const parsed: unknown = YAML.parse(yaml);
  const version = (parsed as { openapi?: unknown } | null)?.openapi;
  if (typeof version !== 'string' || !version.startsWith('3.1'))
    throw new Error(`${path}: expected an OpenAPI 3.1 document, got openapi: ${JSON.stringify(version)}`);
  return { document: parsed as Document, yaml };
}
