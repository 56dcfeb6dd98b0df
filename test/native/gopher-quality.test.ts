import { describe, expect, it } from 'vitest';
import { TextAnalysis } from '../../src/text/analysis.js';
import { gopherQualityStats, stopWords } from '../../src/text/gopher-quality-stats.js';
import { describeOnRealText, randomTexts } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

const stops = stopWords(['the', 'be', 'to', 'of', 'and', 'that', 'have', 'with']);

/** Texts (first 80 units) whose native Gopher quality statistics differ from the TypeScript ones. */
function mismatches(texts: string[]): string[] {
  return texts
    .filter((t) => {
      const native = gopherQualityStats(new TextAnalysis(t), stops, true);
      const typescript = gopherQualityStats(new TextAnalysis(t), stops, false);
      return JSON.stringify(native) !== JSON.stringify(typescript);
    })
    .map((t) => JSON.stringify(t.slice(0, 80)));
}

describe('native Gopher quality statistics are identical to the TypeScript reference', () => {
  it.each([
    ['empty', ''],
    ['only line breaks', '\n\r\n\r\u2028\n'],
    ['a trailing break is no line; two are one empty line', 'a\n\nb\n\n'],
    ['runs of dots count floor(run / 3)', 'a .. b ... c .... d ...... e …… f.\n...\n  - x…  \n'],
    ['bullets after Python whitespace', '\u2003• one\n\x1c- two\n\u00a0-three\n•\n'],
    ['every splitlines boundary', 'a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i\rj\r\nk'],
    ['stop words in every position', 'the be to of and that have with The THE the'],
    ['hashes', '#tag ## ### a#b'],
    ['surrogates', '😀 the 😀… \ud800 - x'],
  ])('%s', (_name, text) => {
    expect(mismatches([text])).toEqual([]);
  });

  it('the native values are the statistics (not only equal to the TypeScript ones)', () => {
    const s = gopherQualityStats(new TextAnalysis('- the cat...\n# of dogs\n\n'), stops, true);
    expect(s).toMatchObject({
      words: 7,
      stop_words: 2,
      bullet_lines_ratio: 1 / 3,
      end_ellipsis_lines_ratio: 1 / 3,
    });
    expect(s.hash_ratio).toBe(1 / 7);
  });

  it('seeded random texts over marks, stop words, spaces and every line break', () => {
    const next = rng(31);
    const pieces = [
      'the',
      'of',
      'and',
      'x',
      'Be',
      '#',
      '.',
      '..',
      '...',
      '…',
      '-',
      '•',
      ' ',
      '  ',
      '\n',
      '\r',
      '\r\n',
      '\u2028',
      '\x0b',
      '\x1c',
      '\x85',
      '\u00a0',
      '\t',
      '😀',
      'é',
      '\ud800',
      'ab.',
      '!',
    ];
    const texts = randomTexts(next, pieces, 3000, 80);
    expect(mismatches(texts)).toEqual([]);
  });
});

describeOnRealText(
  'native Gopher quality statistics on real text, identical to the TypeScript reference',
  mismatches,
);
