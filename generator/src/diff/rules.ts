// The classification of spec changes, as data: each kind of change that `npm run spec:diff`
// reports, its class, and why. compare.ts only finds changes; this table alone decides how they
// count, and the table in spec/README.md is this one printed (test/diff/rules-table.test.ts).
//
// The question each class answers: code written against the client generated from the old spec,
// upgraded to the client generated from the new one, does it
//   breaking      stop compiling, send a request the API reads differently, or lose a promise
//                 (a field the response was said to hold, a request the client never repeats)?
//   non-breaking  keep working, with something added or a behaviour that changes quietly?
//   docs          see only different words: JSDoc, the docs site, examples?
// Anchored on oasdiff's rules (request changes that narrow what is accepted break, response
// changes that widen what may come back break), adjusted where the generated client differs:
// response types are all optional and enums in them open (`'A' | (string & {})`).

export type ChangeClass = 'breaking' | 'non-breaking' | 'docs';

export interface Rule {
  readonly class: ChangeClass;
  /** When it is reported. */
  readonly when: string;
  /** Why it has this class. */
  readonly why: string;
}

export const RULES = {
  'api-version-changed': {
    class: 'breaking',
    when: 'The API version (`info.version`, sent as `Version`) changes',
    why: 'Every request then asks for another version of the API, whose contract is not this one.',
  },
  'client-renamed': {
    class: 'breaking',
    when: 'The client class name (`x-alidomain-product.client`) changes',
    why: '`new <Client>()` and its imports no longer compile.',
  },
  'endpoint-changed': {
    class: 'non-breaking',
    when: 'The default endpoint (the first server) changes',
    why: 'The types stay; clients built without an `endpoint` option call the new host.',
  },
  'product-renamed': {
    class: 'docs',
    when: 'The product name (`x-alidomain-product.name`) changes',
    why: 'Used in the docs only.',
  },
  'action-added': { class: 'non-breaking', when: 'An Action is added', why: 'A new method and function; nothing existing changes.' },
  'action-removed': { class: 'breaking', when: 'An Action is removed', why: 'Calls to its method or function no longer compile.' },
  'method-changed': {
    class: 'non-breaking',
    when: 'The HTTP method changes (GET ↔ POST)',
    why: 'The input and output types stay; an RPC Action reads the same parameters from the query or a form body, so only the transport changes.',
  },
  'retry-became-unsafe': {
    class: 'non-breaking',
    when: 'The retry class goes from `safe` or `idempotent` to `unsafe`',
    why: 'The client stops repeating the request after failures; callers may see more transient errors, never a second order.',
  },
  'retry-became-retryable': {
    class: 'breaking',
    when: 'The retry class goes from `unsafe` to `safe` or `idempotent`',
    why: 'The client starts repeating a request that may have reached the server: callers who relied on at-most-once sending (or retry it themselves) can get repeats.',
  },
  'retry-class-changed': {
    class: 'docs',
    when: 'The retry class goes between `safe` and `idempotent`',
    why: 'Both are retried alike (packages/core/src/retry.ts); only the JSDoc says which.',
  },
  'paginator-added': { class: 'non-breaking', when: 'An Action gets a paginator', why: 'A new `paginate<Action>` function.' },
  'paginator-removed': { class: 'breaking', when: 'An Action loses its paginator', why: 'Calls to `paginate<Action>` no longer compile.' },
  'paginator-changed': {
    class: 'breaking',
    when: 'A paginator pages differently (kind, item path, driven parameters)',
    why: 'Its input or item type changes, or it walks the pages otherwise.',
  },
  'param-added-required': {
    class: 'breaking',
    when: 'A required parameter (or required field of an object-list item) is added',
    why: 'Existing calls lack it: they no longer compile.',
  },
  'param-added-optional': { class: 'non-breaking', when: 'An optional parameter is added', why: 'Existing calls stay valid.' },
  'param-removed': {
    class: 'breaking',
    when: 'A parameter is removed',
    why: 'Calls that pass it no longer compile (the input type has no such property).',
  },
  'param-became-required': {
    class: 'breaking',
    when: 'A parameter goes from optional to required',
    why: 'Calls that omit it no longer compile.',
  },
  'param-became-optional': {
    class: 'non-breaking',
    when: 'A parameter goes from required to optional',
    why: 'Every existing call stays valid.',
  },
  'param-type-changed': {
    class: 'breaking',
    when: 'A parameter changes type or format (string, int32, int64, number, boolean, array, object, JSON)',
    why: 'The input type changes; reported as breaking even where it widens (int32 → int64), to be looked at.',
  },
  'param-enum-value-added': { class: 'non-breaking', when: 'A request enum gains a value', why: 'The input union widens.' },
  'param-enum-value-removed': {
    class: 'breaking',
    when: 'A request enum loses a value',
    why: 'Calls that pass that value no longer compile.',
  },
  'param-enum-added': {
    class: 'breaking',
    when: 'A parameter that took any value gets an enum',
    why: 'The input type narrows to the listed values.',
  },
  'param-enum-dropped': { class: 'non-breaking', when: "A parameter's enum is dropped", why: 'The input type widens to any value.' },
  'param-style-changed': {
    class: 'breaking',
    when: 'The wire style changes (`scalar`, `repeatList`, `objectList`, `json`)',
    why: 'The same input is sent in another wire form, which the API reads differently.',
  },
  'param-wire-name-changed': {
    class: 'breaking',
    when: 'The wire name changes (`DomainName.N`, `Tag.N.<Field>`)',
    why: 'The API receives the value under another name.',
  },
  'param-location-changed': {
    class: 'non-breaking',
    when: 'A parameter moves between the query and the form body',
    why: 'As for the method: the same parameters, carried otherwise; the types stay.',
  },
  'param-limit-tightened': {
    class: 'breaking',
    when: 'A request limit narrows or appears (`minimum`, `maximum`, `minLength`, `maxLength`, `minItems`, `maxItems`)',
    why: 'The validators reject inputs they accepted: `ValidatingClient` calls that passed now throw.',
  },
  'param-limit-loosened': {
    class: 'non-breaking',
    when: 'A request limit widens or goes',
    why: 'Every input accepted before still is.',
  },
  'param-default-changed': {
    class: 'non-breaking',
    when: "A parameter's documented default changes",
    why: 'The client sends nothing for an omitted parameter, but the API then behaves otherwise for calls that omit it.',
  },
  'param-docs-changed': {
    class: 'docs',
    when: "A parameter's description, example, value meanings or errata change",
    why: 'JSDoc and docs only.',
  },
  'field-added': { class: 'non-breaking', when: 'A response field is added', why: 'The output type gains an optional property.' },
  'field-removed': {
    class: 'breaking',
    when: 'A response field is removed',
    why: 'Code that reads it no longer compiles (the output type has no such property).',
  },
  'field-became-optional': {
    class: 'breaking',
    when: 'A response field goes from required to optional',
    why: 'The output types mark every field optional, but the response schema (validators) and the docs no longer promise it: code relying on it can fail.',
  },
  'field-became-required': {
    class: 'non-breaking',
    when: 'A response field goes from optional to required',
    why: 'A stronger promise; the output type stays optional.',
  },
  'field-type-changed': {
    class: 'breaking',
    when: 'A response field changes type or format',
    why: 'The output type changes under code that reads it.',
  },
  'field-enum-value-added': {
    class: 'non-breaking',
    when: 'A response enum gains a value',
    why: 'oasdiff warns (clients with closed enums may not handle it); the output unions here are open (`| (string & {})`), so code already handles unlisted values.',
  },
  'field-enum-value-removed': {
    class: 'non-breaking',
    when: 'A response enum loses a value',
    why: 'Fewer values can come back; the open output union still compiles every comparison.',
  },
  'field-enum-added': {
    class: 'non-breaking',
    when: 'A response field that held any value gets an enum',
    why: 'The output union is open: the type still accepts any value and gains completion.',
  },
  'field-enum-dropped': {
    class: 'non-breaking',
    when: "A response field's enum is dropped",
    why: 'The open output union becomes the plain type.',
  },
  'list-wrapper-changed': {
    class: 'breaking',
    when: 'A response object becomes, stops being or changes its list wrapper (`x-alidomain-list`)',
    why: 'The response is parsed into another shape (an empty or one-item XML list most visibly).',
  },
  'field-docs-changed': {
    class: 'docs',
    when: "A response field's description, example, value meanings, default or errata change",
    why: 'JSDoc and docs only.',
  },
  'action-docs-changed': {
    class: 'docs',
    when: "An Action's summary, description, group, section, examples, errata or retry reason change",
    why: 'JSDoc and docs only.',
  },
  'error-code-added': {
    class: 'non-breaking',
    when: 'The error catalogue gains a code',
    why: '`CommonErrorCode` widens; the API could return unlisted codes already.',
  },
  'error-code-removed': {
    class: 'breaking',
    when: 'The error catalogue loses a code',
    why: '`CommonErrorCode` narrows: code that names the removed code no longer compiles.',
  },
  'error-code-docs-changed': {
    class: 'docs',
    when: "An error code's message, description or HTTP status change",
    why: 'JSDoc and docs only.',
  },
} as const satisfies Record<string, Rule>;

export type ChangeKind = keyof typeof RULES;

export const CLASSES: readonly ChangeClass[] = ['breaking', 'non-breaking', 'docs'];

export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** Any breaking change → major; else any non-breaking → minor; else any docs → patch; else none. */
export function bumpFor(classes: readonly ChangeClass[]): Bump {
  if (classes.includes('breaking')) return 'major';
  if (classes.includes('non-breaking')) return 'minor';
  if (classes.includes('docs')) return 'patch';
  return 'none';
}

/** The rules as the markdown table spec/README.md carries (prettier pads it there). */
export function rulesTable(): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const rows = Object.entries(RULES).map(([kind, r]: [string, Rule]) => `| \`${kind}\` | ${r.class} | ${cell(r.when)} | ${cell(r.why)} |`);
  return ['| kind | class | when | why |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
