/**
 * "Did you mean" for misspelt keys, option names, stage names and enum values: the closest candidate by
 * Damerau–Levenshtein distance (optimal string alignment, so a swapped pair of letters costs 1).
 */

/** Edit distance with insertions, deletions, substitutions and adjacent transpositions, each costing 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const w = b.length + 1;
  // Three rolling rows: the transposition step looks two rows back.
  let prev2 = new Array<number>(w).fill(0);
  let prev = Array.from({ length: w }, (_, j) => j);
  let cur = new Array<number>(w).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/** Most edits a suggestion may need: none below 3 characters (only case or -/_), 1 up to 4, 2 up to 8, then 3. */
export function maxEdits(length: number): number {
  if (length < 3) return 0;
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

/**
 * The candidate closest to `input` (ignoring case, and `-` versus `_`) within {@link maxEdits} of the
 * input's length; on a tie, the earlier candidate. Undefined when none is close enough.
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replaceAll('-', '_');
  const needle = norm(input);
  let best: string | undefined;
  let bestDistance = maxEdits(input.length) + 1;
  for (const c of candidates) {
    if (c === input) continue;
    const d = editDistance(needle, norm(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `, did you mean "x"?` or the empty string, to append to a message. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
  return s === undefined ? '' : `, did you mean "${s}"?`;
}
