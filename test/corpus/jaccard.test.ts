import { describe, expect, it } from 'vitest';
import { jaccard5, shingles, shingleWords } from '../../src/corpus/jaccard.js';

describe('word 5-gram Jaccard', () => {
  it.each([
    ["Hello, World! It's 2024.", ['hello', 'world', "it's", '2024']],
    ['Ünïcode wörds — and 3.5 apples', ['ünïcode', 'wörds', 'and', '3', '5', 'apples']],
    ['', []],
  ])('splits %j into words', (text, words) => {
    expect(shingleWords(text)).toEqual(words);
  });

  it.each([
    ['a b c d e f', 'a b c d e f', 1],
    ['a b c d e f', 'A, B. c d e f', 1],
    ['a b c d e f', 'a b c d e g', 1 / 3],
    ['a b c d e', 'v w x y z', 0],
    ['', '', 1],
  ])('jaccard5(%j, %j) = %d', (a, b, j) => {
    expect(jaccard5(a, b)).toBeCloseTo(j, 10);
  });

  it('treats a text shorter than five words as one shingle', () => {
    expect([...shingles('just three words')]).toEqual(['just three words']);
  });
});
