import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { analyze, type TextAnalysis } from '../text/analysis.js';
import { isPunctuationCode } from '../text/charsets.js';
import { isPyAlpha, isPySpaceCode } from '../text/python.js';
import { defineStage } from './define.js';

const SRC =
  'Gopher (Rae et al. 2021, arxiv 2112.11446) App. A / Table A1, via DataTrove gopher_quality_filter.py';

/** A threshold that null or 0 disables (DataTrove tests each threshold for truthiness). */
function threshold(value: number, what: string, int = false) {
  const n = int ? z.number().int().min(0) : z.number().min(0);
  return n
    .nullable()
    .default(value)
    .describe(`${what} Default ${value}: ${SRC}. null or 0 disables the rule.`);
}

const options = z.strictObject({
  min_doc_words: threshold(50, 'Drop with gopher_short_doc below this many non-symbol words.', true),
  max_doc_words: threshold(100_000, 'Drop with gopher_long_doc above this many non-symbol words.', true),
  min_avg_word_length: threshold(
    3,
    'Drop with gopher_below_avg_threshold when the mean non-symbol word length (code points) is below.',
  ),
  max_avg_word_length: threshold(10, 'Drop with gopher_above_avg_threshold when the mean length is above.'),
  max_symbol_word_ratio: threshold(
    0.1,
    'Drop with gopher_too_many_hashes when count("#") / tokens is above, then with gopher_too_many_ellipsis ' +
      'when (count("...") + count("…")) / tokens is above.',
  ),
  max_bullet_lines_ratio: threshold(
    0.9,
    'Drop with gopher_too_many_bullets when the share of splitlines() lines starting with • or - (after lstrip) is above.',
  ),
  max_ellipsis_lines_ratio: threshold(
    0.3,
    'Drop with gopher_too_many_end_ellipsis when the share of lines ending with ... or … (after rstrip) is above.',
  ),
  max_non_alpha_words_ratio: threshold(
    0.8,
    'Despite its (DataTrove) name, a MINIMUM: drop with gopher_below_alpha_threshold when the share of tokens ' +
      'containing a letter is below.',
  ),
  min_stop_words: threshold(
    2,
    'Drop with gopher_enough_stop_words when fewer distinct stop words (case-sensitive) occur as tokens.',
    true,
  ),
  stop_words: z
    .array(z.string())
    .default(['the', 'be', 'to', 'of', 'and', 'that', 'have', 'with'])
    .describe(`Stop words for min_stop_words, matched case-sensitively against tokens. Default: ${SRC}.`),
  keep_stats: z
    .boolean()
    .default(false)
    .describe('Also store the measured statistics under `dm.gopher_quality` on every document.'),
});

type Options = z.output<typeof options>;

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

/** The SPEC's rules in order: the first failing one as [reason, measured value], or undefined to keep. */
export function gopherQualityVerdict(o: Options, s: GopherQualityStats): [string, number] | undefined {
  if (o.min_doc_words && s.non_symbol_words < o.min_doc_words)
    return ['gopher_short_doc', s.non_symbol_words];
  if (o.max_doc_words && s.non_symbol_words > o.max_doc_words) return ['gopher_long_doc', s.non_symbol_words];
  const avg = s.avg_word_length;
  if (o.min_avg_word_length && avg < o.min_avg_word_length) return ['gopher_below_avg_threshold', avg];
  if (o.max_avg_word_length && avg > o.max_avg_word_length) return ['gopher_above_avg_threshold', avg];
  // The reference divides by the token count from here on.
  if (s.words === 0) return ['empty', 0];
  const sym = o.max_symbol_word_ratio;
  if (sym && s.hash_ratio > sym) return ['gopher_too_many_hashes', s.hash_ratio];
  if (sym && s.ellipsis_ratio > sym) return ['gopher_too_many_ellipsis', s.ellipsis_ratio];
  const bullets = s.bullet_lines_ratio;
  if (o.max_bullet_lines_ratio && bullets > o.max_bullet_lines_ratio)
    return ['gopher_too_many_bullets', bullets];
  const ends = s.end_ellipsis_lines_ratio;
  if (o.max_ellipsis_lines_ratio && ends > o.max_ellipsis_lines_ratio)
    return ['gopher_too_many_end_ellipsis', ends];
  const alpha = s.alpha_words_ratio;
  if (o.max_non_alpha_words_ratio && alpha < o.max_non_alpha_words_ratio)
    return ['gopher_below_alpha_threshold', alpha];
  if (o.min_stop_words && s.stop_words < o.min_stop_words) return ['gopher_enough_stop_words', s.stop_words];
  return undefined;
}

/** The statistics for `dm`, an undefined ratio (no tokens, no non-symbol words) as null rather than NaN. */
export function finiteOrNull<T extends object>(stats: T): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(stats)) out[k] = Number.isFinite(v) ? (v as number) : null;
  return out;
}

export default defineStage({
  name: 'filter-gopher-quality',
  kind: 'map',
  description:
    'Gopher quality rules (SPEC-filters.md (b1), DataTrove GopherQualityFilter): word count, mean word length, ' +
    '# and ellipsis ratios, bullet and end-ellipsis lines, alphabetic words, stop words. Reasons: ' +
    'gopher_short_doc, gopher_long_doc, gopher_below_avg_threshold, gopher_above_avg_threshold, ' +
    'gopher_too_many_hashes, gopher_too_many_ellipsis, gopher_too_many_bullets, gopher_too_many_end_ellipsis, ' +
    'gopher_below_alpha_threshold, gopher_enough_stop_words, empty (no tokens); the value is the failing statistic.',
  options,
  preservesRow: () => true,
  create(o) {
    const stops = stopWords(o.stop_words);
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          const stats = gopherQualityStats(analyze(doc), stops);
          if (o.keep_stats) dmOf(doc).gopher_quality = finiteOrNull(stats);
          const failed = gopherQualityVerdict(o, stats);
          if (failed === undefined) kept.push(doc);
          else ctx.drop(doc, failed[0], failed[1]);
        }
        return kept;
      },
    };
  },
});
