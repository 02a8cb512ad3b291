// Every response example of the document, through the runtime's parser: JSON and XML give the
// same typed object; the parsed result passes the Action's response validator. Examples that
// the spec records as broken in the document (ERRATA.md) are tested as broken.
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainResponseError } from '@alidomain/core';
import { loadXmlSupport, parseSuccess } from '@alidomain/core/internal';
import { actionMetas, type ActionName } from '@alidomain/client';
import { validateResponse } from '@alidomain/validators';
import { operations } from '../lib/spec.js';
import { toXml } from '../lib/xml.js';

beforeAll(loadXmlSupport);

describe('document examples', () => {
  for (const op of operations) {
    const meta = actionMetas[op.operationId as ActionName];
    const ok = op.responses['200']!.content!;
    const json = ok['application/json']!;
    const xml = ok['application/xml']!;
    const valid = json.examples?.document?.value as Record<string, unknown> | undefined;
    const broken = json['x-alidomain-document-example'];
    const errata = (op['x-alidomain-errata'] ?? []).map((e) => e.kind);

    if (valid !== undefined) {
      it(`${op.operationId}: the JSON example and its XML form parse to the same typed object, which passes the response validator`, () => {
        const fromJson = parseSuccess(meta, 200, JSON.stringify(valid), 'JSON');
        const fromXml = parseSuccess(meta, 200, toXml(op.operationId, valid), 'XML');
        expect(fromXml).toEqual(fromJson);
        expect(validateResponse(op.operationId as ActionName, fromJson)).toEqual([]);
      });
    }
    if (broken !== undefined) {
      it(`${op.operationId}: the JSON example recorded as an erratum does not pass the response validator`, () => {
        expect(errata).toContain('example-disagrees-with-table');
        // The document's body as printed (not through the parser, which would coerce types),
        // with fields the table does not list reported: that is how these examples disagree.
        const problems = validateResponse(op.operationId as ActionName, broken, { unknownFields: 'report' });
        expect(problems.length).toBeGreaterThan(0);
      });
    }
    const xmlText = xml['x-alidomain-document-example'] as string | undefined;
    if (xmlText !== undefined) {
      const malformed = errata.includes('malformed-xml');
      const fragment = errata.includes('xml-fragment');
      it(`${op.operationId}: the document's XML example ${malformed ? 'is rejected as malformed' : fragment ? 'parses once wrapped in its root' : 'parses'}`, () => {
        const text = fragment ? `<${op.operationId}Response>${xmlText}</${op.operationId}Response>` : xmlText;
        if (malformed) {
          expect(() => parseSuccess(meta, 200, text, 'XML')).toThrow(DomainResponseError);
          expect(() => parseSuccess(meta, 200, text, 'XML')).toThrow(/unexpected response \(HTTP 200\): cannot parse the body: /);
          return;
        }
        const parsed = parseSuccess(meta, 200, text, 'XML');
        // An XML example the spec does not flag must also satisfy the response table.
        if (!errata.includes('example-disagrees-with-table')) {
          expect(validateResponse(op.operationId as ActionName, parsed, { unknownFields: 'report' })).toEqual([]);
        } else expect(typeof parsed).toBe('object');
      });
    }
  }
});
