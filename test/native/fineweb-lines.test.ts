import { describe, expect, it } from 'vitest';
import { fineWebLineCounts } from '../../src/text/fineweb-lines.js';
import { cpLength } from '../../src/text/python.js';
import { describeOnRealText, randomTexts } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

const SHORT = 30; // DataTrove FineWebQualityFilter short_line_length

function counts(text: string, useNative: boolean, shortMax = SHORT) {
  return fineWebLineCounts(
    text,
    () => text.split('\n'),
    () => cpLength(text),
    shortMax,
    undefined,
    useNative,
  );
}

/** Texts (first 80 units) whose native FineWeb line counts differ from the TypeScript ones. */
function mismatches(texts: string[], shortMax = SHORT): string[] {
  return texts
    .filter((t) => JSON.stringify(counts(t, true, shortMax)) !== JSON.stringify(counts(t, false, shortMax)))
    .map((t) => JSON.stringify(t.slice(0, 80)));
}

describe('native FineWeb line counts are identical to the TypeScript reference', () => {
  it.each([
    ['empty', ''],
    ['only newlines', '\n\n\n'],
    ['blank lines of Python whitespace', ' \t\n\u00a0\u3000\n\x1c\x1f\n\u2028'],
    ['CRLF lines keep their \\r (so do not end in a stop mark)', 'Done.\r\nDone.\r\nok'],
    ['terminal marks across scripts', 'a.\nb!\nc?\nd。\ne।\nf…\ng"\nh'],
    ['an astral last code point, a lone surrogate', 'x 𝄞\ny \ud83d\nz \udc00\n😀'],
    ['repeated lines count their code points', 'same line.\nother\nsame line.\nsame line.\n😀😀\n😀😀'],
    ['short by code points, not units', `${'😀'.repeat(30)}\n${'😀'.repeat(31)}\n${'a'.repeat(31)}`],
    ['equal prefixes, different lines', 'abcdefgh1\nabcdefgh2\nabcdefgh1'],
  ])('%s', (_name, text) => {
    expect(mismatches([text])).toEqual([]);
  });

  it('the native values are the counts (not only equal to the TypeScript ones)', () => {
    expect(counts('It rained.\n\nIt rained.\nshort\n 😀 \n', true)).toEqual({
      kept: 4,
      punct: 2,
      short: 4,
      dupChars: 10,
      newlines: 5,
      length: 33,
    });
  });

  it('seeded random texts over marks, whitespace, surrogates and repeated lines', () => {
    const next = rng(47);
    const pieces = [
      'a',
      'word',
      '.',
      '!',
      '。',
      ' ',
      '\t',
      '\n',
      '\n',
      '\r',
      '\u00a0',
      '😀',
      '\ud800',
      'é',
      'dup.\n',
    ];
    const texts = randomTexts(next, pieces, 3000, 60);
    expect(mismatches(texts)).toEqual([]);
    expect(mismatches(texts, 3)).toEqual([]);
  });

  it('a custom stop test always takes the TypeScript loop', () => {
    const c = fineWebLineCounts(
      'a;\nb',
      () => ['a;', 'b'],
      () => 4,
      SHORT,
      (l) => l.endsWith(';'),
    );
    expect(c.punct).toBe(1);
  });
});

describeOnRealText('native FineWeb line counts on real text', (texts) => mismatches(texts));
