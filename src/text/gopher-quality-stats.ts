import type { TextAnalysis } from './analysis.js';
import { isPunctuationCode } from './charsets.js';
import { isPyAlpha, isPySpaceCode } from './python.js';

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

const PUNCT = 1;
const ALPHA = 2;
const ASCII_FLAGS = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_FLAGS[c] = (isPunctuationCode(c) ? PUNCT : 0) | (isPyAlpha(c) ? ALPHA : 0);

/** Stop words by index, grouped by length so a token is compared in place against the text. */
export interface StopWords {
  index: ReadonlyMap<string, number>;
  /** `byLength[L]`: the distinct stop words of L code units, with their indices. */
  byLength: readonly (readonly [string, number][])[];
  maxLength: number;
}

export function stopWords(words: readonly string[]): StopWords {
  const index = new Map<string, number>();
  for (const w of words) if (!index.has(w)) index.set(w, index.size);
  const maxLength = Math.max(0, ...words.map((w) => w.length));
  const byLength: [string, number][][] = Array.from({ length: maxLength + 1 }, () => []);
  for (const [w, i] of index) byLength[w.length]!.push([w, i]);
  return { index, byLength, maxLength };
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

/**
 * Measures one document (all statistics, no short-circuit), reading the text through the analysis'
 * word spans: on ../shared/data/web (20 MB, Node 20) 13.3 MB/s with one string per token, 54.0 MB/s now (the whole filter, with tokenization).
 */
export function gopherQualityStats(a: TextAnalysis, stops: StopWords): GopherQualityStats {
  const text = a.text;
  const spans = a.spans;
  const n = spans.length >> 1;
  let nonSymbol = 0;
  let nonSymbolChars = 0;
  let alpha = 0;
  const seen = new Uint8Array(stops.index.size);
  let distinctStops = 0;
  for (let t = 0; t < spans.length; t += 2) {
    const start = spans[t]!;
    const end = spans[t + 1]!;
    let hasNonPunct = false;
    let hasAlpha = false;
    let cps = 0;
    for (let k = start; k < end; k++) {
      let c = text.charCodeAt(k);
      if (c < 0x80) {
        // One table read for ASCII, most characters of most documents.
        const f = ASCII_FLAGS[c]!;
        hasNonPunct ||= (f & PUNCT) === 0;
        hasAlpha ||= (f & ALPHA) !== 0;
        cps++;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < end && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
        c = ((c - 0xd800) << 10) + (text.charCodeAt(++k) - 0xdc00) + 0x10000;
      }
      cps++;
      hasNonPunct ||= !isPunctuationCode(c);
      hasAlpha ||= isPyAlpha(c);
    }
    if (hasNonPunct) {
      nonSymbol++;
      nonSymbolChars += cps;
    }
    if (hasAlpha) alpha++;
    const s = stopIndex(text, start, end, stops);
    if (s >= 0 && seen[s] === 0) {
      seen[s] = 1;
      distinctStops++;
    }
  }
  const marks = countMarks(a.text);
  const lines = countLines(a.lines);
  return {
    words: n,
    non_symbol_words: nonSymbol,
    avg_word_length: nonSymbolChars / nonSymbol,
    hash_ratio: marks.hashes / n,
    ellipsis_ratio: marks.ellipses / n,
    bullet_lines_ratio: lines.bullets / a.lines.length,
    end_ellipsis_lines_ratio: lines.endEllipses / a.lines.length,
    alpha_words_ratio: alpha / n,
    stop_words: distinctStops,
  };
}

/** Python `text.count("#")` and `text.count("...") + text.count("…")` (non-overlapping) in one pass. */
function countMarks(text: string): { hashes: number; ellipses: number } {
  let hashes = 0;
  let ellipses = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      dots++;
      continue;
    }
    // A run of k dots holds floor(k / 3) non-overlapping "...".
    ellipses += (dots / 3) | 0;
    dots = 0;
    if (c === 0x23) hashes++;
    else if (c === 0x2026) ellipses++;
  }
  return { hashes, ellipses: ellipses + ((dots / 3) | 0) };
}

/** Lines starting with • or - after `lstrip()`, and ending with ... or … after `rstrip()`. */
function countLines(lines: readonly string[]): { bullets: number; endEllipses: number } {
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
  return { bullets, endEllipses };
}
