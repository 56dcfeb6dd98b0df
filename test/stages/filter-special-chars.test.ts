import { describe } from 'vitest';
import stage from '../../src/stages/filter-special-chars.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-special-chars bounds', () => {
  boundSuite(stage, 'special_char_ratio', { min: 0.25, max: 0.5 }, [
    ['abc!', 0.25, null],
    ['abcd!', 0.2, 'special_char_ratio_below_min'],
    ['ab!', 1 / 3, null],
    ['a 1', 2 / 3, 'special_char_ratio_above_max'],
    ['ab!!', 0.5, null],
    ['a😀', 0.5, null],
    ['a “b”', 0.6, 'special_char_ratio_above_max'],
  ]);
});

// Real-data values: a Python 3 transcription of DJ compute_stats (scratch script, not this code).
dataSuite(stage, 'special_char_ratio', { max: 1 }, [
  {
    file: JUNK,
    values: { 0: 0.1903323262839879, 2: 0.16666666666666666, 3: 0.1540130151843818, 6: 0.1949317738791423 },
  },
  { file: C4, values: { 0: 0.20683760683760682, 10: 0.2126269035532995, 66: 0.19902912621359223 } },
]);
