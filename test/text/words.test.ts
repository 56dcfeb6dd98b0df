import { describe, expect, it } from 'vitest';
import { isPunctOrSymbol, splitIntoWords } from '../../src/text/words.js';

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
