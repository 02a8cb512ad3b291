// The subset of OpenAPI 3.1 (and our vendor extensions) that the model reads: the generator's one
// typing of the spec. Only load.ts, model.ts and model/*.ts see these types; emitters see the model.

import type { ParamStyle, RetryClass } from './model/vocabulary.js';

/**
 * The document's Chinese of an object whose `description` (and `x-enumDescriptions`) the spec
 * gives in English: spec/overrides/english/, applied by the extractor's stage 2.
 */
export interface ChineseOriginal {
  description?: string;
  enumDescriptions?: Record<string, string>;
}

export interface Schema {
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  enum?: (string | number)[];
  const?: string;
  default?: unknown;
  example?: unknown;
  /** A shared schema's field: the example of each use that gave a different one. */
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  'x-enumDescriptions'?: Record<string, string>;
  'x-alidomain-zh'?: ChineseOriginal;
  'x-alidomain-list'?: { item: string };
  'x-alidomain-errata'?: Erratum[];
  'x-alidomain-holder'?: Record<string, string>;
  'x-alidomain-rules'?: Record<string, unknown>;
}

export interface Erratum {
  kind: string;
  detail: string;
  line?: number;
  source: string;
}

export interface Parameter {
  name: string;
  in: 'query' | 'body';
  required?: boolean;
  description?: string;
  schema: Schema;
  example?: unknown;
  'x-alidomain-style'?: ParamStyle;
  'x-alidomain-wire-name'?: string;
  'x-alidomain-errata'?: Erratum[];
  'x-alidomain-common'?: boolean;
  'x-alidomain-zh'?: ChineseOriginal;
}

export interface MediaType {
  schema: Schema;
  examples?: Record<string, { summary?: string; value: unknown }>;
  'x-alidomain-document-example'?: unknown;
}

export interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: (Parameter | { $ref: string })[];
  requestBody?: {
    content: { 'application/x-www-form-urlencoded': { schema: Schema & { properties: Record<string, Schema & Partial<Parameter>> } } };
  };
  responses: Record<string, { content?: Record<string, MediaType> }>;
  'x-alidomain-wire': { methods: string[]; methodEvidence?: string; requestExample?: string; section: string; lines: [number, number] };
  'x-alidomain-retry': RetryClass;
  'x-alidomain-zh'?: ChineseOriginal;
  /** An Action the document lacks, added in spec/additions/. */
  'x-alidomain-addition'?: { reason: string; reference: string };
  'x-alidomain-retry-reason'?: string;
  /** Request rate limits the description states, in requests per second. */
  'x-alidomain-qps'?: { perUser?: number; total?: number };
  'x-alidomain-errata'?: Erratum[];
}

export interface ErrorCode {
  code: string;
  httpStatus?: number;
  message: string;
  description: string;
  'x-alidomain-zh'?: ChineseOriginal;
}

export interface Document {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  /** What the generated code is named after: the product (`Domain`) and the client class (`DomainClient`). */
  'x-alidomain-product'?: { name: string; client: string };
  tags: { name: string; 'x-displayName'?: string; description?: string; 'x-alidomain-chapter'?: string }[];
  paths: Record<string, { get?: Operation; post?: Operation }>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    securitySchemes: Record<
      string,
      { description?: string; 'x-alidomain-signature'?: Record<string, unknown>; 'x-alidomain-parameters'?: Parameter[] }
    >;
  };
  'x-alidomain-error-codes': ErrorCode[];
}
