/**
 * Literal ports of DataTrove's Gopher repetition n-gram rules (SPEC-filters.md (b2)), string by string,
 * as the reference the fast implementation (src/text/ngrams.ts) is checked against.
 */
import { cpLength } from '../../src/text/python.js';

/** Characters of the most frequent `" ".join` n-gram times its count (first inserted wins ties); -1 if none. */
export function naiveTop(words: string[], n: number): number {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  if (counts.size === 0) return -1;
  let best: [string, number] = ['', 0];
  for (const e of counts) if (e[1] > best[1]) best = e; // Map order = insertion order; strict > keeps the first.
  return cpLength(best[0]) * best[1];
}

/** DataTrove `find_all_duplicate` over `"".join` n-grams with skip-ahead, in code points. */
export function naiveDup(words: string[], n: number): number {
  const seen = new Set<string>();
  let rep = 0;
  let i = 0;
  while (i < words.length - n + 1) {
    const g = words.slice(i, i + n).join('');
    if (seen.has(g)) {
      rep += cpLength(g);
      i += n;
    } else {
      seen.add(g);
      i++;
    }
  }
  return rep;
}
