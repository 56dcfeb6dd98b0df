import { describe, expect, it } from 'vitest';
import { TextAnalysis } from '../../src/text/analysis.js';
import { isPunctuationCode } from '../../src/text/charsets.js';
import {
  type GopherQualityStats,
  gopherQualityStats,
  stopWords,
} from '../../src/text/gopher-quality-stats.js';
import { isPyAlpha, pyStrip, splitlines } from '../../src/text/python.js';
import { splitIntoWords } from '../../src/text/words.js';
import { rng } from '../helpers/xorshift.js';

const STOPS = ['the', 'be', 'to', 'of', 'and', 'that', 'have', 'with'];

/** SPEC (b1) written out over token strings and code-point arrays, as the oracle for the span version. */
function reference(text: string, stops: readonly string[]): GopherQualityStats {
  const words = splitIntoWords(text);
  const cps = (w: string) => [...w].map((ch) => ch.codePointAt(0)!);
  const nonSymbol = words.filter((w) => cps(w).some((c) => !isPunctuationCode(c)));
  const lines = splitlines(text);
  const lstrip = (l: string) => pyStrip(`${l}x`).slice(0, -1);
  const count = (s: string) => text.split(s).length - 1;
  const n = words.length;
  return {
    words: n,
    non_symbol_words: nonSymbol.length,
    avg_word_length: nonSymbol.reduce((s, w) => s + cps(w).length, 0) / nonSymbol.length,
    hash_ratio: count('#') / n,
    ellipsis_ratio: (count('...') + count('…')) / n,
    bullet_lines_ratio: lines.filter((l) => /^[•-]/.test(lstrip(l))).length / lines.length,
    end_ellipsis_lines_ratio:
      lines.filter((l) => {
        const r = pyStrip(`x${l}`).slice(1);
        return r.endsWith('...') || r.endsWith('…');
      }).length / lines.length,
    alpha_words_ratio: words.filter((w) => cps(w).some(isPyAlpha)).length / n,
    stop_words: new Set(words.filter((w) => stops.includes(w))).size,
  };
}

describe('gopherQualityStats (through spans) against the string-based reference', () => {
  // Stop words and near misses, punctuation-only and symbol tokens, bullets, ellipses, hashes, emoji,
  // digits, CJK, a lone surrogate, line breaks of several kinds.
  const pieces = [
    'the',
    'The',
    'of',
    'to',
    'and',
    'that',
    'thee',
    'hav',
    'have',
    'with',
    'be',
    'b',
    'e',
    'cat',
    'dogs',
    '123',
    '#',
    '...',
    '…',
    '.',
    '-',
    '•',
    '©',
    '→',
    '😀',
    '東京',
    'é',
    '\ud800',
    '!',
    '"',
    '—',
    ' ',
    ' ',
    ' ',
    ' ',
    '\n',
    '\n',
    '\r\n',
    '\u2028',
    '\u00a0',
    '\t',
    '\u3000',
    '\ufeff',
  ];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seeded documents (seed %i)', (seed) => {
    const r = rng(seed);
    const stops = stopWords(STOPS);
    for (let doc = 0; doc < 200; doc++) {
      let text = '';
      for (let k = Math.floor(r() * 300); k > 0; k--) text += pieces[Math.floor(r() * pieces.length)];
      expect(gopherQualityStats(new TextAnalysis(text), stops), JSON.stringify(text)).toEqual(
        reference(text, STOPS),
      );
    }
  });

  it.each([
    [['the', 'the', 'of'], 'the of the x', 2],
    [['é', 'e\u0301', '😀'], 'é e\u0301 😀 😀', 3],
    [['', 'ab'], 'ab a b abc', 1],
    [['longstopword'], 'longstopword longstopwor', 1],
  ])('stop words %j in %j: %i distinct', (list, text, expected) => {
    expect(gopherQualityStats(new TextAnalysis(text), stopWords(list)).stop_words).toBe(expected);
  });
});
