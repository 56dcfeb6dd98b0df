import { describe, expect, it } from 'vitest';
import { normalizeLine } from '../../src/dedup/lines-normalize.js';

describe("normalizeLine (cc_net's normalize_for_dedup)", () => {
  it.each([
    ['  Hello World 123  ', 'hello world 000'],
    ['already | clean.', 'already | clean.'],
    // Fullwidth digits are digits first (→ 0), so the punctuation table's "１" never applies.
    ['Prix：１２€', 'prix00€'],
    // Unicode punctuation is removed, accents and ASCII punctuation stay.
    ['Café — déjà vu…', 'café  déjà vu'],
    ['\tTab\u0085line\u0007', 'tabline'],
    ['ÀB٣', 'àb0'],
    ['   ', ''],
  ])('%j → %j', (line, want) => {
    expect(normalizeLine(line)).toBe(want);
  });
});
