import { describe, expect, it } from 'vitest';
import {
  codePoints,
  cutSpans,
  forEachNgram,
  isWordCodePoint,
  lowerCodePoint,
  NgramIndex,
  WordHashes,
} from '../../src/text/decontam.js';

function words(text: string): string[] {
  const w = new WordHashes();
  const n = w.scan(text);
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(text.slice(w.start[k], w.end[k]));
  return out;
}

function keys(text: string, k: number): string[] {
  const w = new WordHashes();
  w.scan(text);
  const out: string[] = [];
  forEachNgram(w, k, (_i, a, b) => out.push(`${a}:${b}`));
  return out;
}

describe('normalized words', () => {
  it.each([
    ['', []],
    ['  \n ', []],
    ["The cat's 3.5 kg!", ['The', 'cat', 's', '3', '5', 'kg']],
    ['$1,000 (approx.)', ['1', '000', 'approx']],
    ['naïve café—Ünïcode', ['naïve', 'café', 'Ünïcode']],
    ['e\u0301t\u00e9', ['e\u0301t\u00e9']],
    ['日本語 テキスト', ['日本語', 'テキスト']],
    ['a😀b 𝐀x', ['a', 'b', '𝐀x']],
    ['lone \uD800 surrogate', ['lone', 'surrogate']],
  ])('%j → %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('classifies letters, marks and digits only', () => {
    expect([0x41, 0x7a, 0x30, 0xe9, 0x301, 0x661].every(isWordCodePoint)).toBe(true);
    expect([0x20, 0x2c, 0x24, 0x2014, 0x1f600, 0xd800].some(isWordCodePoint)).toBe(false);
  });

  it('lowercases one code point to one', () => {
    expect(String.fromCodePoint(...[...'AÉÜΣİ𝐀'].map((c) => lowerCodePoint(c.codePointAt(0)!)))).toBe(
      'aéüσi𝐀',
    );
  });

  it('case and punctuation do not change hashes', () => {
    expect(keys('The CAT, sat -- on "the" mat!', 3)).toEqual(keys('the cat sat on the mat', 3));
    expect(keys('the cat sat', 3)).not.toEqual(keys('the cat sit', 3));
  });
});

describe('n-gram hashing', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen two three';

  it.each([1, 2, 3, 5, 13, 16])('rolling %i-gram keys equal keys of each window hashed alone', (k) => {
    const all = words(text);
    const expected = [];
    for (let i = 0; i + k <= all.length; i++) expected.push(keys(all.slice(i, i + k).join(' '), k)[0]);
    expect(keys(text, k)).toEqual(expected);
  });

  it('gives no n-gram when the text is shorter than k, and distinct keys per k', () => {
    expect(keys('a b', 3)).toEqual([]);
    expect(keys('a b', 2)[0]).not.toBe(keys('a b', 1)[0]);
    expect(keys(text, 2)[1]).toBe(keys(text, 2)[14]); // "two three" twice
  });

  it('word boundaries matter: "ab c" and "a bc" differ', () => {
    expect(keys('ab c', 2)).not.toEqual(keys('a bc', 2));
  });

  it('grows its arrays past 256 words', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    expect(words(long)).toHaveLength(1000);
    expect(new Set(keys(long, 13)).size).toBe(988);
  });
});

describe('NgramIndex', () => {
  it('stores set masks, survives rehashing, and misses absent keys', () => {
    const ix = new NgramIndex();
    for (let i = 0; i < 5000; i++) ix.add(i * 7919, i ^ 0xdeadbeef, i % 3);
    ix.add(7919, 1 ^ 0xdeadbeef, 31);
    expect(ix.size).toBe(5000);
    expect(ix.get(0, 0xdeadbeef)).toBe(1);
    expect(ix.get(7919, 1 ^ 0xdeadbeef)).toBe((2 | (2 ** 31)) >>> 0);
    expect(ix.get(2 * 7919, 2 ^ 0xdeadbeef)).toBe(4);
    expect(ix.get(7919, 0)).toBe(0);
    expect(ix.get(123456789, 5)).toBe(0);
  });
});

describe('cutSpans', () => {
  it.each([
    ['0123456789', [3, 5], 0, '012\n56789'],
    ['0123456789', [3, 5], 1, '01\n6789'],
    ['0123456789', [3, 5, 4, 7, 0, 1], 0, '12\n789'],
    ['0123456789', [0, 10], 3, ''],
    // A margin ending inside a surrogate pair widens to cover the whole pair.
    ['ab😀cd', [4, 5], 1, 'ab'],
    ['ab😀cd', [0, 1], 2, 'cd'],
    ['ab😀cd', [0, 1], 1, '😀cd'],
  ])('%j cut %j margin %i → %j', (text, spans, margin, expected) => {
    expect(cutSpans(text, spans, margin)).toBe(expected);
  });

  it('counts code points', () => {
    expect(codePoints('ab😀\uD800')).toBe(4);
  });
});
