// Finds where the document contradicts itself, mechanically: request examples that use
// names the table does not have, typed rows whose example is not of that type, and
// response examples that are malformed or disagree with the table. The table wins; each
// finding is recorded next to the item and listed in spec/ERRATA.md.

/** @typedef {import('./types.js').Erratum} Erratum */

/**
 * `OrderActivateParam.1.DomainName` → `OrderActivateParam.N.DomainName`: the table's name of a wire key.
 * @param {string} key
 */
const wireBase = (key) => key.replace(/\.\d+(?=\.|$)/g, '.N');

/**
 * @param {import('./types.js').Action} a
 * @returns {Erratum[]}
 */
export function findErrata(a) {
  /** @type {Erratum[]} */
  const out = [];
  const reqNames = new Set(a.request.map((r) => r.name));
  const strangers = a.requestExample.params.filter(([key]) => !reqNames.has(wireBase(key)));
  if (strangers.length) {
    const described = strangers.map(([key]) => {
      const base = wireBase(key);
      const hint = [...reqNames].find(
        (n) => n.toLowerCase() === base.toLowerCase() || n.replace(/^\w+\.N\./, '') === base || n === `${base}.N`,
      );
      return hint ? `\`${key}\` (table: \`${hint}\`)` : `\`${key}\``;
    });
    out.push({
      kind: 'example-disagrees-with-table',
      detail: `The request example sends parameters the request table does not have: ${described.join(', ')}.`,
      line: a.parts.requestExample[0]?.n,
    });
  }
  for (const [rows, side] of /** @type {const} */ ([
    [a.request, 'param'],
    [a.response, 'field'],
  ])) {
    for (const row of rows) {
      const ex = row.example;
      if (!ex) continue;
      const at = { [side]: row.name, line: row.line };
      if ((row.type === 'Long' || row.type === 'Integer') && !/^-?\d+$/.test(ex)) {
        const dateLike = /^\d{4}-\d{2}-\d{2}/.test(ex);
        out.push({
          ...at,
          kind: dateLike ? 'long-with-date-example' : 'type-mismatch',
          detail: `\`${row.name}\` is typed ${row.type} in the table, but its example is \`${ex}\`${dateLike ? ' (a date string)' : ''}.`,
        });
      }
      if (row.type === 'Boolean' && !/^(true|false)$/.test(ex)) {
        out.push({ ...at, kind: 'type-mismatch', detail: `\`${row.name}\` is typed Boolean in the table, but its example is \`${ex}\`.` });
      }
    }
  }
  const { xml, json } = a.examples;
  const line = a.parts.responseExamples[0]?.n;
  if (json && json.value === undefined)
    out.push({ kind: 'malformed-json', detail: `The JSON response example is not valid JSON: ${json.error}.`, line });
  if (xml && xml.value === undefined)
    out.push({ kind: 'malformed-xml', detail: `The XML response example is not well-formed XML: ${xml.error}.`, line });
  if (xml?.fragment) {
    out.push({
      kind: 'xml-fragment',
      detail: `The XML response example omits the \`<${a.name}Response>\` root element; it is read inside that root.`,
      line,
    });
  } else if (xml?.value) {
    const root = Object.keys(xml.value).find((k) => !k.startsWith('?'));
    if (root !== `${a.name}Response`) {
      out.push({
        kind: 'example-disagrees-with-table',
        detail: `The XML response example's root element is \`<${root}>\`; the API wraps the body in \`<${a.name}Response>\`.`,
        line,
      });
    }
  }
  const topLevel = new Set(a.response.map((r) => r.name));
  if (json?.value && typeof json.value === 'object' && !Array.isArray(json.value)) {
    const unknown = Object.keys(json.value).filter((k) => !topLevel.has(k));
    if (unknown.length) {
      out.push({
        kind: 'example-disagrees-with-table',
        detail: `The JSON response example has top-level keys the response table does not list: ${unknown.map((k) => `\`${k}\``).join(', ')}.`,
        line,
      });
    }
  }
  return out;
}
