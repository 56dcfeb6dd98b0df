import { describe } from 'vitest';
import stage from '../../src/stages/filter-alnum-ratio.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-alnum-ratio bounds', () => {
  boundSuite(stage, 'alnum_ratio', { min: 0.5, max: 0.75 }, [
    ['ab!!', 0.5, null],
    ['ab!!!', 0.4, 'alnum_ratio_below_min'],
    ['abc!!', 0.6, null],
    ['abc!', 0.75, null],
    ['abcd!', 0.8, 'alnum_ratio_above_max'],
    ['é😀', 0.5, null],
    ['', 0, 'alnum_ratio_below_min'],
  ]);
});

// Real-data values: a Python 3 transcription of DJ compute_stats (scratch script, not this code).
dataSuite(stage, 'alnum_ratio', { min: 0 }, [
  {
    file: JUNK,
    values: { 0: 0.8096676737160121, 2: 0.8611111111111112, 3: 0.8590021691973969, 6: 0.8226120857699805 },
  },
  { file: C4, values: { 0: 0.8042735042735043, 10: 0.8006345177664974, 66: 0.8009708737864077 } },
]);
