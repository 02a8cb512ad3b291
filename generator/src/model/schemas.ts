// Per-Action JSON Schemas (2020-12), built from the spec's schemas, which hold the limits
// (`minLength`, `maxItems`, …) that the type nodes do not carry. The validators emitter only
// compiles these.
//
// Request schemas describe the input object the client takes: wire base names as keys, lists as
// arrays, int64 as integer or decimal string, JSON-text parameters as string, object or array,
// unknown keys rejected. Response schemas are the 200 JSON schemas, open to fields the API may add.
// Each custom format comes with the regular expression of what it checks that one can express
// (model/patterns.ts), for validators that do not know the format.
import type { Document, Schema } from '../openapi.js';
import type { SpecParameter } from './operations.js';
import type { ParamStyle } from './vocabulary.js';
import { formatKeywords } from './patterns.js';

export type JsonSchema = Record<string, unknown>;
type Direction = 'request' | 'response';

const SAFE = Number.MAX_SAFE_INTEGER;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** String formats of the spec that the validators check; requests carry them, responses do not. */
export const NAME_FORMATS = ['alidomain-domain-name-list', 'alidomain-host-name', 'alidomain-host-label'];

/**
 * The `$id` of an Action's request or response schema: a URN of the product, the API version and
 * the Action (`urn:alidomain:Domain:2018-01-29:CheckDomain:request`), so that schemas of two
 * products or versions never share one, and nothing suggests a URL to fetch.
 */
export const schemaId = (product: string, version: string, action: string, side: 'request' | 'response'): string =>
  `urn:alidomain:${product}:${version}:${action}:${side}`;

/** The request schema: one property per own parameter, with its decided wire style. */
export function requestSchema(
  action: { name: string; summary: string; id: string },
  params: readonly (SpecParameter & { style: ParamStyle })[],
  doc: Document,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const { parameter: p, bodySchema, style } of params) {
    properties[p.name] = bodySchema ? convert(bodySchema, 'request', doc) : paramSchema(p.schema, p.description, style, doc);
    if (p.required) required.push(p.name);
  }
  return {
    $schema: DIALECT,
    $id: action.id,
    title: `${action.name} request`,
    description: `Parameters of ${action.name} (${action.summary}), as the client takes them.`,
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}

function paramSchema(schema: Schema, description: string | undefined, style: ParamStyle, doc: Document): JsonSchema {
  if (style === 'json') return { ...(description ? { description } : {}), type: ['string', 'object', 'array'] };
  const s = convert(schema, 'request', doc);
  return description ? { description, ...withoutKey(s, 'description') } : s;
}

/** The response schema: the 200 JSON body's. */
export function responseSchema(action: { name: string; id: string }, schema: Schema, doc: Document): JsonSchema {
  return { $schema: DIALECT, $id: action.id, ...convert(schema, 'response', doc), title: `${action.name} response` };
}

function withoutKey(s: JsonSchema, key: string): JsonSchema {
  const { [key]: _drop, ...rest } = s;
  return rest;
}

/** An OpenAPI schema as plain JSON Schema 2020-12 (vendor keys and `example` dropped). */
function convert(s: Schema, dir: Direction, doc: Document): JsonSchema {
  if (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`spec: unresolved ${s.$ref}`);
    const description = s.description ?? target.description;
    const base: JsonSchema =
      name === 'DomainName'
        ? // Appendix 6.2 is about what requests may carry; a response may well hold an IDN's ACE form.
          dir === 'request'
          ? {
              type: 'string',
              ...formatKeywords('alidomain-domain-name'),
              ...(target.minLength !== undefined ? { minLength: target.minLength } : {}),
            }
          : { type: 'string' }
        : withoutKey(convert(target, dir, doc), 'description');
    return { ...(description ? { description } : {}), ...base };
  }
  const out: JsonSchema = {};
  if (s.title) out.title = s.title;
  if (s.description) out.description = s.description;
  switch (s.type) {
    case 'object': {
      out.type = 'object';
      const properties: Record<string, JsonSchema> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) properties[k] = convert(v, dir, doc);
      out.properties = properties;
      if (s.required?.length) out.required = [...s.required];
      if (dir === 'request') out.additionalProperties = false;
      break;
    }
    case 'array':
      out.type = 'array';
      out.items = convert(s.items ?? { type: 'string' }, dir, doc);
      if (s.minItems !== undefined) out.minItems = s.minItems;
      if (s.maxItems !== undefined) out.maxItems = s.maxItems;
      break;
    case 'integer': {
      const int64 = s.format === 'int64';
      if (int64 && dir === 'request' && !s.enum) {
        // A number (safe integer), or a decimal string; bigint is turned into a string before validating.
        out.type = ['integer', 'string'];
        Object.assign(out, formatKeywords('int64'));
        out.minimum = Math.max(s.minimum ?? -SAFE, -SAFE);
        out.maximum = Math.min(s.maximum ?? SAFE, SAFE);
      } else {
        out.type = 'integer';
        if (s.enum) out.enum = [...s.enum];
        else if (int64) {
          if (s.minimum !== undefined) out.minimum = s.minimum;
          if (s.maximum !== undefined) out.maximum = s.maximum;
        } else {
          out.minimum = s.minimum ?? INT32_MIN;
          out.maximum = s.maximum ?? INT32_MAX;
        }
      }
      break;
    }
    case 'number':
    case 'boolean':
      out.type = s.type;
      break;
    default:
      out.type = 'string';
      if (s.enum) out.enum = [...s.enum];
      if (s.minLength !== undefined) out.minLength = s.minLength;
      if (s.maxLength !== undefined) out.maxLength = s.maxLength;
      if (dir === 'request' && s.format && NAME_FORMATS.includes(s.format)) Object.assign(out, formatKeywords(s.format));
  }
  if (s.default !== undefined) out.default = s.default;
  return out;
}
