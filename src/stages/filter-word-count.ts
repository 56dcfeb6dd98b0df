import { z } from '../core/schema.js';
import { countRefinedWords, type WordCounts } from '../text/dj-words.js';
import { bound, checkMinMax, keepStats, optionalBound, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'num_words';
const SRC = 'Data-Juicer words_num_filter (data_juicer/ops/filter/words_num_filter.py)';

const options = z
  .strictObject({
    min: bound({ side: 'min', stat: STAT, int: true, source: `Default 10: ${SRC} min_num.` }, 10),
    max: optionalBound({
      side: 'max',
      stat: STAT,
      int: true,
      source: `${SRC} max_num defaults to sys.maxsize, i.e. no bound.`,
    }),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

export default defineStage({
  name: 'filter-word-count',
  kind: 'map',
  description:
    "Data-Juicer's words_num_filter (tokenization=False): the number of words, split on space, newline " +
    'and tab, that keep at least one character once special characters (punctuation, digits, symbols, ' +
    'emoji) are stripped from their ends. Drops num_words_below_min / num_words_above_max; observes num_words.',
  options,
  preservesRow: () => true,
  create(o) {
    const counts: WordCounts = { words: 0, chars: 0 };
    return statProcessor(STAT, o, (doc) => countRefinedWords(doc.text, counts).words);
  },
});
