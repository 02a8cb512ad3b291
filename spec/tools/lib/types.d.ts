// The structures the extractor passes between its stages, in one place. The .mjs files refer to
// them with JSDoc (`@param {import('./types.js').Row} row`); `npm run typecheck:spec` checks them.
// Stages: document.mjs (lines, sections) → tables.mjs, examples.mjs (rows, examples) →
// read.mjs (actions) → structure.mjs (response tree) → build/*.mjs (OpenAPI).

/** One line of the document with its 1-based line number in the file. */
export interface Line {
  n: number;
  text: string;
}

/** An entry of the table of contents: `\t5.28. SaveBatchTaskForCreatingOrderActivate`. */
export interface TocAction {
  /** "5.28" */
  number: string;
  name: string;
  /** "4" or "5" */
  chapter: string;
  /** the chapter's title, such as "域名管理接口" */
  group?: string;
}

export interface Toc {
  actions: TocAction[];
  /** chapter number → title */
  chapters: Record<string, string>;
}

/** The document as loaded: its raw lines, its table of contents and its lines without page furniture. */
export interface Document {
  path: string;
  raw: string[];
  toc: Toc;
  lines: Line[];
  /** the edition printed in the running footers (文档版本：20220711) */
  edition: string;
}

/** One Action's lines, from its "调用…" sentence to the next section. */
export interface Section extends TocAction {
  lines: Line[];
}

/** The parts of a section, found by their headings. */
export interface SectionParts {
  description: Line[];
  request: Line[];
  response: Line[];
  requestExample: Line[];
  responseExamples: Line[];
  hasRequestTable: boolean;
}

/** A row while its lines are being collected (tables.mjs). */
export interface RawRow {
  name: string;
  location?: 'Query' | 'Body' | undefined;
  /** String, Integer, …, or "Array" for "Array of X" */
  type: string;
  itemType: string | undefined;
  required: boolean;
  /** the text after the type (and 是/否) on the row's first line */
  rest: string;
  /** a list row printed without its type (QueryTaskList's Data) */
  untyped?: boolean;
  line: number;
  /** the lines after the first, as printed */
  raw: string[];
}

/** A table row: request (名称 [位置] 类型 是否必选 示例值 描述) or response (名称 类型 示例值 描述). */
export interface Row {
  /** as the table writes it: DomainName, DomainName.N, OrderActivateParam.N.DomainName */
  name: string;
  location?: 'Query' | 'Body' | undefined;
  type: string;
  itemType: string | undefined;
  required: boolean;
  untyped?: boolean;
  line: number;
  /** the 示例值 column; '' when the row gives none */
  example: string;
  /** the 描述 column, as paragraphs of unrepaired lines */
  paragraphs: string[][];
}

/** The request example URL, read into its parameters (Action and the common placeholder left out). */
export interface RequestExample {
  text: string;
  params: [string, string][];
}

/** An example body as printed, with its parsed value when it parses. */
export interface ParsedExample {
  text: string;
  value: unknown;
  error?: string;
  /** an XML body printed without its `<ActionResponse>` root, read inside it */
  fragment?: boolean;
}

export interface ResponseExamples {
  xml: ParsedExample | null;
  json: ParsedExample | null;
}

/** One Action as read: its section, parts, rows and examples. No overrides applied. */
export interface Action extends Section {
  parts: SectionParts;
  request: Row[];
  response: Row[];
  requestExample: RequestExample;
  examples: ResponseExamples;
}

/** Key sets of the objects an example shows, by the lower-cased name of the field holding them. */
export type KeyIndex = Map<string, Set<string>>;

/** A node of the response tree; the root's row has only an empty name. */
export interface TreeNode {
  row: Row | { name: string; type?: undefined };
  children?: TreeNode[];
}

export interface RootNode extends TreeNode {
  children: TreeNode[];
}

/** An allowed value read from a 取值 list. */
export interface EnumValue {
  value: string;
  meaning?: string;
}

/** A contradiction of the document, found by the extractor or listed in overrides/errata.yaml. */
export interface Erratum {
  kind: string;
  detail: string;
  line?: number | undefined;
  /** attaches the entry to a request parameter (row name or list base) */
  param?: string;
  /** attaches the entry to a response field */
  field?: string;
  source?: 'extractor' | 'review';
  action?: string;
}

/** The error catalogue entry of appendix 6.1 (or an override's addition). */
export interface ErrorCode {
  code: string;
  httpStatus?: number;
  message: string;
  description: string;
}

