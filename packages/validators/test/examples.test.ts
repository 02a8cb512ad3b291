// Every example of the spec against the validators: request parameter examples assembled per
// Action pass, with no exceptions (an example the API would reject is not offered: it moves to
// the parameter's `x-alidomain-document-example`, which must fail); JSON response examples in
// `examples.document` pass, and every response `x-alidomain-document-example` (an erratum: the
// document's example disagrees with its table) fails. offered-examples.test.ts checks the
// examples the client's JSDoc and the docs show.
import { describe, expect, it } from 'vitest';
import { actionNames, validateRequest, validateResponse } from '../src/index.js';
import { documentActionCount, operations, requestParams } from './helpers.js';

const masked = (v: unknown) => JSON.stringify(v).includes('*');

describe('request examples', () => {
  it("every Action's assembled parameter examples pass its request validator, masked ones and errata included", () => {
    const counts = { actions: 0, examples: 0, masked: 0, errata: 0 };
    const failures: string[] = [];
    const checked = new Set<string>();
    for (const op of operations()) {
      counts.actions++;
      checked.add(op.operationId);
      const input: Record<string, unknown> = {};
      for (const p of requestParams(op)) {
        if (p.example === undefined) {
          expect(p.required, `${op.operationId}.${p.name} is required but has no example`).toBe(false);
          continue;
        }
        input[p.name] = p.example;
        counts.examples++;
        if (masked(p.example)) counts.masked++;
        if (p.errata) counts.errata++;
      }
      failures.push(...validateRequest(op.operationId, input).map((m) => `${op.operationId}: ${m}`));
    }
    expect(failures).toEqual([]);
    // The spec's Actions are exactly the ones the validators were generated for.
    expect(checked).toEqual(new Set(actionNames));
    console.info(
      `request examples: ${counts.examples} parameter examples in ${counts.actions} Actions pass (${counts.masked} masked with "*", ${counts.errata} on parameters with errata)`,
    );
  });

  const replaced = operations().flatMap((op) => documentExamples(op).map((d) => [`${op.operationId}.${d.name}`, op, d] as const));

  it("keeps the document's rejected examples: CheckDomain test**.xin and the comma-joined DomainName.N item", () => {
    expect(replaced.map(([id, , d]) => `${id}: ${JSON.stringify(d.document)} → ${JSON.stringify(d.offered)}`)).toEqual([
      'CheckDomain.DomainName: "test**.xin" → "example.xin"',
      'SaveTaskForSubmittingDomainRealNameVerificationByIdentityCredential.DomainName: ["aliyun.com,alibabacloud.com"] → ["aliyun.com","alibabacloud.com"]',
    ]);
  });

  it.each(replaced)(
    '%s: the document example (x-alidomain-document-example) fails, carries an erratum, and an override says why',
    (_id, op, d) => {
      const input = Object.fromEntries(
        requestParams(op)
          .filter((p) => p.example !== undefined)
          .map((p) => [p.name, p.example]),
      );
      input[d.name] = d.document;
      // The problem is the replaced parameter's (DomainName: …, or DomainName.1: … for a list).
      expect(validateRequest(op.operationId, input)).toContainEqual(expect.stringMatching(new RegExp(`^${d.name}[.:]`)));
      expect(d.errata.length).toBeGreaterThan(0);
      expect(d.reason).toBeTruthy();
    },
  );
});

/** Request parameters whose document example was replaced (`x-alidomain-document-example`). */
function documentExamples(op: any): { name: string; document: unknown; offered: unknown; errata: unknown[]; reason: string }[] {
  return op.parameters
    .filter((p: any) => p['x-alidomain-document-example'] !== undefined)
    .map((p: any) => ({
      name: p.name,
      document: p['x-alidomain-document-example'],
      offered: p.example,
      errata: p['x-alidomain-errata'] ?? [],
      reason: p['x-alidomain-override'],
    }));
}

describe('response examples', () => {
  const ops = operations().map((op) => ({ name: op.operationId, media: op.responses['200'].content['application/json'] }));
  const valid = ops.filter((o) => o.media.examples?.document);
  const errata = ops.filter((o) => o.media['x-alidomain-document-example'] !== undefined);

  it('covers every Action of the document with one JSON example or the other', () => {
    expect(valid.length + errata.length).toBe(documentActionCount());
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
