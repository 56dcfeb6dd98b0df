import type { Doc } from '../core/doc.js';
import { z } from '../core/schema.js';
import { djRefinedWords } from '../text/dj-words.js';
import { hasStopwords, stopwordSet } from '../text/stopwords.js';
import { bound, checkMinMax, decide, keepStats } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'stopwords_ratio';
const SRC = 'Data-Juicer stopwords_filter (data_juicer/ops/filter/stopwords_filter.py)';

const options = z
  .strictObject({
    lang: z
      .string()
      .default('en')
      .refine(hasStopwords, { message: 'expected a stopwords-iso language code (en, de, fr, ...) or all' })
      .describe(
        `Language of the stop-word list (stopwords-iso code, or all for the union). Default en: ${SRC} lang.`,
      ),
    lang_field: z
      .string()
      .optional()
      .describe(
        'Document field holding each document\'s language code (e.g. "language"); when it is absent, not a ' +
          'string or has no list, lang is used and the counter lang_fallback is incremented.',
      ),
    min: bound({ side: 'min', stat: STAT, source: `Default 0.3: ${SRC} min_ratio.` }, 0.3),
    max: bound({ side: 'max', stat: STAT, source: `Default 1.0: ${SRC} max_ratio.` }, 1),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

/** DJ `stopwords_ratio`: refined words in `stopwords` / refined words; 0 without words. */
export function stopwordsRatio(words: readonly string[], stopwords: ReadonlySet<string>): number {
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (stopwords.has(w)) hits++;
  return hits / words.length;
}

export default defineStage({
  name: 'filter-stopwords',
  kind: 'map',
  description:
    "Data-Juicer's stopwords_filter (tokenization=False): the share of words that are stop words, words " +
    'split on space, newline and tab, lowercased and stripped of special characters; lists from ' +
    'stopwords-iso (DJ ships its own lists, so ratios differ slightly). Drops stopwords_ratio_below_min / ' +
    'stopwords_ratio_above_max; observes stopwords_ratio.',
  options,
  preservesRow: () => true,
  create(o) {
    const fallback = stopwordSet(o.lang);
    const field = o.lang_field;
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          let set = fallback;
          if (field !== undefined) {
            const lang = doc.row[field];
            if (typeof lang === 'string' && hasStopwords(lang)) set = stopwordSet(lang);
            else ctx.count('lang_fallback');
          }
          if (decide(doc, STAT, stopwordsRatio(djRefinedWords(doc), set), o, ctx)) kept.push(doc);
        }
        return kept;
      },
    };
  },
});
