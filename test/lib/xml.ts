// Writes a JSON response body as the API's XML form: `<ActionResponse>` root, one element per
// field, repeated elements for arrays (`"Data": {"Domain": [a, b]}` → `<Data><Domain>a</Domain><Domain>b</Domain></Data>`).
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (value !== null && typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  const scalar = value as string | number | boolean | null | undefined;
  return `<${name}>${escape(scalar === null || scalar === undefined ? '' : String(scalar))}</${name}>`;
}

export function toXml(action: string, body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${element(`${action}Response`, body)}`;
}
