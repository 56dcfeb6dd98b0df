import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/text/scan.js';
import { scanTokens, tokenScan } from '../../src/text/token-scan.js';
import { describeOnRealText } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

/** Spans, meta, Python length and prefix hashes of one scan, native or not. */
function scan(text: string, native: boolean) {
  const prefix = new Int32Array(text.length + 1);
  const r = scanTokens(text, tokenScan(1), prefix, native);
  return {
    spans: [...r.spans.subarray(0, 2 * r.count)],
    meta: [...r.meta.subarray(0, r.count)],
    length: r.length,
    prefix: [...prefix],
  };
}

/** Texts whose native scan (or word count) differs from the TypeScript reference's in any output. */
function mismatches(texts: string[]): string[] {
  return texts
    .filter(
      (t) =>
        JSON.stringify(scan(t, true)) !== JSON.stringify(scan(t, false)) ||
        countWords(t, true) !== countWords(t, false) ||
        countWords(t, true) !== scan(t, false).meta.length,
    )
    .map((t) => JSON.stringify(t.slice(0, 80)));
}

describe('native token scan and word count are identical to the TypeScript reference', () => {
  it.each([
    ['empty', ''],
    ['only whitespace (Unicode too)', ' \n\t\u3000\u00a0\u2028 '],
    ['punctuation at both ends', '«¿Qué?» (a.b) "x" ... ©2024 ～'],
    ['all punctuation chunks', '... !!! ?!'],
    ['control and format characters', 'a\u0001b \u001cc d\ufeffe \u200bf'],
    ['combining marks and digits', 'e\u0301 ٣٤ ǅx'],
    ['a surrogate falls back to TypeScript', 'x 😀 y'],
  ])('%s', (_name, text) => {
    expect(scan(text, true)).toEqual(scan(text, false));
  });

  it('seeded random BMP strings over word, punctuation, symbol and space classes', () => {
    const next = rng(7);
    const alphabet = [
      'a',
      'Z',
      'é',
      ' ',
      '\n',
      '.',
      ',',
      '#',
      '…',
      '\u00a0',
      '·',
      '$',
      '٣',
      'ǅ',
      '\u0301',
      '|',
      '中',
    ];
    const texts = Array.from({ length: 2000 }, () =>
      Array.from(
        { length: Math.floor(next() * 60) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join(''),
    );
    expect(mismatches(texts)).toEqual([]);
  });

  it('reuses and grows buffers across texts of growing length', () => {
    const out = tokenScan(1);
    for (const n of [1, 10, 1000, 100_000]) {
      const text = 'ab, '.repeat(n);
      const r = scanTokens(text, out, new Int32Array(text.length + 1));
      expect(r.count).toBe(2 * n);
      expect(r.spans[2 * (2 * n - 1)]).toBe(4 * n - 2); // the last ','
    }
  });
});

describeOnRealText(
  'native token scan and word count on real text, identical to the TypeScript reference',
  mismatches,
);
