// The spec as the packages ship it, with accessors for tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface SpecOperation {
  operationId: string;
  parameters: { name?: string; example?: unknown; schema?: unknown; 'x-alidomain-errata'?: unknown[]; $ref?: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { example?: unknown }> } }> };
  responses: Record<
    string,
    {
      content?: Record<string, { schema: unknown; examples?: { document?: { value: unknown } }; 'x-alidomain-document-example'?: unknown }>;
    }
  >;
  'x-alidomain-errata'?: { kind: string; detail: string }[];
}

export const spec = JSON.parse(readFileSync(require.resolve('@alidomain/spec/openapi.json'), 'utf8')) as {
  paths: Record<string, { get?: SpecOperation; post?: SpecOperation }>;
};

export const operations: SpecOperation[] = Object.values(spec.paths).map((p) => (p.get ?? p.post)!);
