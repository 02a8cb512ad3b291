// The XML side of response parsing: fast-xml-parser with a restricted entity decoder, and the
// step from its tree to plain objects. Imported by xml.ts on the first XML response only, so a
// bundle that never meets XML carries none of it.
import { XMLParser } from 'fast-xml-parser';

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;

/**
 * Decodes only the five predefined XML entities and numeric character references, in one pass
 * (so `&amp;lt;` becomes `&lt;`, not `<`). Anything else, including entities declared in a DOCTYPE,
 * stays as written.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return PREDEFINED[name]!;
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    const valid =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0x10ffff && cp !== 0xfffe && cp !== 0xffff);
    return valid ? String.fromCodePoint(cp) : m;
  });
}

// fast-xml-parser's documented `entityDecoder` hook replaces its own decoder: DOCTYPE-declared
// (input) and external entities are dropped, so nothing is ever expanded from a DOCTYPE
// (no billion laughs); CDATA sections are not passed through the decoder by the parser.
const ignored = (): undefined => undefined;
const entityDecoder = {
  setExternalEntities: ignored,
  addInputEntities: ignored,
  reset: ignored,
  setXmlVersion: ignored,
  decode: decodeXmlEntities,
};

const PARSER_OPTIONS = {
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Keep every text value a string: the response Shape decides what becomes a number or boolean
  // (parsing here would lose leading zeros and int64 precision).
  parseTagValue: false,
  // Keep whitespace inside values; whitespace-only text between child elements is removed below.
  trimValues: false,
  processEntities: true,
  entityDecoder,
  textNodeName: '#text',
};

const parser = new XMLParser(PARSER_OPTIONS);

export const XML_TEXT = '#text';

/** Removes whitespace-only `#text` that indentation leaves in elements with children. */
function dropIndentation(node: unknown): unknown {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = dropIndentation(node[i]);
    return node;
  }
  if (node !== null && typeof node === 'object') {
    const rec = node as Record<string, unknown>;
    const text = rec[XML_TEXT];
    if (typeof text === 'string' && text.trim() === '') Reflect.deleteProperty(rec, XML_TEXT);
    for (const k of Object.keys(rec)) rec[k] = dropIndentation(rec[k]);
    return rec;
  }
  return node;
}

/**
 * Parses an XML document into plain objects: elements → properties, repeated elements → arrays,
 * leaf text → string, empty element → ''. Returns `{ rootName, root }`.
 */
export function parseXmlDocument(text: string): { rootName: string; root: unknown } {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- `true` validates first, so malformed XML is refused; fast-xml-parser 5 still supports it.
  const doc = parser.parse(text, true) as Record<string, unknown>;
  const names = Object.keys(doc).filter((k) => k !== XML_TEXT);
  if (names.length !== 1) throw new Error(`expected one root element, found ${names.length}`);
  const rootName = names[0]!;
  return { rootName, root: dropIndentation(doc[rootName]) };
}
