// Every example of the spec against the validators: request parameter examples assembled per
// Action must pass (except errata, masked values and the listed spec questions), JSON response
// examples in `examples.document` must pass, and every `x-alidomain-document-example` (an erratum:
// the document's example disagrees with its table) must fail.
import { describe, expect, it } from 'vitest';
import { validateRequest, validateResponse } from '../src/index.js';
import { fixture, operations, requestParams } from './helpers.js';

const exceptions = fixture<{ exceptions: Array<{ action: string; param: string; reason: string }> }>('request-example-exceptions.json').exceptions;
const masked = (v: unknown) => JSON.stringify(v).includes('*');

describe('request examples', () => {
  const counts = { actions: 0, examples: 0, maskedPresent: 0, skippedMasked: [] as string[], skippedErrata: [] as string[], skippedKnown: [] as string[], erratumWithoutExample: 0 };

  it('every Action\'s assembled parameter examples pass its request validator', () => {
    const failures: string[] = [];
    const usedExceptions = new Set<string>();
    for (const op of operations()) {
      counts.actions++;
      const params = requestParams(op);
      const input: Record<string, unknown> = {};
      for (const p of params) {
        if (p.example === undefined) {
          if (p.errata) counts.erratumWithoutExample++;
          expect(p.required, `${op.operationId}.${p.name} is required but has no example`).toBe(false);
          continue;
        }
        input[p.name] = p.example;
        counts.examples++;
        if (masked(p.example)) counts.maskedPresent++;
      }
      const problems = validateRequest(op.operationId, input);
      const culprits = new Set(problems.map((m) => m.split(/[.:]/)[0]));
      for (const name of culprits) {
        const p = params.find((q) => q.name === name);
        const id = `${op.operationId}.${name}`;
        const known = exceptions.find((e) => e.action === op.operationId && e.param === name);
        if (p && masked(p.example)) counts.skippedMasked.push(`${id}: masked example ${JSON.stringify(p.example)}`);
        else if (p?.errata) counts.skippedErrata.push(`${id}: erratum ${JSON.stringify(p.example)}`);
        else if (known) {
          counts.skippedKnown.push(`${id}: ${known.reason}`);
          usedExceptions.add(`${known.action}.${known.param}`);
        } else failures.push(...problems.filter((m) => m.split(/[.:]/)[0] === name).map((m) => `${op.operationId}: ${m}`));
        delete input[name];
      }
      // Without the skipped parameters, the rest of the Action's examples pass.
      // (A skipped required parameter is missing now: that one problem is expected.)
      if (culprits.size) {
        const rest = validateRequest(op.operationId, input).filter((m) => !/^(\w+): expected a value \(it is required\)/.test(m) || !culprits.has(m.split(':')[0]));
        expect(rest, op.operationId).toEqual([]);
      }
    }
    expect(failures).toEqual([]);
    // The exceptions list is exact: an entry that no longer fails must be removed.
    expect([...usedExceptions].sort()).toEqual(exceptions.map((e) => `${e.action}.${e.param}`).sort());
    expect(counts.actions).toBe(111);
    expect(counts.skippedMasked).toEqual(['CheckDomain.DomainName: masked example "test**.xin"']);
    console.info(
      `request examples: ${counts.examples} parameter examples in ${counts.actions} Actions; ` +
        `${counts.maskedPresent} are masked with "*" (${counts.skippedMasked.length} of them fail and are skipped: ${counts.skippedMasked.join('; ')}); ` +
        `${counts.skippedErrata.length} erratum examples skipped; ${counts.erratumWithoutExample} erratum parameters carry no example; ` +
        `${counts.skippedKnown.length} spec question(s) skipped: ${counts.skippedKnown.join('; ')}`,
    );
  });
});

describe('response examples', () => {
  const ops = operations().map((op) => ({ name: op.operationId, media: op.responses['200'].content['application/json'] }));
  const valid = ops.filter((o) => o.media.examples?.document);
  const errata = ops.filter((o) => o.media['x-alidomain-document-example'] !== undefined);

  it('covers every Action with one JSON example or the other', () => {
    expect(valid.length + errata.length).toBeGreaterThanOrEqual(111);
    expect(valid.length).toBe(73);
    expect(errata.length).toBe(38);
  });

  it.each(valid.map((o) => [o.name, o]))('%s: the document example passes', (_n, o) => {
    expect(validateResponse(o.name, o.media.examples.document.value)).toEqual([]);
    expect(validateResponse(o.name, o.media.examples.document.value, { unknownFields: 'report' })).toEqual([]);
  });

  it.each(errata.map((o) => [o.name, o]))('%s: the erratum example (x-alidomain-document-example) fails', (_n, o) => {
    const problems = validateResponse(o.name, o.media['x-alidomain-document-example'], { unknownFields: 'report' });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('reports type errata even with unknown fields allowed', () => {
    const open = errata.filter((o) => validateResponse(o.name, o.media['x-alidomain-document-example']).length > 0).map((o) => o.name);
    // The rest differ from their tables only by fields the tables do not list (lowerCamel keys, extra wrappers).
    expect(open).toContain('SaveRegistrantProfile'); // "RegistrantProfileId": "3600000" for a Long
    expect(open.length).toBe(14);
  });
});
