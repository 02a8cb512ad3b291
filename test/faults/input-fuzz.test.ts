// Property-based input fuzz: whatever a caller passes, the client either rejects it before sending
// (DomainValidationError, every problem naming a wire parameter of the Action or the input) or
// sends exactly one request that the server's own signature check accepts. Nothing else escapes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainClient, DomainValidationError, type ActionMeta, type ParamMeta } from '../../packages/client/src/index.js';
import { wireOf } from '../../packages/core/src/internal.js';
import { checkDomainMeta } from '../../packages/client/src/generated/actions/CheckDomain.js';
import { queryDomainListMeta } from '../../packages/client/src/generated/actions/QueryDomainList.js';
import { saveBatchTaskForCreatingOrderActivateMeta } from '../../packages/client/src/generated/actions/SaveBatchTaskForCreatingOrderActivate.js';
import { saveBatchTaskForModifyingDomainDnsMeta } from '../../packages/client/src/generated/actions/SaveBatchTaskForModifyingDomainDns.js';
import { submitOperationAuditInfoMeta } from '../../packages/client/src/generated/actions/SubmitOperationAuditInfo.js';
import { request as checkDomainSchema } from '../../packages/validators/src/generated/schemas/CheckDomain.js';
import { request as queryDomainListSchema } from '../../packages/validators/src/generated/schemas/QueryDomainList.js';
import { request as orderActivateSchema } from '../../packages/validators/src/generated/schemas/SaveBatchTaskForCreatingOrderActivate.js';
import { request as modifyingDnsSchema } from '../../packages/validators/src/generated/schemas/SaveBatchTaskForModifyingDomainDns.js';
import { request as auditInfoSchema } from '../../packages/validators/src/generated/schemas/SubmitOperationAuditInfo.js';
import { startMockServer, type MockServer } from '../server/mock-server.js';

/** Runs per Action: enough to meet every value kind many times, few enough for a small machine. */
const NUM_RUNS = 200;
/**
 * The share of runs that must be sent, so that the property checks signing and not only
 * rejection. A floor against a generator drifting to all-invalid input, well below what the
 * generators give (QueryDomainList, the lowest, sent 23, 24 and 29 of 200 in three runs): at 10 %
 * the floor sat near that mean and failed a run (18); 2.5 % (5 of 200) is about four standard
 * deviations below it.
 */
const MIN_SENT_SHARE = 0.025;

const ACTIONS: readonly (readonly [string, ActionMeta, Schema])[] = [
  ['scalars (CheckDomain)', checkDomainMeta, checkDomainSchema],
  ['int32 and int64 scalars (QueryDomainList)', queryDomainListMeta, queryDomainListSchema],
  ['repeat lists (SaveBatchTaskForModifyingDomainDns)', saveBatchTaskForModifyingDomainDnsMeta, modifyingDnsSchema],
  ['object lists (SaveBatchTaskForCreatingOrderActivate)', saveBatchTaskForCreatingOrderActivateMeta, orderActivateSchema],
  ['JSON text (SubmitOperationAuditInfo AuditInfo)', submitOperationAuditInfoMeta, auditInfoSchema],
];

// ---- values of any JS type ------------------------------------------------------------------

const loneSurrogates = fc.constantFrom('\uD800', 'a\uDBFFz', '\uDC00', 'x\uDFFF\uD800y', 'ok\uD83D');
const hugeStrings = fc.integer({ min: 9_000, max: 150_000 }).map((n) => 'w'.repeat(n));
const strings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  loneSurrogates,
  hugeStrings,
  fc.constantFrom('', ' ', '&=?#%', '+', '%zz', '\u0000'),
);
const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53 + 2, 2 ** 63, 1e21, Number.MAX_VALUE, 5e-324, 0.1),
);
const symbols = fc.string().map((s) => Symbol(s));
const functions = fc.constantFrom(
  () => 1,
  function named() {},
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a class is one of the odd values the fuzz passes.
  class Klass {},
  async () => {},
);
const oddObjects = fc.constantFrom<unknown>(
  new Date(0),
  new Date(NaN),
  /re/g,
  new Map([[1, 2]]),
  new Set([1]),
  new Uint8Array([1, 2]),
  new ArrayBuffer(4),
  Object.create(null),
  Object.assign(Object.create(null), { DomainName: 'example.com' }),
  new String('boxed'),
  new Number(3),
  new Boolean(false),
  new Error('an error as a value'),
  { toString: () => 'example.com' },
  { toJSON: () => ({ a: 1 }) },
  undefined,
  null,
);
const leaves = fc.oneof(strings, numbers, fc.bigInt(), fc.boolean(), symbols, functions, oddObjects);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    leaves,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.sparseArray(tie('tree'), { maxLength: 6, noTrailingHole: false }),
    fc.dictionary(fc.string(), tie('tree'), { maxKeys: 4 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'DomainName', 'length'), tie('tree'), { maxKeys: 3 }),
  ),
}));
const cyclic = fc.oneof(
  tree.map((v) => {
    const o: Record<string, unknown> = { v };
    o.self = o;
    return o;
  }),
  tree.map((v) => {
    const a: unknown[] = [v];
    a.push(a);
    return a;
  }),
);
const deep = fc.integer({ min: 50, max: 5000 }).map((n) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { v };
  return v;
});
/** Anything at all. */
const anyValue = fc.oneof({ weight: 6, arbitrary: tree }, { weight: 1, arbitrary: cyclic }, { weight: 1, arbitrary: deep });

