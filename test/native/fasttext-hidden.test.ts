import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nativeAddon, nativeStatus } from '../../src/native/addon.js';
import { lid176Path } from '../../src/text/fasttext/lid176.js';
import { FastTextClassifier, type FastTextOptions } from '../../src/text/fasttext/predict.js';
import { describeWithData } from '../helpers/shared-data.js';
import { sharedTexts } from '../helpers/stage-harness.js';
import { rng } from '../helpers/xorshift.js';

const bytes = readFileSync(lid176Path());
const lid = (options: FastTextOptions) =>
  FastTextClassifier.fromBytes(bytes, { labelPrefix: '__label__', joinLines: true, ...options });

/** The hidden vector as exact float32 bit patterns (undefined when fastText would predict nothing). */
function bits(model: FastTextClassifier, text: string): number[] | undefined {
  const h = model.hiddenOf(text);
  return h === undefined ? undefined : Array.from(new Uint32Array(Float32Array.from(h).buffer));
}

/** Texts whose native hidden vector is not bit-identical to the TypeScript reference's. */
function mismatches(reference: FastTextClassifier, native: FastTextClassifier, texts: string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const want = bits(reference, text);
    const got = bits(native, text);
    if (JSON.stringify(want) !== JSON.stringify(got)) out.push(JSON.stringify(text.slice(0, 80)));
  }
  return out;
}

describe('native addon', () => {
  it('is built by the install step (npm ci runs node-gyp on src/native)', () => {
    expect(nativeAddon(), nativeStatus()).toBeDefined();
    expect(nativeStatus()).toBe('on');
  });
});

const HAND_MADE: [string, string][] = [
  ['empty text (only </s>)', ''],
  ['blank: every separator', ' \t\n\v\f\r\0 '],
  ['one word', 'hello'],
  ['English sentence', 'The quick brown fox jumps over the lazy dog while the farmer watches.'],
  ['German with umlauts', 'Der schnelle braune Fuchs springt über den faulen Hund.'],
  ['Japanese (3-byte UTF-8)', '吾輩は猫である。名前はまだ無い。'],
  ['emoji (4-byte UTF-8)', 'so happy 😀😀 today 🎉'],
  ['lone high surrogate (U+FFFD)', 'broken \ud800 text \ud83d'],
  ['lone low surrogate first', '\udc00abc d\udfffe'],
  ['a literal </s> ends the line', 'hello </s> Der schnelle braune Fuchs springt'],
  ['</s> glued to a word is a word', 'hello</s> world'],
  ['label-like tokens add nothing', '__label__en bonjour __label__ __label__fr'],
  ['only a label-like token', '__label__de'],
  ['newlines', 'Hallo\nDas ist ein ganz normaler deutscher Satz.\n\nThis is English.'],
  ['NUL, VT, FF separate tokens', 'bonjour\0tout\vle\fmonde'],
  ['token longer than the inline key (48 bytes)', `${'y'.repeat(60)} ${'é'.repeat(30)}`],
  ['token longer than the cacheable 256 bytes', 'x'.repeat(5000)],
  ['control characters inside tokens', 'a\u0001b c\u001fd \u007f'],
  ['C1 and NBSP are not separators', 'a\u00a0b c\u0085d e\u2028f'],
  ['punctuation only', '!!! ... ??? ,,, ;;;'],
  ['a repeated word (cache hit within one text)', 'unusualword unusualword unusualword'],
  // The separator bitmap is 64 bytes a word and the token hash reads 16 bytes a step: lengths across both edges.
  [
    'tokens of every length 1..40',
    Array.from({ length: 40 }, (_, i) => 'abcdefghij'.repeat(4).slice(0, i + 1)).join(' '),
  ],
  ['a 64-byte token, then one across a bitmap word', `${'w'.repeat(64)} ${'v'.repeat(63)} ${'u'.repeat(65)}`],
  ['text of exactly 128 bytes, separator last', `${'z'.repeat(127)} `],
];

describe('native hidden layer is bit-identical to the TypeScript reference', () => {
  const reference = lid({ native: false });

  it.each([true, false])('hand-made texts, joinLines %s', (joinLines) => {
    const ref = lid({ native: false, joinLines });
    const native = lid({ joinLines });
    for (const [name, text] of HAND_MADE) {
      expect(bits(native, text), name).toEqual(bits(ref, text));
      expect(native.predict(text, 3), name).toEqual(ref.predict(text, 3));
    }
  });

  it('seeded random strings over separators, ASCII, accents, CJK, emoji and lone surrogates', () => {
    const native = lid({ cacheSize: 64 }); // resets its cache many times
    const next = rng(2026);
    const alphabet = [
      ' ',
      '\n',
      '\t',
      '\0',
      'a',
      'e',
      'z',
      'Q',
      '.',
      'é',
      'ß',
      'я',
      '中',
      '😀',
      '\ud800',
      '\udc00',
    ];
    const texts = Array.from({ length: 3000 }, () =>
      Array.from(
        { length: Math.floor(next() * 40) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join(''),
    );
    expect(mismatches(reference, native, texts)).toEqual([]);
  });

  it('keeps giving the same vectors after its cache fills and is dropped (cacheSize 16)', () => {
    const native = lid({ cacheSize: 16 });
    const words = Array.from({ length: 500 }, (_, i) => `w${i}q`);
    const texts = Array.from({ length: 50 }, (_, i) => words.slice(i * 7, i * 7 + 60).join(' '));
    expect(mismatches(reference, native, [...texts, ...texts])).toEqual([]);
  });
});

describeWithData('native hidden layer on real text, bit-identical to the TypeScript reference', () => {
  const reference = lid({ native: false });
  const native = lid({});
  const small = lid({ cacheSize: 1000 });

  it.each([
    ['UDHR, 388 languages', 'multilingual/udhr2_388.jsonl.gz'],
    ['lingua, 74,141 sentences in 75 languages', 'multilingual/lingua_sentences_75langs.jsonl.gz'],
    ['C4 pages', 'web/llamafactory_c4_demo.jsonl.gz'],
    ['raw Common Crawl pages', 'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'],
  ])('%s', (_name, file) => {
    const docs = sharedTexts(file);
    expect(docs.length).toBeGreaterThan(250);
    expect(mismatches(reference, native, docs)).toEqual([]);
    expect(mismatches(reference, small, docs)).toEqual([]);
  });
});
