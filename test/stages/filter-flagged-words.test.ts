import { describe } from 'vitest';
import stage from '../../src/stages/filter-flagged-words.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-flagged-words bounds (en LDNOOBW)', () => {
  boundSuite(stage, 'flagged_words_ratio', { min: 0.25, max: 0.5 }, [
    ['boobs zxq zxq zxq', 0.25, null],
    ['boobs zxq zxq zxq zxq', 0.2, 'flagged_words_ratio_below_min'],
    ['Boobs! zxq', 0.5, null],
    ['boobs boobs zxq', 2 / 3, 'flagged_words_ratio_above_max'],
    ['2 girls 1 cup', 0, 'flagged_words_ratio_below_min'], // a phrase entry never equals one word
  ]);
});

// Real-data values: a Python 3 transcription of DJ compute_stats with LDNOOBW en (scratch script).
dataSuite(stage, 'flagged_words_ratio', {}, [
  { file: JUNK, values: { 0: 0, 3: 0 } },
  { file: C4, values: { 0: 0, 66: 0.0013550135501355014 } },
]);
