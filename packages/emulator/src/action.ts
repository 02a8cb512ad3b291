// What the generated tables (src/generated/) say about each Action. The parameter entries are the
// ones the client's metadata uses (written by one function of the generator), read here by the
// emulator's own parser: a flattening bug in core's serializer cannot hide behind a shared parser.

/** Scalar wire types; `int64` values stay decimal strings, which the validators accept. */
export type ScalarType = 'string' | 'int32' | 'int64' | 'number' | 'boolean';

/** One request parameter and how it travels. Defaults: `scalar`, in the query, a string. */
export interface WireParam {
  readonly name: string;
  /** `repeatList`: `Name.1=a&Name.2=b`; `objectList`: `Name.1.Field=x`; `json`: `Name=<JSON text>`. */
  readonly style?: 'scalar' | 'repeatList' | 'objectList' | 'json';
  readonly in?: 'query' | 'body';
  readonly type?: ScalarType;
  /** Object lists: each field's scalar type. */
  readonly fields?: Readonly<Record<string, ScalarType>>;
}

export interface EmulatedAction {
  /** `POST` when the document requires POST; GET and POST otherwise. */
  readonly method: 'GET' | 'POST';
  /** `unsafe`: creates an order, charges money or submits a task. */
  readonly retry: 'safe' | 'idempotent' | 'unsafe';
  readonly params: readonly WireParam[];
  readonly required?: readonly string[];
  /** Requests per second the document allows. */
  readonly qps?: { readonly perUser?: number; readonly total?: number };
  /** How the Action pages, and the path of its item list in the body. */
  readonly paging?: { readonly kind: 'page' | 'scroll' | 'cursor'; readonly items: readonly string[] };
  /** A body valid against the response schema, from the document's example where it fits. */
  readonly sample: Readonly<Record<string, unknown>>;
}

export interface CatalogueError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}
