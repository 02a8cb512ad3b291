// Small helpers every build stage uses.

/**
 * An erratum as written next to its item (`x-alidomain-errata`).
 * @param {import('../types.js').Erratum} e
 */
export function errataNote(e) {
  return { kind: e.kind, detail: e.detail, ...(e.line ? { line: e.line } : {}), source: e.source ?? 'extractor' };
}

/**
 * Drops the keys whose value is undefined, so that they are not written at all.
 * @template {object} T
 * @param {T} o
 * @returns {T}
 */
export function stripUndefined(o) {
  const record = /** @type {Record<string, unknown>} */ (o);
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- dropping the undefined keys is this function's job.
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  return o;
}
