import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { describeWithData, sharedLines } from '../helpers/shared-data.js';
import { rng } from '../helpers/xorshift.js';

const addon = nativeAddon();

/** The native decoding of `bytes` checked against V8: equal when valid, refused when V8 would replace. */
function disagreement(bytes: Buffer): string | undefined {
  const native = addon!.utf8Text(bytes, 0, bytes.length);
  const v8 = bytes.toString('utf8');
  const valid = Buffer.from(v8, 'utf8').equals(bytes);
  if (valid ? native === v8 : native === undefined) return undefined;
  return bytes.toString('hex').slice(0, 80);
}

describe.skipIf(addon === undefined)(
  'native UTF-8 decoding is V8 decoding on valid text, and refuses the rest',
  () => {
    it.each([
      ['empty', ''],
      ['ASCII across a 16-byte block', 'The quick brown fox jumps over the lazy dog'],
      ['Latin-1 range (one-byte string)', 'café naïve ÿ'],
      ['BMP and astral', '€ 漢字 😀 \u{10ffff}'],
      ['U+FFFD itself is valid', 'a\ufffdb'],
    ])('valid: %s', (_name, text) => {
      expect(disagreement(Buffer.from(text, 'utf8'))).toBeUndefined();
      expect(addon!.utf8Text(Buffer.from(text, 'utf8'), 0, Buffer.byteLength(text))).toBe(text);
    });

    it.each([
      ['a lone continuation byte', '61 80 62'],
      ['C0/C1 overlong leads', 'c0 80', 'c1 bf'],
      ['overlong 3-byte', 'e0 80 80'],
      ['a UTF-8-encoded surrogate', 'ed a0 80'],
      ['overlong 4-byte', 'f0 80 80 80'],
      ['above U+10FFFF', 'f4 90 80 80'],
      ['F5 and FF', 'f5 80 80 80'],
      ['truncated at the end', 'e2 82'],
      ['a truncated sequence before ASCII', 'e2 82 41'],
    ])('invalid: %s', (_name, ...hexes) => {
      for (const hex of hexes) {
        const bytes = Buffer.from(hex.replace(/ /g, ''), 'hex');
        expect(addon!.utf8Text(bytes, 0, bytes.length)).toBeUndefined();
      }
    });

    it('decodes only the range asked for', () => {
      const bytes = Buffer.from('xx😀yy', 'utf8');
      expect(addon!.utf8Text(bytes, 2, 6)).toBe('😀');
      expect(() => addon!.utf8Text(bytes, 2, 99)).toThrow(/range/);
    });

    it('seeded random byte strings, mostly near-valid', () => {
      const next = rng(23);
      const pieces = ['a', ' ', 'é', '€', '😀', '\u07ff', '\u0800', '\uffff'].map((s) =>
        Buffer.from(s, 'utf8'),
      );
      const failures: string[] = [];
      for (let t = 0; t < 5000; t++) {
        const parts = Array.from(
          { length: Math.floor(next() * 30) },
          () => pieces[Math.floor(next() * pieces.length)]!,
        );
        const bytes = Buffer.concat(parts);
        // Corrupt a byte in half of them.
        if (bytes.length > 0 && next() < 0.5)
          bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
        const d = disagreement(bytes);
        if (d !== undefined) failures.push(d);
      }
      expect(failures).toEqual([]);
    });
  },
);

describeWithData('native UTF-8 decoding of real JSONL lines', () => {
  it.each([
    ['C4 pages', 'web/llamafactory_c4_demo.jsonl.gz'],
    ['UDHR, 388 languages', 'multilingual/udhr2_388.jsonl.gz'],
    ['lingua, 75 languages', 'multilingual/lingua_sentences_75langs.jsonl.gz'],
  ])('%s', (_name, file) => {
    const lines = sharedLines(file);
    const failures: string[] = [];
    for (const line of lines) {
      const d = addon === undefined ? undefined : disagreement(line);
      if (d !== undefined) failures.push(d);
    }
    expect(lines.length).toBeGreaterThanOrEqual(300);
    expect(failures).toEqual([]);
  });
});
