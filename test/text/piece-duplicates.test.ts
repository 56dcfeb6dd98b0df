import { describe, expect, it } from 'vitest';
import { findDuplicates, PieceDuplicates } from '../../src/text/piece-duplicates.js';
import { rng } from '../helpers/xorshift.js';

/** The reference: split the way DataTrove's regexes do, then count later repeats. */
function reference(text: string, minRun: 1 | 2): [number, number, number] {
  const pieces = text.split(minRun === 1 ? /\n+/ : /\n{2,}/);
  const [count, chars] = findDuplicates(pieces);
  return [pieces.length, count, chars];
}

describe('PieceDuplicates', () => {
  it.each([
    ['a\nb\na', 1],
    ['a\n\nb\n\na\nx', 2],
    ['same\nsame\nsame', 1],
    ['', 1],
    ['😀 emoji\n😀 emoji', 1],
    ['\n\nlead\n\n\ntrail\n\n', 2],
  ] as const)('counts %j split at %i+ newlines as re.split does', (text, minRun) => {
    const dup = new PieceDuplicates();
    dup.scan(text, 0, text.length, minRun);
    expect([dup.pieces, dup.count, dup.chars]).toEqual(reference(text, minRun));
  });

  it('agrees with the reference on 500 seeded texts of repeated lines and paragraphs', () => {
    const next = rng(7);
    const words = ['alpha', 'beta', 'gamma', 'δέλτα', 'x', ''];
    const dup = new PieceDuplicates();
    for (let t = 0; t < 500; t++) {
      let text = '';
      for (let i = Math.floor(next() * 40); i > 0; i--)
        text += words[Math.floor(next() * words.length)]! + '\n'.repeat(1 + Math.floor(next() * 3));
      for (const minRun of [1, 2] as const) {
        dup.scan(text, 0, text.length, minRun);
        expect([dup.pieces, dup.count, dup.chars]).toEqual(reference(text, minRun));
      }
    }
  });
});
