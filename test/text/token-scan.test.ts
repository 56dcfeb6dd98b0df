import { describe, expect, it } from 'vitest';
import { isPunctuationCode } from '../../src/text/charsets.js';
import { cpLength, isPyAlpha } from '../../src/text/python.js';
import { META_ALPHA, META_NON_PUNCT, scanTokens, tokenScan } from '../../src/text/token-scan.js';
import { splitIntoWords } from '../../src/text/words.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { readJsonlRows } from '../helpers/stage-harness.js';
import { rng } from '../helpers/xorshift.js';

/** The reference: splitIntoWords, and each token's meta from its code points. */
function reference(text: string): { words: string[]; meta: number[]; length: number } {
  const words = splitIntoWords(text);
  const meta = words.map((w) => {
    const cps = [...w].map((ch) => ch.codePointAt(0)!);
    const alpha = cps.some(isPyAlpha) ? META_ALPHA : 0;
    const nonPunct = cps.some((c) => !isPunctuationCode(c)) ? META_NON_PUNCT : 0;
    return (cps.length << 2) | alpha | nonPunct;
  });
  return { words, meta, length: cpLength(text) };
}

function scanned(text: string, out = tokenScan(1)): { words: string[]; meta: number[]; length: number } {
  const r = scanTokens(text, out);
  const words = Array.from({ length: r.count }, (_, k) => text.slice(r.spans[2 * k], r.spans[2 * k + 1]));
  return { words, meta: [...r.meta.subarray(0, r.count)], length: r.length };
}

describe('scanTokens', () => {
  it.each([
    ['', []],
    ['  \n\t ', []],
    ['Hello, world!', ['Hello', ',', 'world', '!']],
    ['(a.b) "x" ...', ['(', 'a.b', ')', '"', 'x', '"', '...']],
    ['😀x😀 🙂!', ['😀', 'x', '😀', '🙂!']],
    ['\ud800a \udc00!', ['\ud800a', '\udc00', '!']],
    ['a\u3000b\u00a0c\u2028d\ufeffe', ['a', 'b', 'c', 'd\ufeffe']],
    ['«¿Qué?» ©2024 ～', ['«¿', 'Qué', '?»', '©', '2024', '～']],
  ])('%j → %j, with the reference meta', (text, words) => {
    const got = scanned(text);
    expect(got.words).toEqual(words);
    expect(got).toEqual(reference(text));
  });

  it.each([1, 2, 3, 4, 5, 6])('random text over an alphabet of edge characters (seed %i)', (seed) => {
    const r = rng(seed);
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
      '😀',
      '\ud83d',
      '\ude00',
      '\u00a0',
      '·',
      '$',
      '٣',
      'ǅ',
      '\u0301',
      '\x1c',
      '|',
    ];
    const out = tokenScan(1);
    for (let doc = 0; doc < 200; doc++) {
      const text = Array.from(
        { length: Math.floor(r() * 80) },
        () => alphabet[Math.floor(r() * alphabet.length)]!,
      ).join('');
      expect(scanned(text, out), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describeWithData('scanTokens on real web and multilingual text', () => {
  it.each([
    'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
    'web/dsir_toy_pile_chunks.jsonl.gz',
    'web/nltk_state_union.jsonl.gz',
    'multilingual/udhr2_388.jsonl.gz',
  ])('%s: the reference tokens, meta and length for every text', (file) => {
    const out = tokenScan(1);
    for (const row of readJsonlRows(sharedPath(file))) {
      const text = String(row.text ?? '');
      expect(scanned(text, out)).toEqual(reference(text));
    }
  });
});
