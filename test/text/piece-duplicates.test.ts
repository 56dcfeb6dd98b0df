import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../src/native/addon.js';
import { findDuplicates, PieceDuplicates } from '../../src/text/piece-duplicates.js';
import { describeOnRealText } from '../helpers/native-twins.js';
import { rng } from '../helpers/xorshift.js';

/** The reference: split the way DataTrove's regexes do, then count later repeats. */
function reference(text: string, minRun: 1 | 2): [number, number, number] {
  const pieces = text.split(minRun === 1 ? /\n+/ : /\n{2,}/);
  const [count, chars] = findDuplicates(pieces);
  return [pieces.length, count, chars];
}

function counts(
  dup: PieceDuplicates,
  text: string,
  from: number,
  to: number,
  minRun: 1 | 2,
  native: boolean,
) {
  dup.scan(text, from, to, minRun, native);
  return [dup.pieces, dup.count, dup.chars];
}

// The TypeScript class and its native twin (src/native/piece_duplicates.cc) against the same reference.
describe.each([
  ['TypeScript', false],
  ['native', true],
] as const)('PieceDuplicates (%s)', (_name, native) => {
  it.skipIf(native && nativeAddon() === undefined).each([
    ['a\nb\na', 1],
    ['a\n\nb\n\na\nx', 2],
    ['same\nsame\nsame', 1],
    ['', 1],
    ['😀 emoji\n😀 emoji', 1],
    ['\n\nlead\n\n\ntrail\n\n', 2],
    ['a\nb\n\na\nb\n\n\na\nb', 2],
    ['lone \ud800 surrogate\nlone \ud800 surrogate', 1],
  ] as const)('counts %j split at %i+ newlines as re.split does', (text, minRun) => {
    expect(counts(new PieceDuplicates(), text, 0, text.length, minRun, native)).toEqual(
      reference(text, minRun),
    );
  });

  it.skipIf(native && nativeAddon() === undefined)(
    'fixed-width records equal on every sampled unit, different elsewhere (the full-hash fallback)',
    () => {
      // 100-unit lines: the sample reads units 0-15, 16, 20, ..., 76 and 84-99; they differ at unit 17.
      const record = (k: number) => `${'a'.repeat(17)}${String(k).padStart(3, '0')}${'b'.repeat(80)}`;
      const lines = Array.from({ length: 300 }, (_, k) => record(k % 250));
      const text = lines.join('\n');
      expect(counts(new PieceDuplicates(), text, 0, text.length, 1, native)).toEqual(reference(text, 1));
      expect(reference(text, 1)).toEqual([300, 50, 5000]);
    },
  );

  it.skipIf(native && nativeAddon() === undefined)('counts only the range asked for', () => {
    const text = 'x\n\nab\n\nab\n\ny';
    // [3, 9) is "ab\n\nab": a separator ending past `to` does not split.
    expect(counts(new PieceDuplicates(), text, 3, 9, 2, native)).toEqual(reference('ab\n\nab', 2));
    expect(counts(new PieceDuplicates(), text, 3, 8, 2, native)).toEqual(reference('ab\n\na', 2));
  });

  it.skipIf(native && nativeAddon() === undefined)(
    'agrees with the reference on 500 seeded texts of repeated lines and paragraphs',
    () => {
      const next = rng(7);
      const words = [
        'alpha',
        'beta',
        'gamma',
        'δέλτα',
        'x',
        '',
        'a longer line of some forty-odd characters',
      ];
      const dup = new PieceDuplicates();
      for (let t = 0; t < 500; t++) {
        let text = '';
        for (let i = Math.floor(next() * 40); i > 0; i--)
          text += words[Math.floor(next() * words.length)]! + '\n'.repeat(1 + Math.floor(next() * 3));
        for (const minRun of [1, 2] as const)
          expect(counts(dup, text, 0, text.length, minRun, native)).toEqual(reference(text, minRun));
      }
    },
  );
});

describeOnRealText('native PieceDuplicates equals the TypeScript one on real text', (texts) => {
  if (nativeAddon() === undefined) return [];
  const dup = new PieceDuplicates();
  return texts
    .filter((t) =>
      ([1, 2] as const).some(
        (m) =>
          JSON.stringify(counts(dup, t, 0, t.length, m, true)) !==
          JSON.stringify(counts(dup, t, 0, t.length, m, false)),
      ),
    )
    .map((t) => JSON.stringify(t.slice(0, 80)));
});
