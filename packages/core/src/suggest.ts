/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The candidates closest to `name` (case ignored), nearest first: an exact case-insensitive match
 * alone, else those within a third of the name's length in edits (at least 2), at most `limit`.
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const lower = name.toLowerCase();
  const same = candidates.find((c) => c.toLowerCase() === lower);
  if (same !== undefined) return [same];
  const within = Math.max(2, Math.floor(name.length / 3));
  return candidates
    .map((c) => ({ c, d: distance(lower, c.toLowerCase()) }))
    .filter((x) => x.d <= within)
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.c);
}

/** `; did you mean "a" or "b"?`, or nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const near = closestNames(name, candidates);
  if (near.length === 0) return '';
  return `; did you mean ${near.map((n) => JSON.stringify(n)).join(' or ')}?`;
}
