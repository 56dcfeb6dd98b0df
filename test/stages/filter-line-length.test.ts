import { describe } from 'vitest';
import stage from '../../src/stages/filter-line-length.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-line-length avg (len(text) / len(splitlines), newlines counted)', () => {
  boundSuite(stage, 'avg_line_length', { min: 4.5, max: 6 }, [
    ['abcd\nefgh', 4.5, null],
    ['abc\nefgh', 4, 'avg_line_length_below_min'],
    ['abcdefgh\nabc', 6, null],
    ['abcdefghi\nabc', 6.5, 'avg_line_length_above_max'],
    ['abcd\r\nefgh\n', 5.5, null], // \r\n is one break; 11 chars / 2 lines
    ['', 0, 'avg_line_length_below_min'],
  ]);
});

describe('filter-line-length max', () => {
  boundSuite(stage, 'max_line_length', { statistic: 'max', min: 5, max: 6 }, [
    ['ab\nabcde', 5, null],
    ['abcd\nab', 4, 'max_line_length_below_min'],
    ['abcdef\u2028x', 6, null],
    ['abcdefg', 7, 'max_line_length_above_max'],
    ['😀😀😀😀😀', 5, null],
  ]);
});

// Real-data values: a Python 3 transcription of DJ compute_stats (scratch script, not this code).
dataSuite(stage, 'avg_line_length', { min: 0 }, [
  { file: JUNK, values: { 0: 55.166666666666664, 2: 36.0, 3: 15.89655172413793, 6: 22.304347826086957 } },
  { file: C4, values: { 0: 234.0, 10: 525.3333333333334, 66: 332.7692307692308 } },
]);
dataSuite(stage, 'max_line_length', { statistic: 'max', min: 0 }, [
  { file: JUNK, values: { 0: 155, 2: 35, 3: 54, 6: 120 } },
  { file: C4, values: { 0: 317, 10: 1505, 66: 665 } },
]);
