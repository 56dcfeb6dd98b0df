import { z } from '../core/schema.js';
import { countRefinedWords, type WordCounts } from '../text/dj-words.js';
import { bound, checkMinMax, keepStats, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'avg_word_length';
const SRC =
  'Data-Juicer has no word-length filter; the bounds are NeMo Curator MeanWordLengthFilter ' +
  '(nemo_curator/stages/text/filters/heuristic/string.py, min_mean_word_length=3, max_mean_word_length=10).';

const options = z
  .strictObject({
    min: bound({ side: 'min', stat: STAT, source: `Default 3. ${SRC}` }, 3),
    max: bound({ side: 'max', stat: STAT, source: `Default 10. ${SRC}` }, 10),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

/** Mean length in code points of the DJ words_num words of `text` (stripped of special characters); 0 without words. */
export function avgWordLength(text: string, scratch: WordCounts): number {
  const c = countRefinedWords(text, scratch);
  return c.words === 0 ? 0 : c.chars / c.words;
}

export default defineStage({
  name: 'filter-word-length',
  kind: 'map',
  description:
    'Mean word length in characters over the words Data-Juicer words_num_filter counts (split on space, ' +
    'newline and tab; special characters stripped from both ends; empty words dropped). 0 for a text ' +
    'without words. Drops avg_word_length_below_min / avg_word_length_above_max; observes avg_word_length.',
  options,
  preservesRow: () => true,
  create(o) {
    const counts: WordCounts = { words: 0, chars: 0 };
    return statProcessor(STAT, o, (doc) => avgWordLength(doc.text, counts));
  },
});
