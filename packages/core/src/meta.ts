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

// Defaults are left out of generated metadata (most parameters are query strings sent as is):
// the smaller literals make importing the client with all 111 Actions measurably cheaper.
export interface ParamMeta {
  /** Input property name (= the wire base name, e.g. `DomainName` for `DomainName.N`). */
  readonly name: string;
  /** Default `scalar`. */
  readonly style?: ParamStyle;
  /** `body` parameters are sent form-encoded in a POST body (and still signed). Default `query`. */
  readonly in?: 'query' | 'body';
  /** Scalar type of the value, or of each list item for `repeatList`. Default `string`. */
  readonly type?: ScalarType;
  /** For `objectList`: the scalar type of each field of an item. */
  readonly fields?: Readonly<Record<string, ScalarType>>;
}

/**
 * The wire shape of a response, used to give JSON and XML bodies the same typed form: a scalar
 * type, `any` (free-form: the document gives no structure), an object, an array, or a list in its
 * wire wrapper.
 */
export type Shape =
  | ScalarType
  | 'any'
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly kind: 'array'; readonly items: Shape }
  /**
   * A list the wire wraps in an object of one field (spec: `x-alidomain-list`): `{ Domain: [...] }`
   * in JSON, repeated `<Domain>` elements in XML. An empty wrapper (`<Data/>`, `{}`) is an empty list.
   */
  | { readonly kind: 'list'; readonly wrapper: string; readonly items: Shape };

/**
 * Whether the client may repeat a request on its own after a failure whose outcome is unknown.
 * - `safe`: read-only (queries, checks): repeating cannot change anything.
 * - `unsafe`: a repeat could create a second order, charge money or submit a second task.
 * - `idempotent`: a mutation whose repeat leaves the same state (delete X, set default X).
 */
export type RetryClass = 'safe' | 'idempotent' | 'unsafe';

/**
 * One Action as the runtime sees it. Generated metadata gives `wire` as a function: its body is
 * only pre-parsed when the client (all 111 Actions) is imported, and built on the Action's first
 * call. Hand-written metadata may give `params` and `response` directly.
 */
export type ActionMeta = ActionHead & (ActionWire | { readonly wire: () => ActionWire });

export interface ActionHead {
  readonly action: string;
  /** The API version the Action belongs to (`Version`, e.g. `2018-01-29`): the spec's `info.version`. */
  readonly version: string;
  /** `POST` when the document requires it; otherwise `GET` (the runtime may still switch to POST for long requests). */
  readonly method: 'GET' | 'POST';
  readonly retry: RetryClass;
}

/** What an Action sends and receives on the wire. */
export interface ActionWire {
  readonly params: readonly ParamMeta[];
  /** Shape of the success body (root object, without the XML `<ActionResponse>` wrapper). */
  readonly response: Shape;
}

const built = new WeakMap<ActionMeta, ActionWire>();

/** An Action's parameters and response shape, built once per Action. */
export function wireOf(meta: ActionMeta): ActionWire {
  if (!('wire' in meta)) return meta;
  let wire = built.get(meta);
  if (wire === undefined) {
    wire = meta.wire();
    built.set(meta, wire);
  }
  return wire;
}
