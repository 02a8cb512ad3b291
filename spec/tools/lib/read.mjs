// Reads every Action section of the document into rows and examples: pure reading, no overrides.
import { splitSections } from './document.mjs';
import { sectionParts, readRows } from './tables.mjs';
import { readRequestExample, readResponseExamples } from './examples.mjs';
import { Repairer, documentWords } from './text.mjs';

/**
 * The Actions in table-of-contents order, and the text repairer that knows the document's words
 * (its own, every Action and row name, and `vocabulary`: words the document prints only broken).
 * @param {import('./types.js').Document} doc
 * @param {string[]} [vocabulary]
 * @returns {{ actions: import('./types.js').Action[], repair: Repairer }}
 */
export function readActions(doc, vocabulary = []) {
  const sections = splitSections(doc);
  const parsed = sections.map((s) => {
    const parts = sectionParts(s.lines);
    return {
      ...s,
      parts,
      request: readRows(parts.request, { request: true }),
      response: readRows(parts.response, { request: false }),
      requestExample: readRequestExample(parts.requestExample),
      examples: readResponseExamples(parts.responseExamples, s.name),
    };
  });
  const names = parsed.flatMap((a) => [a.name, ...a.request.map((r) => r.name), ...a.response.map((r) => r.name)]);
  const repair = new Repairer(documentWords(doc.raw, [...names, ...vocabulary, 'true', 'false', 'zh', 'en']));
  return { actions: parsed, repair };
}
