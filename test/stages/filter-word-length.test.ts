import { describe } from 'vitest';
import stage from '../../src/stages/filter-word-length.js';
import { boundSuite, C4, dataSuite, JUNK } from '../helpers/stat-filter-suite.js';

describe('filter-word-length bounds', () => {
  boundSuite(stage, 'avg_word_length', { min: 3, max: 5 }, [
    ['abc', 3, null],
    ['ab abc', 2.5, 'avg_word_length_below_min'],
    ['(hello), world!', 5, null],
    ['abcdef', 6, 'avg_word_length_above_max'],
    ["don't", 5, null], // inner punctuation stays
    ['!!! ...', 0, 'avg_word_length_below_min'],
  ]);
});

// Real-data values: mean len() of DJ words_num words, Python 3 scratch script (not this code).
dataSuite(stage, 'avg_word_length', { min: 0, max: 1000 }, [
  { file: JUNK, values: { 0: 4.909090909090909, 2: 35.0, 3: 6.842105263157895, 6: 8.647058823529411 } },
  { file: C4, values: { 0: 4.688442211055277, 10: 4.960557768924303, 66: 4.718157181571816 } },
]);
