import { describe, expect, it } from 'vitest';
import { type CcnetNormalizeOptions, ccnetNormalize } from '../../src/lm/ccnet-normalize.js';

const CCNET: CcnetNormalizeOptions = {
  lowercase: true,
  strip_accents: true,
  digits_to_zero: true,
  punctuation: 'replace',
};

// Expected outputs computed with cc_net's own normalize() (facebookresearch/cc_net cc_net/text_normalizer.py)
// under CPython 3 unicodedata; options are overrides of cc_net's defaults (case, accent, numbers, punct=1).
const TABLE: [string, Partial<CcnetNormalizeOptions>, string][] = [
  ['  Hello World  ', {}, 'hello world'],
  ['Cr\u00e8me Br\u00fbl\u00e9e \u00e0 Paris', {}, 'creme brulee a paris'],
  ['Price: 1999 \u20ac in 2024', {}, 'price: 0000 \u20ac in 0000'],
  [
    '\uff21\uff52\uff41\uff42\uff49\uff43 \u0663\u0664\u0665 and \u09e7\u09e8 digits',
    {},
    '\uff41\uff52\uff41\uff42\uff49\uff43 000 and 00 digits',
  ],
  [
    '\u00abBonjour\u00bb \u2014 dit-il\u2026 \u201eHallo\u201c \u2019quoted\u2019',
    {},
    '"bonjour"  -  dit-il... "hallo" \'quoted\'',
  ],
  [
    '\u4e2d\u6587\uff0c\u6807\u70b9\u3002\u6d4b\u8bd5\u3001\uff08\u62ec\u53f7\uff09\uff01\uff1f\uff1a\uff1b',
    {},
    '\u4e2d\u6587,\u6807\u70b9.\u6d4b\u8bd5,(\u62ec\u53f7)!?:;',
  ],
  ['tab\there\u0085nel\u009fend\u007f', {}, 'tabherenelend'],
  ['\uff11 fullwidth one', { digits_to_zero: false }, '" fullwidth one'],
  [
    '\u00dcn\u00efc\u00f6d\u00e9 \u00c7ASE',
    { strip_accents: false },
    '\u00fcn\u00efc\u00f6d\u00e9 \u00e7ase',
  ],
  ['\u00dcn\u00efc\u00f6d\u00e9 \u00c7ASE 42', { lowercase: false }, 'Unicode CASE 00'],
  ['\u00abremove\u00bb these\u2014dashes\u2026', { punctuation: 'remove' }, 'remove thesedashes'],
  [
    '\u00abkeep\u00bb these\u2014dashes\u2026',
    { punctuation: 'keep' },
    '\u00abkeep\u00bb these\u2014dashes\u2026',
  ],
  [
    '\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3 \u0130stanbul \u01c5',
    {},
    '\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c2 istanbul \u01c6',
  ],
  [
    '\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8',
    {},
    '\u1112\u1161\u11ab\u1100\u116e\u11a8\u110b\u1165 \u1110\u1166\u11a8\u1109\u1173\u1110\u1173',
  ],
  ['   ', {}, ''],
  ['\u00a0nbsp\u00a0inside\u3000ideographic ', {}, 'nbsp\u00a0inside\u3000ideographic'],
];

describe('ccnetNormalize (cc_net text_normalizer.normalize)', () => {
  it.each(TABLE)('%j %j', (input, overrides, expected) => {
    expect(ccnetNormalize(input, { ...CCNET, ...overrides })).toBe(expected);
  });
});
