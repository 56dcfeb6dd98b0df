import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, maxEdits, suggest } from '../../src/recipe/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['format', 'format', 0],
    ['fromat', 'format', 1], // transposition
    ['min_wrds', 'min_words', 1], // deletion
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment, not unrestricted Damerau
    ['filter-lenght', 'filter-length', 1],
  ])('%j ↔ %j = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  const options = ['min_words', 'max_words', 'max_mean_word_length', 'format'];
  it.each([
    ['min_wrds', 'min_words'],
    ['max-words', 'max_words'], // - and _ are the same
    ['MIN_WORDS', 'min_words'], // case ignored
    ['fromat', 'format'],
    ['frmt', undefined], // 2 edits on 4 letters is too far
    ['colour', undefined],
    ['max_mean_wrd_lenght', 'max_mean_word_length'],
    ['format', undefined], // an exact match is not a suggestion
    ['x', undefined], // one letter is too short to guess from
  ])('%j → %j', (input, expected) => {
    expect(suggest(input, options)).toBe(expected);
  });

  it('prefers the closest candidate, then the earlier one', () => {
    expect(suggest('sampl', ['sample', 'simple'])).toBe('sample');
    expect(suggest('abc', ['abx', 'aby'])).toBe('abx');
  });

  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [4, 1],
    [5, 2],
    [8, 2],
    [9, 3],
    [40, 3],
  ])('allows %d letters %d edits', (length, edits) => {
    expect(maxEdits(length)).toBe(edits);
  });

  it('formats the hint', () => {
    expect(didYouMean('fromat', ['format'])).toBe(', did you mean "format"?');
    expect(didYouMean('zzz', ['format'])).toBe('');
  });
});
