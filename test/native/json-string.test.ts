import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { describeOnRealText, randomTexts } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

const addon = nativeAddon();
const out = Buffer.alloc(1 << 22);

/** The native literal of `s`, written at an odd offset. */
function native(s: string): Buffer {
  const n = addon!.jsonStringInto(s, out, 5);
  return Buffer.from(out.subarray(5, 5 + n));
}

/** Texts (first 80 units) whose native JSON literal differs from Buffer.from(JSON.stringify(text)). */
function mismatches(texts: string[]): string[] {
  return texts
    .filter((t) => !native(t).equals(Buffer.from(JSON.stringify(t))))
    .map((t) => JSON.stringify(t.slice(0, 80)));
}

describe.skipIf(addon === undefined)('native JSON string literals are the bytes of JSON.stringify', () => {
  it.each([
    ['empty', ''],
    ['plain ASCII, 8 units a step and a tail', 'The quick brown fox jumps over the lazy dog'],
    ['quote and backslash', 'say "hi" \\ bye'],
    ['short escapes', 'a\bb\tc\nd\fe\rf'],
    ['other controls and DEL', '\u0000\u0001\u000b\u001f\u007f'],
    ['2-, 3- and 4-byte UTF-8', 'é € 😀 \u0080 \u07ff \u0800 \uffff'],
    ['lone surrogates (well-formed JSON.stringify)', '\ud800 x \udfff \udbff\udbff \udc00\ud800'],
    ['a pair split across an 8-unit block', `1234567😀89`],
    ['line and paragraph separators stay raw', '\u2028\u2029'],
  ])('%s', (_name, text) => {
    expect(mismatches([text])).toEqual([]);
  });

  it('seeded random strings over every escape class', () => {
    const next = rng(11);
    const pieces = [
      'a',
      'Z',
      ' ',
      '"',
      '\\',
      '\n',
      '\t',
      '\x00',
      '\x1f',
      '\x7f',
      'é',
      '€',
      '😀',
      '\ud800',
      '\udc00',
      '_',
    ];
    const texts = randomTexts(next, pieces, 5000, 40);
    expect(mismatches(texts)).toEqual([]);
  });

  it('refuses (-1) when the worst case would not fit, writing nothing', () => {
    const small = Buffer.alloc(20);
    expect(addon!.jsonStringInto('abc', small, 0)).toBe(5);
    expect(addon!.jsonStringInto('abc', small, 15)).toBe(-1); // 6 * 3 + 2 = 20 bytes of room needed
  });
});

describeOnRealText('native JSON string literals on real text', (texts) => (addon ? mismatches(texts) : []));
