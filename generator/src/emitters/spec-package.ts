// The @alidomain/spec package ships the spec as YAML and as bundled JSON, with its errata.
import type { Document } from '../openapi.js';

export function emitSpecPackage(document: Document, yaml: string, errata: string): Record<string, string> {
  return { 'openapi.yaml': yaml, 'openapi.json': JSON.stringify(document, null, 2) + '\n', 'ERRATA.md': errata };
}
