/**
 * "Did you mean …?" helpers: edit distance between words and the closest of a list of candidates.
 * Pure; used for unknown profile ids and unknown journey keys.
 */

/** Options of {@link closestMatch}. */
export interface ClosestMatchOptions {
  /**
   * Largest edit distance still worth suggesting. Default: `max(2, floor(word.length / 3))`, so a typo or two
   * in a short key is caught but an unrelated word is not.
   */
  maxDistance?: number;
  /** Compare case-sensitively (default false: `4G` matches `4g` at distance 0). */
  caseSensitive?: boolean;
}

/**
 * Optimal-string-alignment edit distance (Damerau–Levenshtein without repeated edits of a substring):
 * the number of insertions, deletions, substitutions and swaps of two adjacent characters that turn `a`
 * into `b`. `editDistance('txt', 'text') === 1`, `editDistance('wfii', 'wifi') === 1`.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: i-2, i-1, i.
  let beforePrevious: number[] = new Array<number>(b.length + 1).fill(0);
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      row[j] = best;
    }
    [beforePrevious, previous, row] = [previous, row, beforePrevious];
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word` by {@link editDistance}, or `undefined` when none is within
 * `maxDistance`. Ties go to the candidate listed first.
 *
 * @example closestMatch('txt', ['text', 'selector']) // 'text'
 * @example closestMatch('mid-range-phon', ['entry-level-phone', 'mid-range-phone']) // 'mid-range-phone'
 */
export function closestMatch(word: string, candidates: Iterable<string>, options: ClosestMatchOptions = {}): string | undefined {
  const maxDistance = options.maxDistance ?? Math.max(2, Math.floor(word.length / 3));
  const normalise = (s: string) => (options.caseSensitive ? s : s.toLowerCase());
  const target = normalise(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}
