import { z } from '../core/schema.js';
import { charRepetitionRatio, MAX_REP_LEN, NgramScratch } from '../text/ngram-repetition.js';
import { bound, checkMinMax, keepStats, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'char_rep_ratio';
const SRC = 'Data-Juicer character_repetition_filter (data_juicer/ops/filter/character_repetition_filter.py)';

const options = z
  .strictObject({
    rep_len: z
      .number()
      .int()
      .min(1)
      .max(MAX_REP_LEN)
      .default(10)
      .describe(`Characters (code points) per n-gram. Default 10: ${SRC} rep_len. At most ${MAX_REP_LEN}.`),
    min: bound({ side: 'min', stat: STAT, source: `Default 0.0: ${SRC} min_ratio.` }, 0),
    max: bound({ side: 'max', stat: STAT, source: `Default 0.5: ${SRC} max_ratio.` }, 0.5),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

export default defineStage({
  name: 'filter-char-repetition',
  kind: 'map',
  description:
    "Data-Juicer's character_repetition_filter: over the character rep_len-grams of the text, the share " +
    'of n-gram occurrences taken by the most frequent ones (the top floor(sqrt(#distinct)) n-grams, ' +
    'counting only those seen more than once). Drops char_rep_ratio_below_min / ' +
    'char_rep_ratio_above_max; observes char_rep_ratio.',
  options,
  preservesRow: () => true,
  create(o) {
    const scratch = new NgramScratch();
    return statProcessor(STAT, o, (doc) => charRepetitionRatio(doc.text, o.rep_len, scratch));
  },
});
