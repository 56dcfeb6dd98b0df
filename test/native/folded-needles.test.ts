import { describe, expect, it } from 'vitest';
import { POLICY_SUBSTRINGS } from '../../src/stages/filter-c4.js';
import { foldedNeedles } from '../../src/text/folded-needles.js';
import { describeOnRealText } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

/** filter-c4's needles (lorem ipsum, javascript, the policy phrases). */
const C4 = ['lorem ipsum', 'javascript', ...POLICY_SUBSTRINGS];
const native = foldedNeedles(C4, true)!;
const reference = foldedNeedles(C4, false)!;

describe('native folded needles answer as the case-insensitive Unicode RegExp', () => {
  it.each([
    ['', false],
    ['j', false],
    ['Enable JavaScript to continue', true],
    ['JAVASCRIP', false],
    ['our PRIVACY Policy', true],
    ['use\u00a0cookies (a no-break space is not a space)', false],
    ['COO\u212aIE POLICY (Kelvin sign folds to k)', true],
    ['u\u017fes cookies (long s folds to s)', true],
    ['javascr\u0130pt (dotted capital I does not fold to i)', false],
    ['lorem ipsum', true],
    ['at the very end: use cookies', true],
    ['use cookie', false],
  ])('%j → %s', (text, expected) => {
    expect(native(text)).toBe(expected);
    expect(reference(text)).toBe(expected);
  });

  it('finds a needle at every offset of the eight-unit steps, and near the end', () => {
    for (let k = 0; k < 20; k++) {
      for (const filler of ['x', 'é', '@']) {
        for (const needle of ['PRIVACY policy', 'lorem ipsu', 'u\u017fes cookies']) {
          const text = `${filler.repeat(k)}${needle}${filler.repeat(k % 3)}`;
          expect(native(text)).toBe(reference(text));
        }
      }
    }
  });

  it('seeded random strings over needle letters in both cases and the folding characters', () => {
    const next = rng(5);
    const alphabet = [...'lorempsujavctfiykLOREMPSUJAVCTFIYK  ', '\u212a', '\u017f', '\u0130', 'é', '\n'];
    const pick = () => alphabet[Math.floor(next() * alphabet.length)];
    const texts = Array.from({ length: 4000 }, () => {
      // Half the texts carry a needle with random case changes, to exercise near misses as well as hits.
      const plant =
        next() < 0.5
          ? ''
          : [...C4[Math.floor(next() * C4.length)]!]
              .map((c) => (next() < 0.5 ? c.toUpperCase() : c))
              .join('');
      const filler = Array.from({ length: Math.floor(next() * 40) }, pick).join('');
      return filler.slice(0, 20) + plant.slice(0, plant.length - Math.floor(next() * 2)) + filler.slice(20);
    });
    const differ = texts.filter((t) => native(t) !== reference(t));
    expect(differ).toEqual([]);
    expect(texts.filter(native).length).toBeGreaterThan(500);
  });

  it('falls back to the RegExp for needles the native test does not take', () => {
    const upper = foldedNeedles(['x', 'ÄÖ'], true)!;
    expect(upper('äö and X')).toBe(true);
    expect(foldedNeedles([], true)).toBeUndefined();
  });
});

describeOnRealText('native folded needles on real text, as the RegExp', (docs) =>
  docs.filter((t) => native(t) !== reference(t)).map((t) => t.slice(0, 80)),
);
