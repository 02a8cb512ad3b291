// Reads spec/openapi.yaml. The only module that touches the spec file.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import type { Document } from './openapi.js';

export function loadSpec(path: string): { document: Document; yaml: string } {
  const yaml = readFileSync(path, 'utf8');
  const document = YAML.parse(yaml) as Document;
  if (!document?.openapi?.startsWith('3.1')) throw new Error(`${path}: expected an OpenAPI 3.1 document, got openapi: ${document?.openapi}`);
  return { document, yaml };
}
