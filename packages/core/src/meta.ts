/**
 * The contract between generated code and the runtime: everything the runtime
 * needs to know about one Action, derived from the spec by the generator.
 * Generated code only builds these objects; it never re-implements the protocol.
 */

/** How one request parameter travels on the wire (spec: `x-alidomain-style`). */
export type ParamStyle =
  /** `Name=value`. */
  | 'scalar'
  /** `Name.1=a&Name.2=b` from `Name: [a, b]`. */
  | 'repeatList'
  /** `Name.1.Field=x&Name.2.Field=y` from `Name: [{Field: x}, {Field: y}]`. */
  | 'objectList'
  /** `Name=<JSON text>`: the value is an array/object serialised with JSON.stringify (a string is sent as is). */
  | 'json';

/** Scalar wire types. `int64` values may be given as number, bigint or decimal string. */
export type ScalarType = 'string' | 'int32' | 'int64' | 'number' | 'boolean';

export interface ParamMeta {
  /** Input property name (= the wire base name, e.g. `DomainName` for `DomainName.N`). */
  readonly name: string;
  readonly style: ParamStyle;
  /** `body` parameters are sent form-encoded in a POST body (and still signed). */
  readonly in: 'query' | 'body';
  /** Scalar type of the value, or of each list item for `repeatList`. */
  readonly type?: ScalarType;
  /** For `objectList`: the scalar type of each field of an item. */
  readonly fields?: Readonly<Record<string, ScalarType>>;
}

/** The wire shape of a response, used to give JSON and XML bodies the same typed form. */
export type Shape =
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly kind: 'array'; readonly items: Shape }
  | { readonly kind: ScalarType }
  /** Free-form value (the document gives no structure). */
  | { readonly kind: 'any' };

/**
 * Whether the client may repeat a request on its own after a failure whose outcome is unknown.
 * - `safe`: read-only (queries, checks): repeating cannot change anything.
 * - `unsafe`: a repeat could create a second order, charge money or submit a second task.
 * - `idempotent`: a mutation whose repeat leaves the same state (delete X, set default X).
 */
export type RetryClass = 'safe' | 'idempotent' | 'unsafe';

export interface ActionMeta {
  readonly action: string;
  /** `POST` when the document requires it; otherwise `GET` (the runtime may still switch to POST for long requests). */
  readonly method: 'GET' | 'POST';
  readonly retry: RetryClass;
  readonly params: readonly ParamMeta[];
  /** Shape of the success body (root object, without the XML `<ActionResponse>` wrapper). */
  readonly response: Shape;
}
