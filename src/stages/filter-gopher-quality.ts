import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { analyze } from '../text/analysis.js';
import { type GopherQualityStats, gopherQualityStats, stopWords } from '../text/gopher-quality-stats.js';
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
