// Differential testing: on random parameter sets, this project's canonical query and signature
// must equal those of @alicloud/openapi-util and @alicloud/pop-core (their own code; see
// bench/lib/peers.mjs). Disagreements between the peers themselves are recorded, not hidden.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeInput, signParams, type ActionMeta } from '@alidomain/core/internal';
import { openapiUtilSigner, popCoreSigner } from '../../bench/lib/peers.mjs';

const pop = popCoreSigner();
const util = openapiUtilSigner();
const RUNS = 400;

// Parameter names as the API writes them: letters, digits, dots (Name.1.Field).
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}(\.[1-9][0-9]?)?(\.[A-Za-z][A-Za-z0-9]{0,5})?$/);
// Any Unicode text (no lone surrogates: those cannot be UTF-8 encoded by anyone).
const value = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ maxLength: 24 }),
  fc.constantFrom('', ' ', '*', '~', '+', '/', '=', '&', '%', '中文.中国'),
);
const method = fc.constantFrom('GET' as const, 'POST' as const);
const secret = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' });

describe('differential runs', () => {
  it('flat parameter sets: same canonical query and signature as both peers', (ctx) => {
    fc.assert(
      fc.property(fc.dictionary(name, value, { minKeys: 1, maxKeys: 16, noNullPrototype: true }), method, secret, (params, m, s) => {
        const ours = signParams(m, Object.entries(params), s);
        const p = pop(m, params, s);
        const u = util(m, params, s);
        expect(ours.canonical).toBe(p.canonical);
        expect(ours.canonical).toBe(u.canonical);
        expect(ours.signature).toBe(p.signature);
        expect(ours.signature).toBe(u.signature);
      }),
      { numRuns: RUNS },
    );
    ctx.task.meta.runs = RUNS;
  });

  it('repeat lists and lists of objects: our serialisation signs as the peers’ own flattening', (ctx) => {
    const meta: ActionMeta = {
      action: 'X',
      method: 'GET',
      version: '2018-01-29',
      retry: 'safe',
      params: [
        { name: 'DomainName', style: 'repeatList', in: 'query', type: 'string' },
        { name: 'OrderRenewParam', style: 'objectList', in: 'query', fields: { DomainName: 'string', SubscriptionDuration: 'int32' } },
      ],
      response: { kind: 'object', fields: {} },
    };
    const item = fc.record({ DomainName: value, SubscriptionDuration: fc.integer({ min: 1, max: 10 }) }, { noNullPrototype: true });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 14 }),
        fc.array(item, { minLength: 1, maxLength: 12 }),
        secret,
        (domains, items, s) => {
          const input = { DomainName: domains, OrderRenewParam: items };
          const wire = serializeInput(meta, input).query;
          const ours = signParams('GET', wire, s);
          // The peers flatten arrays themselves (pop-core: Name.1, Name.1.Field).
          const p = pop('GET', input, s);
          const u = util('GET', input, s);
          expect(ours.canonical).toBe(p.canonical);
          expect(ours.canonical).toBe(u.canonical);
          expect(ours.signature).toBe(p.signature);
        },
      ),
      { numRuns: RUNS },
    );
    ctx.task.meta.runs = RUNS;
  });

  it('records where the peers disagree with each other: null and undefined values', () => {
    // Not a property of this project: documents a difference found while testing. pop-core
    // sends the text "null"/"undefined"; openapi-util drops the parameter. The document says
    // nothing; this project drops it (an absent value is not sent).
    const params = { Action: 'X', A: null, B: undefined } as unknown as Record<string, string>;
    expect(pop('GET', params, 's').canonical).toBe('A=null&Action=X&B=undefined');
    expect(util('GET', params, 's').canonical).toBe('Action=X');
    const meta: ActionMeta = {
      action: 'X',
      method: 'GET',
      version: '2018-01-29',
      retry: 'safe',
      params: [
        { name: 'A', style: 'scalar', in: 'query' },
        { name: 'B', style: 'scalar', in: 'query' },
      ],
      response: { kind: 'object', fields: {} },
    };
    expect(serializeInput(meta, { A: null, B: undefined }).query).toEqual([]);
  });
});