// ---- values the spec allows, so that a good share of inputs is sent --------------------------

interface Schema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
}

const domainNames = fc.oneof(fc.domain(), fc.constantFrom('example.com', '阿里云.中国', 'xn--fiqs8s.cn', 'a-b.example.org'));
/** Free text: any well-formed Unicode, URL-hostile characters, and text long enough to move a GET to POST. */
const freeText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.constantFrom('a b+c*d~e', "!'()*", '&Signature=x', '%20%', '😀\u0000\r\n'),
  fc.integer({ min: 9_000, max: 20_000 }).map((n) => 'L'.repeat(n)),
);

/** Values a request schema accepts (mostly: formats are approximated). */
function fromSchema(s: Schema): fc.Arbitrary<unknown> {
  if (s.enum !== undefined) return fc.constantFrom(...s.enum);
  const types = s.type === undefined ? ['string'] : typeof s.type === 'string' ? [s.type] : s.type;
  return fc.oneof(
    ...types.map((t): fc.Arbitrary<unknown> => {
      switch (t) {
        case 'integer': {
          const min = Math.max(s.minimum ?? Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
          const max = Math.min(s.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
          return s.format === 'int64'
            ? fc.oneof(
                fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }),
                fc.bigInt({ min: BigInt(min), max: BigInt(max) }),
              )
            : fc.integer({ min, max });
        }
        case 'boolean':
          return fc.boolean();
        case 'array':
          return fc.array(fromSchema(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: 12 });
        case 'object':
          return s.properties === undefined
            ? fc.oneof(fc.object(), fc.jsonValue())
            : fc.record(Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, fromSchema(v)])), {
                requiredKeys: [...(s.required ?? [])],
              });
        default:
          switch (s.format) {
            case 'int64':
              return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String);
            case 'alidomain-domain-name':
            case 'alidomain-host-name':
              return domainNames;
            case 'alidomain-domain-name-list':
              return fc.array(domainNames, { minLength: 1, maxLength: 3 }).map((a) => a.join(','));
            default:
              return s.minLength !== undefined && s.minLength > 0 ? freeText.filter((x) => x.length >= s.minLength!) : freeText;
          }
      }
    }),
  );
}

/** One parameter's value: one the spec allows, or anything, or a right container with anything inside. */
function valueFor(p: ParamMeta, schema: Schema): fc.Arbitrary<unknown> {
  const inside =
    p.style === 'repeatList'
      ? fc.sparseArray(fc.oneof(fromSchema(schema.items ?? {}), anyValue), { maxLength: 12 })
      : p.style === 'objectList'
        ? fc.array(
            fc.oneof(
              fc.dictionary(fc.constantFrom(...Object.keys(p.fields ?? {}), 'Unknown', '__proto__', ''), anyValue, { maxKeys: 4 }),
              anyValue,
            ),
            { maxLength: 3 },
          )
        : anyValue;
  return fc.oneof({ weight: 12, arbitrary: fromSchema(schema) }, { weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: inside });
}

function inputFor(meta: ActionMeta, schema: Schema): fc.Arbitrary<unknown> {
  const params = wireOf(meta).params;
  const values = Object.fromEntries(params.map((p) => [p.name, valueFor(p, schema.properties?.[p.name] ?? {})]));
  const complete = fc.record(values, { requiredKeys: [...(schema.required ?? [])] });
  const partial = fc.record(values, { requiredKeys: [] });
  const withStranger = fc
    .tuple(complete, fc.oneof(fc.string(), fc.constantFrom('__proto__', 'domainName', 'DomainName.1')), anyValue)
    .map(([r, k, v]) => {
      const o: Record<string, unknown> = { ...r };
      Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
      return o;
    });
  return fc.oneof(
    { weight: 8, arbitrary: complete },
    { weight: 1, arbitrary: partial },
    { weight: 1, arbitrary: withStranger },
    { weight: 1, arbitrary: anyValue },
  );
}

