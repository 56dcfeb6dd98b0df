import { describe, expect, it } from 'vitest';
import {
  endsWithIn,
  isPunctuationCode,
  PUNCTUATION_SET,
  TERMINAL_PUNCTUATION,
} from '../../src/text/charsets.js';

describe('DataTrove character sets (SPEC "The two character sets")', () => {
  it('TERMINAL_PUNCTUATION has 159 code points', () => {
    expect(TERMINAL_PUNCTUATION.size).toBe(159);
  });

  it('PUNCTUATION_SET = 32 ASCII + 34 listed + 63 controls + the terminal set', () => {
    // Controls: U+0000-0008 (9), U+000B-001F (21), U+007F-009F (33). Overlaps: "!", ".", "?", 。！．？ are terminal.
    const listed = 32 + 34 + 63;
    const overlap = [...TERMINAL_PUNCTUATION].filter(
      (c) => c <= 0x7e || [0x3002, 0xff01, 0xff0e, 0xff1f].includes(c),
    );
    expect(overlap).toHaveLength(7);
    expect(PUNCTUATION_SET.size).toBe(listed + 159 - 7);
  });

  it.each([
    [0xff11, true, 'fullwidth digit one, a kept quirk'],
    [0x2026, true, 'ellipsis'],
    [0x00, true, 'NUL'],
    [0x09, false, 'tab'],
    [0x0a, false, 'newline'],
    [0x0d, true, 'carriage return'],
    [0x85, true, 'NEL'],
    [0x1da88, true, 'Sutton SignWriting full stop (terminal)'],
    [0x0589, true, 'Armenian full stop (terminal)'],
    [0x00a9, false, '©'],
    [0x2192, false, '→'],
    [0x2024, false, 'one dot leader (removed from the terminal set)'],
    [0xfe12, false, 'presentation form of 。 (removed)'],
    [0x17d6, true, 'Khmer (added)'],
    [0x41, false, 'A'],
  ])('U+%s in PUNCTUATION_SET: %s (%s)', (cp, member) => {
    expect(PUNCTUATION_SET.has(cp)).toBe(member);
    expect(isPunctuationCode(cp)).toBe(member);
  });

  it('isPunctuationCode equals PUNCTUATION_SET.has on every BMP code point', () => {
    for (let c = 0; c < 0x10000; c++)
      if (isPunctuationCode(c) !== PUNCTUATION_SET.has(c)) throw new Error(`${c}`);
  });

  it.each([
    ['end.', true],
    ['end', false],
    ['', false],
    ['end𑅁', true],
    ['end\udc01', false],
    ['.\udc01', false],
    ['wait。', true],
  ])('endsWithIn(%j, TERMINAL) → %s', (s, v) => {
    expect(endsWithIn(s, TERMINAL_PUNCTUATION)).toBe(v);
  });
});
