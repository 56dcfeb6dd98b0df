import { z } from '../core/schema.js';
import { type CharCounts, countChars } from '../text/dj-chars.js';
import { bound, checkMinMax, keepStats, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'special_char_ratio';
const SRC = 'Data-Juicer special_characters_filter (data_juicer/ops/filter/special_characters_filter.py)';

const options = z
  .strictObject({
    min: bound({ side: 'min', stat: STAT, source: `Default 0.0: ${SRC} min_ratio.` }, 0),
    max: bound({ side: 'max', stat: STAT, source: `Default 0.25: ${SRC} max_ratio.` }, 0.25),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

/**
 * DJ `special_char_ratio`: code points in SPECIAL_CHARACTERS (ASCII punctuation, digits and whitespace,
 * DJ's list of other symbols, emoji) / code points; 0 for an empty text.
 */
export function specialCharRatio(text: string, scratch: CharCounts): number {
  const c = countChars(text, scratch);
  return c.chars === 0 ? 0 : c.special / c.chars;
}

export default defineStage({
  name: 'filter-special-chars',
  kind: 'map',
  description:
    "Data-Juicer's special_characters_filter: the ratio of special characters (DJ SPECIAL_CHARACTERS: " +
    'ASCII punctuation, digits and whitespace, a list of typographic symbols, emoji) to all characters. ' +
    'Digits and spaces count as special, so ordinary prose scores about 0.2. Drops ' +
    'special_char_ratio_below_min / special_char_ratio_above_max; observes special_char_ratio.',
  options,
  preservesRow: () => true,
  create(o) {
    const scratch: CharCounts = { chars: 0, alnum: 0, special: 0 };
    return statProcessor(STAT, o, (doc) => specialCharRatio(doc.text, scratch));
  },
});
