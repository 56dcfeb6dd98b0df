import { z } from '../core/schema.js';
import { type CharCounts, countChars } from '../text/dj-chars.js';
import { bound, checkMinMax, keepStats, optionalBound, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'alnum_ratio';
const SRC = 'Data-Juicer alphanumeric_filter (data_juicer/ops/filter/alphanumeric_filter.py)';

const options = z
  .strictObject({
    min: bound({ side: 'min', stat: STAT, source: `Default 0.25: ${SRC} min_ratio.` }, 0.25),
    max: optionalBound({
      side: 'max',
      stat: STAT,
      source: `${SRC} max_ratio defaults to sys.maxsize, i.e. no bound (a ratio never exceeds 1).`,
    }),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

/** DJ `alnum_ratio` (tokenization=False): `isalnum` code points / code points; 0 for an empty text. */
export function alnumRatio(text: string, scratch: CharCounts): number {
  const c = countChars(text, scratch);
  return c.chars === 0 ? 0 : c.alnum / c.chars;
}

export default defineStage({
  name: 'filter-alnum-ratio',
  kind: 'map',
  description:
    "Data-Juicer's alphanumeric_filter with tokenization=False: the ratio of alphanumeric characters " +
    '(Python str.isalnum, per code point) to all characters. Drops alnum_ratio_below_min / ' +
    'alnum_ratio_above_max; observes alnum_ratio. (DJ tokenization=True, alphabetic chars per HF token, ' +
    'is not offered.)',
  options,
  preservesRow: () => true,
  create(o) {
    const scratch: CharCounts = { chars: 0, alnum: 0, special: 0 };
    return statProcessor(STAT, o, (doc) => alnumRatio(doc.text, scratch));
  },
});
