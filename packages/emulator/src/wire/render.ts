// Response bodies in the two formats of the API. XML repeats an element for each item of a list
// (`<Domain>…</Domain><Domain>…</Domain>`), the same form the JSON body wraps in `{"Domain": […]}`.
export type Format = 'JSON' | 'XML';

export interface Rendered {
  readonly body: string;
  readonly contentType: string;
}

export function render(root: string, body: Readonly<Record<string, unknown>>, format: Format): Rendered {
  if (format === 'JSON') return { body: JSON.stringify(body), contentType: 'application/json;charset=utf-8' };
  return { body: `<?xml version='1.0' encoding='UTF-8'?>${element(root, body)}`, contentType: 'text/xml;charset=utf-8' };
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (value === undefined || value === null) return `<${name}/>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  const text =
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return `<${name}>${escape(text)}</${name}>`;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