export interface CredentialType {
  code: string;
  meaning: string;
  holder: 'individual' | 'organization' | undefined;
}

export interface Appendix {
  errors: ErrorCode[];
  domainNameRules: string[];
  credentialTypes: CredentialType[];
}

/** How a parameter travels (x-alidomain-style). */
export type WireStyle = 'scalar' | 'repeatList' | 'objectList' | 'json';

/** `actions.<Action>.params.<row>` of overrides/operations.yaml. */
export interface ParamFix {
  reason?: string;
  required?: boolean;
  $ref?: string;
  /** an item, or for a list the whole list */
  example?: unknown;
  domainName?: boolean;
  /** whether a scalar row is JSON text; the list styles follow from the row's name */
  style?: 'json' | 'scalar';
  type?: string;
  enum?: Record<string, string>;
}

/** `actions.<Action>` of overrides/operations.yaml. */
export interface ActionOverride {
  retry?: RetryClass;
  retryReason?: string;
  method?: 'GET' | 'POST';
  methodEvidence?: string;
  params?: Record<string, ParamFix>;
  response?: { move?: Record<string, string>; reason?: string };
}

export type RetryClass = 'safe' | 'idempotent' | 'unsafe';

/** A common request parameter of section 3.2 (overrides/document.yaml). */
export interface CommonParameter {
  name: string;
  /** Added by the signature: described by the security scheme rather than by each operation. */
  signing?: boolean;
  required: boolean;
  description: string;
  schema: Schema;
}

/** overrides/document.yaml: what the document states in prose the reader does not parse. */
export interface DocumentData {
  source: { document: string };
  servers: Schema[];
  chapters: Record<string, string>;
  commonParameters: CommonParameter[];
  securitySchemes: Schema;
  errorResponse: Schema;
  errorExample: Record<string, string>;
  /** `documentExample`: the section 3.4 example body is of this response's kind. */
  errorResponses: Record<string, { description: string; statuses: number[]; documentExample?: boolean }>;
  errorCodes: (ErrorCode & { reason: string })[];
  domainNameRules: Schema;
  identityCredentialType: { description: string };
  nameSchemas: Record<string, Schema>;
}

/** One tag of overrides/tags.yaml: an area of the API and its Actions. */
export interface TagOverride {
  name: string;
  displayName: string;
  description: string;
  actions: string[];
}

/** All of spec/overrides/, merged (extract.mjs loadOverrides). */
export interface Overrides {
  summaries: Record<string, string>;
  tags: TagOverride[];
  actions: Record<string, ActionOverride>;
  retryRules: { pattern: string; retry: RetryClass }[];
  errata: Record<string, Erratum[]>;
  vocabulary: string[];
  document: DocumentData;
}

/**
 * A piece of the OpenAPI document under construction (schema, parameter, operation…). The
 * builder assembles them freely; the output is checked by the spec package's validity tests.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Schema = Record<string, any>;

/** One file of spec/additions/ or spec/patches/, parsed (lib/layers/load.mjs). */
export interface LayerFile {
  /** as reports name it: relative to the repository when inside it */
  file: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML as written; every key is checked before use
  data: Record<string, any>;
}

/** A query parameter or a form-body property, as stage 2 addresses it (lib/layers/spec.mjs). */
export interface ParamRefOf {
  kind: 'query' | 'body';
  name: string;
  /** what carries required/description/deprecated: the parameter, or the form property */
  holder: Schema;
  /** the parameter's schema (the form property itself for a body parameter) */
  schema: Schema;
  style: string;
}

/** A field of an object-list parameter, addressed as `List.Field`. */
export interface ParamFieldRef {
  kind: 'field';
  name: string;
  list: ParamRefOf;
  holder: Schema;
  schema: Schema;
  style: 'objectList';
}

export type ParamRef = ParamRefOf | ParamFieldRef;

/** What stage 2 takes (lib/layers/apply.mjs applyLayers). */
export interface LayerOptions {
  /** the stage-1 spec (spec/document.openapi.yaml, parsed); not modified */
  base: Schema;
  /** spec/additions/ or another directory of additions files; missing = none */
  additionsDir?: string | undefined;
  /** spec/patches/ or another directory of patches files; missing = none */
  patchesDir?: string | undefined;
  /** spec/overrides/english/ or another directory of English files; missing = none */
  englishDir?: string | undefined;
}
