// The JSON Schema of one scalar value (a request row, a list item, a response field): its type,
// the allowed values, default and limits its description states, and its example.
import { readEnum, readDefault, readLimits } from '../text.mjs';

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').Row} Row */
/** @typedef {import('../types.js').ParamFix} ParamFix */

/** The document's scalar types (the table's 类型 column). */
/** @type {Record<string, Schema>} */
const SCALARS = {
  String: { type: 'string' },
  Integer: { type: 'integer', format: 'int32' },
  Long: { type: 'integer', format: 'int64' },
  Boolean: { type: 'boolean' },
  Float: { type: 'number', format: 'float' },
  Double: { type: 'number', format: 'double' },
};

/**
 * @param {Row} row
 * @param {ParamFix} fix the row's override (`{}` for none)
 * @param {string[]} paragraphs the row's description, repaired
 * @returns {Schema}
 */
export function scalarSchema(row, fix, paragraphs) {
  const type = fix.type ?? (row.type === 'RepeatList' ? 'String' : row.type);
  const schema = { ...(SCALARS[type] ?? { type: 'string' }) };
  if (fix.$ref) return { $ref: fix.$ref, ...exampleOf(schema, row, fix) };
  // DomainName, DomainName.N items and X.N.DomainName fields name one domain: appendix 6.2 applies.
  const field = row.name.replace(/\.N$/, '').replace(/^.*\./, '');
  if (field === 'DomainName' && fix.domainName !== false)
    return { $ref: '#/components/schemas/DomainName', ...exampleOf(schema, row, fix) };
  if (row.name.endsWith('IdentityCredentialType'))
    return { $ref: '#/components/schemas/IdentityCredentialType', ...exampleOf(schema, row, fix) };
  const values = fix.enum ? Object.entries(fix.enum).map(([value, meaning]) => ({ value, meaning })) : readEnum(paragraphs);
  if (values && schema.type !== 'boolean') {
    schema.enum = values.map((v) => coerce(schema, v.value));
    // Lists such as "registrant；" / "tech。" give values without meanings.
    const meanings = values.filter((v) => v.meaning !== undefined);
    if (meanings.length) schema['x-enumDescriptions'] = Object.fromEntries(meanings.map((v) => [v.value, v.meaning]));
  }
  const text = paragraphs.join('\n');
  const def = readDefault(text);
  if (def !== undefined) {
    const value = coerce(schema, def);
    if (value !== undefined && (!schema.enum || schema.enum.includes(value))) schema.default = value;
  }
  if (schema.type === 'integer') Object.assign(schema, readLimits(text));
  Object.assign(schema, exampleOf(schema, row, fix));
  return schema;
}

/**
 * @param {Schema} schema
 * @param {Row} row
 * @param {ParamFix} [fix]
 */
function exampleOf(schema, row, fix = {}) {
  const v = exampleValue(schema, row.example, fix);
  return v === undefined ? {} : { example: v };
}

/**
 * The table's example in the schema's type; one that is not of that type is an erratum, not an
 * example. A reviewed `example:` (an item, or for lists the whole list) replaces one the API would reject.
 * @param {Schema} schema
 * @param {string | undefined} raw
 * @param {ParamFix} [fix]
 * @returns {unknown}
 */
export function exampleValue(schema, raw, fix = {}) {
  if (fix.example !== undefined) return Array.isArray(fix.example) ? fix.example[0] : fix.example;
  if (raw === undefined || raw === '') return undefined;
  return coerce(schema, raw);
}

/**
 * The table's own example where an override replaced it: kept, but no longer offered as valid.
 * @param {Row} row
 * @param {ParamFix} fix
 */
export function replacedExample(row, fix) {
  if (fix.example === undefined || row.example === undefined || row.example === '') return undefined;
  return row.example;
}

/**
 * The text `raw` as a value of the schema's type, or undefined when it is not one.
 * @param {Schema} schema
 * @param {string} raw
 * @returns {string | number | boolean | undefined}
 */
export function coerce(schema, raw) {
  if (schema.type === 'integer') return /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined;
  if (schema.type === 'number') return Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  return raw;
}
