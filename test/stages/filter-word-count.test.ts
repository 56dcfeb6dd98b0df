import { describe } from 'vitest';
import stage from '../../src/stages/filter-word-count.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-word-count bounds', () => {
  boundSuite(stage, 'num_words', { min: 2, max: 3 }, [
    ['a b', 2, null],
    ['a', 1, 'num_words_below_min'],
    ['a ... !!! 42 b', 2, null], // words of only special characters vanish
    ['a\tb\nc', 3, null],
    ['a b c d', 4, 'num_words_above_max'],
    ['a\u00a0b', 1, 'num_words_below_min'], // DJ splits on space, \n and \t only
  ]);
});

// Real-data values: a Python 3 transcription of DJ compute_stats (scratch script, not this code).
dataSuite(stage, 'num_words', { min: 0 }, [
  { file: JUNK, values: { 0: 55, 2: 1, 3: 57, 6: 51 } },
  { file: C4, values: { 0: 199, 10: 2510, 66: 738 } },
]);