// ---- what counts as naming a parameter --------------------------------------------------------

/** Whether `param` is a wire name of the Action: `Name`, `Name.N` (repeat list), `Name.N.Field` (object list field). */
function isWireName(meta: ActionMeta, param: string): boolean {
  const [base, index, field, ...rest] = param.split('.');
  const p = wireOf(meta).params.find((x) => x.name === base);
  if (p === undefined || rest.length > 0) return false;
  if (index === undefined) return field === undefined;
  if (!/^[1-9]\d*$/.test(index)) return false;
  if (p.style === 'repeatList') return field === undefined;
  if (p.style === 'objectList') return field === undefined || Object.hasOwn(p.fields ?? {}, field);
  return false;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A problem may also name what the caller wrote that the Action does not have: the input itself,
 * one of its keys, or a key of an object-list item (`OrderActivateParam.2.<that key>`).
 */
function namesTheInput(meta: ActionMeta, param: string, input: unknown): boolean {
  if (param === '(input)') return true;
  if (!isPlainObject(input)) return false;
  if (Object.hasOwn(input, param)) return true;
  return wireOf(meta).params.some((p) => {
    const list = input[p.name];
    if (p.style !== 'objectList' || !Array.isArray(list)) return false;
    return list.some((item, i) => {
      const prefix = `${p.name}.${i + 1}.`;
      return param.startsWith(prefix) && isPlainObject(item) && Object.hasOwn(item, param.slice(prefix.length));
    });
  });
}

const COMMON = new Set([
  'Action',
  'Version',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Format',
  'SecurityToken',
]);

let server: MockServer;
let client: DomainClient;
beforeAll(async () => {
  server = await startMockServer({ accessKeys: { FUZZKEY: 'fuzz-secret' } });
  client = new DomainClient({
    accessKeyId: 'FUZZKEY',
    accessKeySecret: 'fuzz-secret',
    endpoint: server.url,
    maxAttempts: 1,
    timeout: 10_000,
  });
});
afterAll(() => server.close());

describe.each(ACTIONS)('any input to an Action with %s', (_what, meta, schema) => {
  it('is rejected before sending, naming the wire parameter, or sent once and correctly signed', async () => {
    let sentRuns = 0;
    await fc.assert(
      fc.asyncProperty(inputFor(meta, schema), async (input) => {
        const before = server.requests.length;
        let error: unknown;
        let sent = true;
        try {
          await client.send(meta, input);
        } catch (e) {
          error = e;
          sent = false;
        }
        const received = server.requests.slice(before);
        if (!sent) {
          // Only a validation error may escape, and nothing may have been sent.
          if (!(error instanceof DomainValidationError)) throw error;
          expect(received, 'requests received for a rejected input').toEqual([]);
          expect(error.problems.length).toBeGreaterThan(0);
          for (const p of error.problems) {
            expect(typeof p.param === 'string' && p.param.length > 0, `problem without a parameter: ${JSON.stringify(p)}`).toBe(true);
            expect(
              isWireName(meta, p.param) || namesTheInput(meta, p.param, input),
              `"${p.param}" is not a wire name of ${meta.action} (${error.message.slice(0, 300)})`,
            ).toBe(true);
          }
          return;
        }
        sentRuns++;
        expect(received, 'requests received for an accepted input').toHaveLength(1);
        const [req] = received;
        expect(req!.action).toBe(meta.action);
        expect(req!.signatureValid, 'the server accepts the signature').toBe(true);
        for (const name of Object.keys(req!.params)) {
          if (!COMMON.has(name)) expect(isWireName(meta, name), `sent "${name}", not a wire name of ${meta.action}`).toBe(true);
        }
        // Text arrives as written: signed and encoded consistently is not enough if it is mangled.
        for (const p of wireOf(meta).params) {
          const given = isPlainObject(input) ? input[p.name] : undefined;
          if ((p.style ?? 'scalar') === 'scalar' && typeof given === 'string')
            expect(req!.params[p.name], `${p.name} as received`).toBe(given);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // Otherwise a generator drifting to all-invalid input would leave signing untested.
    expect(sentRuns, 'runs whose input was sent').toBeGreaterThanOrEqual(NUM_RUNS * MIN_SENT_SHARE);
  });
});
