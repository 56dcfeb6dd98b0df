import { describe, expect, it } from 'vitest';
import stage from '../../src/stages/filter-char-repetition.js';
import { charRepetitionRatio, NgramScratch } from '../../src/text/ngram-repetition.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('charRepetitionRatio (DJ: top floor(sqrt(distinct)) repeated n-grams / all n-grams)', () => {
  const s = new NgramScratch();
  it.each([
    ['aaaaa', 3, 1],
    ['abcabc', 3, 0.5], // abc×2, bca, cab: k = min(floor(sqrt 3), 1) = 1 → 2/4
    ['abcd', 3, 0],
    ['ab', 3, 0],
    ['😀😀😀😀', 3, 1], // code points, not UTF-16 units: two 3-grams, equal
    ['abababab', 2, 4 / 7], // ab×4, ba×3 of 7: k = min(floor(sqrt 2), 2) = 1
  ])('%j n=%i → %d', (text, n, want) => {
    expect(charRepetitionRatio(text, n, s)).toBeCloseTo(want, 12);
  });
});

describe('filter-char-repetition bounds', () => {
  boundSuite(stage, 'char_rep_ratio', { rep_len: 3, min: 0.4, max: 0.5 }, [
    ['abcabcx', 0.4, null],
    ['abcabcab', 1 / 3, 'char_rep_ratio_below_min'],
    ['abcabc', 0.5, null],
    ['aaaab', 2 / 3, 'char_rep_ratio_above_max'],
  ]);
});

// Real-data values: a Python 3 transcription of DJ compute_stats (scratch script, not this code).
dataSuite(stage, 'char_rep_ratio', { max: 1 }, [
  { file: JUNK, values: { 0: 0.09937888198757763, 2: 0.0, 3: 0.05309734513274336, 6: 0.08928571428571429 } },
  { file: C4, values: { 0: 0.08871662360034453, 10: 0.05358389943495651, 66: 0.05397266620338198 } },
]);
