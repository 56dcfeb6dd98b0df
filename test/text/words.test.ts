import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPunctOrSymbol, splitIntoWords, wordSpans } from '../../src/text/words.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { readJsonlRows } from '../helpers/stage-harness.js';
import { rng } from '../helpers/xorshift.js';

/** The tokens of `wordSpans(text, out)` as strings. */
function sliced(text: string, out?: Int32Array): string[] {
  const { spans, count } = wordSpans(text, out);
  return Array.from({ length: count }, (_, k) => text.slice(spans[2 * k], spans[2 * k + 1]));
}

describe('splitIntoWords (SPEC "Words")', () => {
  it.each([
    ['Hello!!!', ['Hello', '!!!']],
    ['(e.g.', ['(', 'e.g', '.']],
    ["don't", ["don't"]],
    ['e-mail', ['e-mail']],
    ['3.14', ['3.14']],
    ['"Quoted," she said.', ['"', 'Quoted', ',"', 'she', 'said', '.']],
    ['...', ['...']],
    ['!? — ,', ['!?', '—', ',']],
    ['a\u00a0b\u3000c\u2003d', ['a', 'b', 'c', 'd']],
    ['a\ufeffb', ['a\ufeffb']],
    ['a\x1cb', ['a\x1cb']],
    ['  lead and trail  \n', ['lead', 'and', 'trail']],
    ['tab\tnl\nvt\vff\fcr\rnel\x85end', ['tab', 'nl', 'vt', 'ff', 'cr', 'nel', 'end']],
    // U+FE0F (variation selector) is Mn, not P/S: by the definition it ends the symbol run.
    ['I ❤️ NY', ['I', '❤', '\ufe0f', 'NY']],
    ['hi😀', ['hi', '😀']],
    ['😀hi😀😀', ['😀', 'hi', '😀😀']],
    ['a😀b', ['a😀b']],
    ['©2024', ['©', '2024']],
    ['東京は晴れ。', ['東京は晴れ', '。']],
    ['$100.', ['$', '100', '.']],
    ['', []],
    ['   ', []],
  ])('%j → %j', (text, tokens) => {
    expect(splitIntoWords(text)).toEqual(tokens);
    expect(sliced(text)).toEqual(tokens);
  });

  it('keeps lone surrogates inside tokens and does not pair them with punctuation', () => {
    expect(splitIntoWords('a!\udc00')).toEqual(['a!\udc00']);
    expect(splitIntoWords('\ud800!')).toEqual(['\ud800', '!']);
  });

  it('never yields empty tokens or tokens containing U+0020 (top n-gram joins rely on it)', () => {
    const text = ' a  ,b, (c) ... \u00a0 — x—y !! ';
    for (const t of splitIntoWords(text)) {
      expect(t).not.toBe('');
      expect(t).not.toContain(' ');
    }
    // The tokens cover the text minus its whitespace.
    expect(splitIntoWords(text).join('')).toBe(text.replace(/\s/g, ''));
  });
});

describe('isPunctOrSymbol', () => {
  it('matches \\p{P}|\\p{S} on every BMP code point', () => {
    const re = /^[\p{P}\p{S}]$/u;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (isPunctOrSymbol(c) !== re.test(String.fromCharCode(c)))
        throw new Error(`0x${c.toString(16)} differs`);
    }
  });

  it.each([
    [0x1f600, true],
    [0x10a56, true],
    [0x20000, false],
    [0xd800, false],
  ])('U+%s → %s', (cp, v) => {
    expect(isPunctOrSymbol(cp)).toBe(v);
  });
});

describe('wordSpans (the same tokens as offsets)', () => {
  // Whitespace of every kind, U+FEFF and \x1c (not whitespace), ASCII and Unicode punctuation and symbols,
  // emoji (surrogate pairs), lone surrogates, a variation selector, CJK, Latin letters and digits.
  const nasty = [
    ...' \t\n\r\v\f\x85\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\x1c\x1f',
    ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~«»–—’“”…©®→•。、！？¥€',
    '😀',
    '❤',
    '\ufe0f',
    '𝔘',
    '\ud800',
    '\udc00',
    ...'東京晴れ',
    ...'aZé9ß',
  ];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seeded random strings over a nasty alphabet equal splitIntoWords (seed %i)',
    (seed) => {
      const r = rng(seed);
      for (let doc = 0; doc < 400; doc++) {
        let text = '';
        for (let k = Math.floor(r() * 80); k > 0; k--) text += nasty[Math.floor(r() * nasty.length)];
        expect(sliced(text), JSON.stringify(text)).toEqual(splitIntoWords(text));
      }
    },
  );

  it('grows a too-small buffer and reuses one that fits', () => {
    const text = '(a) b! ?c '.repeat(100);
    const small = new Int32Array(2);
    const r = wordSpans(text, small);
    expect(r.spans).not.toBe(small);
    expect(r.count).toBe(splitIntoWords(text).length);
    expect(wordSpans(text, r.spans).spans).toBe(r.spans);
    expect(sliced(text, new Int32Array(0))).toEqual(splitIntoWords(text));
  });
});

describeWithData('wordSpans on every text of ../shared/data/web', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.jsonl(\.gz)?$/.test(f) || f.startsWith('mislabeled_plain_jsonl')) files.push(p);
    }
  };
  walk(sharedPath('web'));

  it.each(files.map((f) => [path.relative(sharedPath('web'), f), f]))('%s', (_name, file) => {
    let buf = new Int32Array(16);
    let texts = 0;
    for (const row of readJsonlRows(file)) {
      for (const v of Object.values(row)) {
        if (typeof v !== 'string') continue;
        const r = wordSpans(v, buf);
        buf = r.spans;
        const words = splitIntoWords(v);
        expect(r.count).toBe(words.length);
        for (let k = 0; k < r.count; k++) {
          const got = v.slice(r.spans[2 * k], r.spans[2 * k + 1]);
          if (got !== words[k]) expect([k, got]).toEqual([k, words[k]]);
        }
        texts++;
      }
    }
    expect(texts).toBeGreaterThan(0);
  });
});
