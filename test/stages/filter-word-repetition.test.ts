import { describe } from 'vitest';
import stage from '../../src/stages/filter-word-repetition.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-word-repetition bounds', () => {
  boundSuite(stage, 'word_rep_ratio', { rep_len: 2, min: 0.5, max: 2 / 3 }, [
    ['a b c a b', 0.5, null],
    ['a b c d', 0, 'word_rep_ratio_below_min'],
    ['a b a b', 2 / 3, null],
    ['a a a', 1, 'word_rep_ratio_above_max'],
    ['The, the\nTHE!', 1, 'word_rep_ratio_above_max'], // refined: the the the
    ['x', 0, 'word_rep_ratio_below_min'],
  ]);
});

// Real-data values: a Python 3 transcription of DJ compute_stats (scratch script, not this code).
dataSuite(stage, 'word_rep_ratio', { max: 1 }, [
  { file: JUNK, values: { 0: 0.043478260869565216, 2: 0.0, 3: 0.0 } },
  { file: C4, values: { 0: 0.0, 10: 0.23510595761695322, 66: 0.0 } },
]);
