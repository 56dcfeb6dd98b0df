/**
 * Word 5-gram Jaccard similarity, the measure the planted near duplicates are calibrated against.
 * Words are maximal runs of Unicode letters, digits and apostrophes, lower-cased; a shingle is five
 * consecutive words joined by one space. Close to DataTrove's MinHash shingling (which also maps digits
 * to 0 and strips accents), so planted pairs land near the same similarity there.
 */

const WORD = /[\p{L}\p{N}']+/gu;

export function shingleWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The set of word n-grams; a text shorter than `n` words yields one shingle of all its words. */
export function shingles(text: string, n = 5): Set<string> {
  const words = shingleWords(text);
  const out = new Set<string>();
  if (words.length < n) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** |A ∩ B| / |A ∪ B| of the two texts' word 5-gram sets; 1 for two empty texts. */
export function jaccard5(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const s of sa) if (sb.has(s)) inter++;
  return inter / (sa.size + sb.size - inter);
}
