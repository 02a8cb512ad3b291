// The @alidomain/spec package ships the spec as YAML and as bundled JSON, with its errata.
import type { Document } from '../openapi.js';

export function emitSpecPackage(document: Document, yaml: string, errata: string | undefined): Record<string, string> {
  const files: Record<string, string> = { 'openapi.yaml': yaml, 'openapi.json': JSON.stringify(document, null, 2) + '\n' };
  if (errata !== undefined) files['ERRATA.md'] = errata;
  return files;
}
