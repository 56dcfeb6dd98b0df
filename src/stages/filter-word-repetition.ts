import { z } from '../core/schema.js';
import { djRefinedWords } from '../text/dj-words.js';
import { MAX_REP_LEN, NgramScratch, wordRepetitionRatio } from '../text/ngram-repetition.js';
import { bound, checkMinMax, keepStats, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'word_rep_ratio';
const SRC = 'Data-Juicer word_repetition_filter (data_juicer/ops/filter/word_repetition_filter.py)';

const options = z
  .strictObject({
    rep_len: z
      .number()
      .int()
      .min(1)
      .max(MAX_REP_LEN)
      .default(10)
      .describe(`Words per n-gram. Default 10: ${SRC} rep_len. At most ${MAX_REP_LEN}.`),
    min: bound({ side: 'min', stat: STAT, source: `Default 0.0: ${SRC} min_ratio.` }, 0),
    max: bound({ side: 'max', stat: STAT, source: `Default 0.5: ${SRC} max_ratio.` }, 0.5),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

export default defineStage({
  name: 'filter-word-repetition',
  kind: 'map',
  description:
    "Data-Juicer's word_repetition_filter (tokenization=False): words are split on space, newline and " +
    'tab, lowercased and stripped of special characters; over their rep_len-grams, the occurrences of ' +
    'n-grams seen more than once divided by all n-gram occurrences. Drops word_rep_ratio_below_min / ' +
    'word_rep_ratio_above_max; observes word_rep_ratio.',
  options,
  preservesRow: () => true,
  create(o) {
    const scratch = new NgramScratch();
    return statProcessor(STAT, o, (doc) => wordRepetitionRatio(djRefinedWords(doc), o.rep_len, scratch));
  },
});
