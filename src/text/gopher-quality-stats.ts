import { nativeAddon } from '../native/addon.js';
import { nativeText } from '../native/loaded-text.js';
import type { TextAnalysis } from './analysis.js';
import { isPySpaceCode } from './python.js';
import { META_ALPHA, META_NON_PUNCT } from './token-scan.js';

/**
 * The statistics of Gopher quality (SPEC-filters.md (b1)), measured in one pass over the tokens, one over
 * the text and one over its `splitlines()` lines; filter-gopher-quality decides on them.
 */
/** The statistics the rules decide on; ratios are over all tokens, lengths in code points. */
export interface GopherQualityStats {
  words: number;
  non_symbol_words: number;
  /** Mean code-point length of non-symbol words; NaN when there are none (the rule then passes, as numpy's nan). */
  avg_word_length: number;
  hash_ratio: number;
  ellipsis_ratio: number;
  bullet_lines_ratio: number;
  end_ellipsis_lines_ratio: number;
  alpha_words_ratio: number;
  stop_words: number;
}

/** Stop words by index, grouped by length so a token is compared in place against the text. */
export interface StopWords {
  index: ReadonlyMap<string, number>;
  /** `byLength[L]`: the distinct stop words of L code units, with their indices. */
  byLength: readonly (readonly [string, number][])[];
  maxLength: number;
  /** `first[c]` bit min(L, 31): some stop word of L code units starts with code unit c (a prefilter). */
  first: Uint32Array;
  /** The same set in the native addon (src/native/gopher_quality.cc), when it is built. */
  native: object | undefined;
}

export function stopWords(words: readonly string[]): StopWords {
  const index = new Map<string, number>();
  for (const w of words) if (!index.has(w)) index.set(w, index.size);
  const maxLength = Math.max(0, ...words.map((w) => w.length));
  const byLength: [string, number][][] = Array.from({ length: maxLength + 1 }, () => []);
  const first = new Uint32Array(0x10000);
  for (const [w, i] of index) {
    byLength[w.length]!.push([w, i]);
    if (w.length > 0) first[w.charCodeAt(0)]! |= 1 << Math.min(w.length, 31);
  }
  return { index, byLength, maxLength, first, native: nativeAddon()?.stopWordSet([...index.keys()]) };
}

/**
 * The index of the stop word equal to `text[start, end)`, or -1; no token string is built. The empty
 * string is never a token, so an empty stop word never matches (as with the reference's set intersection).
 */
function stopIndex(text: string, start: number, end: number, stops: StopWords): number {
  const len = end - start;
  if (len === 0 || len > stops.maxLength) return -1;
  for (const [w, i] of stops.byLength[len]!) if (text.startsWith(w, start)) return i;
  return -1;
}

/** Counts of one document: non-symbol tokens, their code points, alphabetic tokens, distinct stop words, #,
 * ellipses, splitlines() lines, bullet lines, end-ellipsis lines (the native call's layout). */
const counts = new Float64Array(9);

/**
 * Measures one document (all statistics, no short-circuit) from the analysis' tokens and their meta
 * (token-scan.ts: one pass over the characters, shared with filter-gopher-repetition), one scan of the text
 * for marks and one over its `splitlines()` lines. In the fineweb chain on 25 MB of the bench corpus the
 * stage took 0.38-0.47 s re-reading every token's characters, 0.22 s now (loaded 2-CPU host, Node 20).
 * The counts come from one native call when the addon is built (src/native/gopher_quality.cc, tested equal;
 * `useNative` false: never): this function took 3.8% of the FineWeb chain's CPU time on one core.
 */
export function gopherQualityStats(a: TextAnalysis, stops: StopWords, useNative = true): GopherQualityStats {
  const addon = useNative && stops.native !== undefined ? nativeAddon() : undefined;
  const n = a.wordCount;
  if (
    addon === undefined ||
    addon.gopherQuality(nativeText(addon, a.text), a.spans, a.tokenMeta, n, stops.native!, counts) !== 0
  ) {
    countTokens(a, stops);
    countMarks(a.text);
    countLines(a.lines);
  }
  const [nonSymbol, nonSymbolChars, alpha, distinctStops, hashes, ellipses, lines, bullets, endEllipses] =
    counts;
  return {
    words: n,
    non_symbol_words: nonSymbol!,
    avg_word_length: nonSymbolChars! / nonSymbol!,
    hash_ratio: hashes! / n,
    ellipsis_ratio: ellipses! / n,
    bullet_lines_ratio: bullets! / lines!,
    end_ellipsis_lines_ratio: endEllipses! / lines!,
    alpha_words_ratio: alpha! / n,
    stop_words: distinctStops!,
  };
}

/** counts[0..3]: non-symbol tokens, their code points, alphabetic tokens, distinct stop words. */
function countTokens(a: TextAnalysis, stops: StopWords): void {
  const text = a.text;
  const spans = a.spans;
  const meta = a.tokenMeta;
  const n = meta.length;
  let nonSymbol = 0;
  let nonSymbolChars = 0;
  let alpha = 0;
  const seen = new Uint8Array(stops.index.size);
  let distinctStops = 0;
  // Once every stop word was seen (most English documents, early), tokens need no comparison.
  const maxStop = stops.index.size === 0 ? 0 : stops.maxLength;
  const first = stops.first;
  for (let t = 0; t < n; t++) {
    const m = meta[t]!;
    if ((m & META_NON_PUNCT) !== 0) {
      nonSymbol++;
      nonSymbolChars += m >>> 2;
    }
    if ((m & META_ALPHA) !== 0) alpha++;
    // Most tokens are longer than every stop word or start unlike any of their length: compare only the others.
    const start = spans[2 * t]!;
    const len = spans[2 * t + 1]! - start;
    if (len > maxStop || distinctStops === seen.length) continue;
    if (((first[text.charCodeAt(start)]! >>> Math.min(len, 31)) & 1) === 0) continue;
    const s = stopIndex(text, start, start + len, stops);
    if (s >= 0 && seen[s] === 0) {
      seen[s] = 1;
      distinctStops++;
    }
  }
  counts[0] = nonSymbol;
  counts[1] = nonSymbolChars;
  counts[2] = alpha;
  counts[3] = distinctStops;
}

/**
 * counts[4..5]: Python `text.count("#")` and `text.count("...") + text.count("…")` (each non-overlapping,
 * left to right), by the engine's indexOf: most texts have few of them.
 */
function countMarks(text: string): void {
  counts[4] = countOf(text, '#');
  counts[5] = countOf(text, '...') + countOf(text, '…');
}

/** Python `text.count(needle)`: non-overlapping occurrences, left to right. */
function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** counts[6..8]: lines, those starting with • or - after `lstrip()`, those ending with ... or … after `rstrip()`. */
function countLines(lines: readonly string[]): void {
  let bullets = 0;
  let endEllipses = 0;
  for (const l of lines) {
    let a = 0;
    let b = l.length;
    while (a < b && isPySpaceCode(l.charCodeAt(a))) a++;
    if (a === b) continue;
    while (isPySpaceCode(l.charCodeAt(b - 1))) b--;
    const first = l.charCodeAt(a);
    if (first === 0x2022 || first === 0x2d) bullets++;
    const last = l.charCodeAt(b - 1);
    if (last === 0x2026 || (b - a >= 3 && last === 0x2e && l.startsWith('..', b - 3))) endEllipses++;
  }
  counts[6] = lines.length;
  counts[7] = bullets;
  counts[8] = endEllipses;
}
