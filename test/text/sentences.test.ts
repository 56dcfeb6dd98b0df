import { describe, expect, it } from 'vitest';
import { countSentences, splitSentences } from '../../src/text/sentences.js';

describe('SPEC sentence rule: cut after . ! ? followed by whitespace', () => {
  it.each([
    ['', []],
    ['One sentence without a mark', ['One sentence without a mark']],
    ['One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']],
    ['End.   ', ['End.']],
    ['A.\nB.\tC.\u00a0D.\u3000E.', ['A.', 'B.', 'C.', 'D.', 'E.']],
    ['A.\x1cB.', ['A.', 'B.']], // \x1c is Python whitespace
    ['A.\ufeffB.', ['A.\ufeffB.']], // U+FEFF is not
    ['3.14 is pi.', ['3.14 is pi.']],
    ['Mr. Smith went home.', ['Mr.', 'Smith went home.']], // abbreviations cut, unlike punkt
    ['He said "Hi." Then left.', ['He said "Hi." Then left.']], // a quote after the mark prevents the cut
    ['(See above.) Next one.', ['(See above.) Next one.']],
    ['Wait... what?! Yes.', ['Wait...', 'what?!', 'Yes.']],
    ['中文。还有。', ['中文。还有。']], // other scripts' marks never cut
    ['  lead. x', ['  lead.', 'x']],
  ])('%j → %j', (text, pieces) => {
    expect(splitSentences(text)).toEqual(pieces);
    expect(countSentences(text)).toBe(pieces.length);
  });

  it('matches Python re.split(r"(?<=[.!?])\\s+") minus empty pieces on generated text', () => {
    const alphabet = ['a', 'b', '.', '!', '?', ' ', '\n', '"', '\u00a0'];
    let x = 12345;
    for (let n = 0; n < 2000; n++) {
      let s = '';
      const len = n % 17;
      for (let i = 0; i < len; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        s += alphabet[x % alphabet.length];
      }
      const ref = s.split(/(?<=[.!?])[\s\u00a0]+/).filter((p) => p !== '');
      expect(splitSentences(s), JSON.stringify(s)).toEqual(ref);
      expect(countSentences(s)).toBe(ref.length);
    }
  });
});
