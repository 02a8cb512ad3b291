/** A string as an error message shows it: JSON-quoted, and shortened past 80 characters. */
export function quote(s: string): string {
  const q = JSON.stringify(s);
  return q.length > 80 ? `${q.slice(0, 78)}…" (${s.length} characters)` : q;
}
