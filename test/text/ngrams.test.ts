import { describe, expect, it } from 'vitest';
import { TextAnalysis } from '../../src/text/analysis.js';
import { NgramStats } from '../../src/text/ngrams.js';
import { splitIntoWords } from '../../src/text/words.js';
import { naiveDup, naiveTop } from '../helpers/gopher-reference.js';
import { rng } from '../helpers/xorshift.js';

describe('NgramStats.loadSpans (text read through TextAnalysis spans) against string n-grams', () => {
  // Few characters, so n-grams collide often, also across different cuts ("ab c" / "a bc"); whitespace of
  // several kinds between tokens; punctuation splits tokens; surrogate pairs and a lone surrogate.
  const alphabet = ['a', 'b', 'a', 'b', ' ', ' ', '\n', '\u00a0', '.', '!', '😀', 'é', '\ud800'];

  it.each([1, 2, 3, 4, 5, 6])('seeded small-alphabet documents (seed %i), n = 1..10', (seed) => {
    const r = rng(seed);
    const stats = new NgramStats();
    for (let doc = 0; doc < 60; doc++) {
      let text = '';
      for (let k = Math.floor(r() * 600); k > 0; k--) text += alphabet[Math.floor(r() * alphabet.length)];
      const a = new TextAnalysis(text);
      const words = splitIntoWords(text);
      expect(a.wordCount).toBe(words.length);
      stats.loadSpans(a.text, a.spans, a.wordCount);
      for (let n = 1; n <= 10; n++) {
        expect(stats.topNgramChars(n), `top n=${n} ${JSON.stringify(text)}`).toBe(naiveTop(words, n));
        expect(stats.duplicatedNgramChars(n), `dup n=${n} ${JSON.stringify(text)}`).toBe(naiveDup(words, n));
      }
    }
  });

  it('tokens separated by different whitespace are still equal words', () => {
    const stats = new NgramStats();
    const a = new TextAnalysis('x y\u3000x\ty\n\nx  y');
    stats.loadSpans(a.text, a.spans, a.wordCount);
    expect(stats.topNgramChars(2)).toBe(3 * 3);
    expect(stats.duplicatedNgramChars(2)).toBe(2 + 2);
  });

  it('a reused instance forgets the previous document (larger, then smaller)', () => {
    const stats = new NgramStats();
    const big = new TextAnalysis('w '.repeat(5000));
    stats.loadSpans(big.text, big.spans, big.wordCount);
    expect(stats.topNgramChars(2)).toBe(3 * 4999);
    const small = new TextAnalysis('p q r s');
    stats.loadSpans(small.text, small.spans, small.wordCount);
    expect([stats.topNgramChars(2), stats.duplicatedNgramChars(5)]).toEqual([3, 0]);
  });
});

describe('NgramStats pruning (16-unit prefix candidates, repeated-word runs, word-count bound)', () => {
  // Words long enough that most n-grams pass 16 code units (the pruned case), from a small vocabulary so
  // that n-grams repeat, and whose concatenations collide across cuts ("al pha" / "alpha", "alphabet").
  const vocabulary = [
    'alpha',
    'al',
    'pha',
    'beta',
    'alphabet',
    'be',
    'ta',
    'x',
    'gammaray',
    'élan',
    '😀',
    '\ud800',
  ];
  const separators = [' ', ' ', '\n', '\t', '. '];

  function randomText(r: () => number): string {
    const size = Math.floor(r() * (r() < 0.2 ? 1500 : 120));
    // A repeated block makes long repeats; otherwise words are drawn at random.
    const block: string[] = [];
    for (let k = 1 + Math.floor(r() * 8); k > 0; k--)
      block.push(vocabulary[Math.floor(r() * vocabulary.length)]!);
    const parts: string[] = [];
    for (let k = 0; k < size; k++) {
      parts.push(r() < 0.25 ? block.join(' ') : vocabulary[Math.floor(r() * vocabulary.length)]!);
      parts.push(separators[Math.floor(r() * separators.length)]!);
    }
    return parts.join('');
  }

  it.each([11, 12, 13, 14, 15, 16])('seeded documents (seed %i), n = 1..10, in any call order', (seed) => {
    const r = rng(seed);
    const stats = new NgramStats();
    for (let doc = 0; doc < 50; doc++) {
      const text = randomText(r);
      const a = new TextAnalysis(text);
      const words = splitIntoWords(text);
      const order = doc % 3;
      stats.loadSpans(a.text, a.spans, a.wordCount);
      const ns = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      if (order === 1) ns.reverse();
      for (const n of ns) {
        const what = `n=${n} order=${order} ${JSON.stringify(text)}`;
        if (order === 2) {
          expect(stats.duplicatedNgramChars(n), `dup ${what}`).toBe(naiveDup(words, n));
          expect(stats.topNgramChars(n), `top ${what}`).toBe(naiveTop(words, n));
        } else {
          const top = naiveTop(words, n);
          // The bound is what the filter compares against its threshold to skip the exact pass.
          expect(stats.topNgramBound(n), `bound ${what}`).toBeGreaterThanOrEqual(top);
          expect(stats.topNgramChars(n), `top ${what}`).toBe(top);
          expect(stats.duplicatedNgramChars(n), `dup ${what}`).toBe(naiveDup(words, n));
        }
      }
    }
  });

  it('a long repeated phrase: every pass sees the repeats, none of the unique filler', () => {
    const stats = new NgramStats();
    const phrase = 'the quick brown fox jumps over the lazy dog';
    const filler = Array.from({ length: 300 }, (_, k) => `word${k}x${k * 7}`).join(' ');
    const text = `${phrase} ${filler} ${phrase} ${phrase}`;
    const words = splitIntoWords(text);
    const a = new TextAnalysis(text);
    stats.loadSpans(a.text, a.spans, a.wordCount);
    for (let n = 1; n <= 10; n++) {
      expect(stats.topNgramChars(n)).toBe(naiveTop(words, n));
      expect(stats.duplicatedNgramChars(n)).toBe(naiveDup(words, n));
    }
    expect(stats.duplicatedNgramChars(5)).toBeGreaterThan(0);
  });
});

describe('NgramStats with hashes from the token scan (TextAnalysis.scanHashed)', () => {
  const alphabet = ['a', 'b', 'ab', ' ', ' ', '\n', '\u3000', '.', '😀', '\ud800', 'é'];

  it.each([1, 2, 3])('equals the stats hashed by loadSpans itself (seed %i), n = 1..10', (seed) => {
    const r = rng(seed);
    const scanned = new NgramStats();
    const own = new NgramStats();
    for (let doc = 0; doc < 40; doc++) {
      let text = '';
      for (let k = Math.floor(r() * 800); k > 0; k--) text += alphabet[Math.floor(r() * alphabet.length)];
      const a = new TextAnalysis(text);
      expect(a.scanHashed(scanned.prefixFor(text.length))).toBe(true);
      expect(a.scanHashed(scanned.prefixFor(text.length))).toBe(false);
      scanned.loadSpans(text, a.spans, a.wordCount, a.tokenMeta, true);
      own.loadSpans(text, a.spans, a.wordCount);
      const words = splitIntoWords(text);
      for (let n = 1; n <= 10; n++) {
        expect(scanned.topNgramChars(n)).toBe(naiveTop(words, n));
        expect(scanned.duplicatedNgramChars(n)).toBe(own.duplicatedNgramChars(n));
        expect(scanned.topNgramBound(n)).toBe(own.topNgramBound(n));
      }
    }
  });
});
