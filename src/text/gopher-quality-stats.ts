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

/** Stop words by index, and the longest one's length (longer tokens skip the lookup). */
export interface StopWords {
  index: ReadonlyMap<string, number>;
  maxLength: number;
}

export function stopWords(words: readonly string[]): StopWords {
  const index = new Map<string, number>();
  for (const w of words) if (!index.has(w)) index.set(w, index.size);
  return { index, maxLength: Math.max(0, ...words.map((w) => w.length)) };
}

/** Measures one document (all statistics, no short-circuit). */
export function gopherQualityStats(a: TextAnalysis, stops: StopWords): GopherQualityStats {
  const words = a.words;
  let nonSymbol = 0;
  let nonSymbolChars = 0;
  let alpha = 0;
  const seen = new Uint8Array(stops.index.size);
  let distinctStops = 0;
  for (const w of words) {
    let hasNonPunct = false;
    let hasAlpha = false;
    let cps = 0;
    for (let k = 0; k < w.length; k++) {
      let c = w.charCodeAt(k);
      if (c < 0x80) {
        // One table read for ASCII, most characters of most documents.
        const f = ASCII_FLAGS[c]!;
        hasNonPunct ||= (f & PUNCT) === 0;
        hasAlpha ||= (f & ALPHA) !== 0;
        cps++;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < w.length && (w.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
        c = ((c - 0xd800) << 10) + (w.charCodeAt(++k) - 0xdc00) + 0x10000;
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
    const s = w.length <= stops.maxLength ? stops.index.get(w) : undefined;
    if (s !== undefined && seen[s] === 0) {
      seen[s] = 1;
      distinctStops++;
    }
  }
  const marks = countMarks(a.text);
  const lines = countLines(a.lines);
  const n = words.length;
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
