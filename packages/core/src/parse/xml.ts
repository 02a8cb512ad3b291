// XML support is loaded on first need (loadXmlSupport): JSON is the default format, and a bundle
// that never meets XML should carry neither the XML parser nor its glue (parse/xml-document.ts).
type XmlDocument = typeof import('./xml-document.js');

let xml: XmlDocument | undefined;
let loading: Promise<void> | undefined;

/** Loads the XML parser; parseXmlDocument needs it. The client calls this before parsing XML. */
export function loadXmlSupport(): Promise<void> {
  loading ??= import('./xml-document.js').then((m) => {
    xml = m;
  });
  return loading;
}

/**
 * Parses an XML document into plain objects: elements → properties, repeated elements → arrays,
 * leaf text → string, empty element → ''. Returns `{ rootName, root }`. Needs loadXmlSupport().
 */
export function parseXmlDocument(text: string): { rootName: string; root: unknown } {
  if (xml === undefined) throw new Error('XML support is not loaded: await loadXmlSupport() first (the client does this itself).');
  return xml.parseXmlDocument(text);
}
