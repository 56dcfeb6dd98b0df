import { z } from '../core/schema.js';
import { BADWORDS_LANGUAGES, badwordsList } from '../text/badwords.js';
import { djRefinedWords } from '../text/dj-words.js';
import { bound, checkMinMax, keepStats, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const STAT = 'flagged_words_ratio';
const SRC = 'Data-Juicer flagged_words_filter (data_juicer/ops/filter/flagged_words_filter.py)';

const options = z
  .strictObject({
    lang: z
      .enum(['all', ...BADWORDS_LANGUAGES] as [string, ...string[]])
      .default('en')
      .describe(
        `Language of the LDNOOBW list, or all for the union of the 28 lists. Default en: ${SRC} lang.`,
      ),
    min: bound({ side: 'min', stat: STAT, source: `Default 0.0: ${SRC} min_ratio.` }, 0),
    max: bound({ side: 'max', stat: STAT, source: `Default 0.045: ${SRC} max_ratio.` }, 0.045),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

/** The flagged words of `lang` as a set (entries as listed, so a multi-word entry never equals one word). */
export function flaggedSet(lang: string): ReadonlySet<string> {
  const langs = lang === 'all' ? BADWORDS_LANGUAGES : [lang];
  return new Set(langs.flatMap((l) => badwordsList(l)));
}

/** DJ `flagged_words_ratio`: refined words in `flagged` / refined words; 0 without words. */
export function flaggedWordsRatio(words: readonly string[], flagged: ReadonlySet<string>): number {
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (flagged.has(w)) hits++;
  return hits / words.length;
}

export default defineStage({
  name: 'filter-flagged-words',
  kind: 'map',
  description:
    "Data-Juicer's flagged_words_filter (tokenization=False): the share of words, split on space, newline " +
    'and tab, lowercased and stripped of special characters, that equal an entry of the LDNOOBW list ' +
    '(CC-BY-4.0, via src/text/badwords.ts). Drops flagged_words_ratio_below_min / ' +
    'flagged_words_ratio_above_max; observes flagged_words_ratio.',
  options,
  preservesRow: () => true,
  create(o) {
    const flagged = flaggedSet(o.lang);
    return statProcessor(STAT, o, (doc) => flaggedWordsRatio(djRefinedWords(doc), flagged));
  },
});
