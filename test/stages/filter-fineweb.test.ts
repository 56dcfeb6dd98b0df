import { describe, expect, it } from 'vitest';
import filterFineweb from '../../src/stages/filter-fineweb.js';
import { docsFromTexts, runStage } from '../helpers/stage-harness.js';

/** A distinct line of `words` words (each "wN"), over 30 chars once words ≥ 8, ending in `end`. */
const line = (k: number, end = '.', words = 8) =>
  Array.from({ length: words }, (_, i) => `w${k}x${i}`).join(' ') + end;
/** A distinct 33-char line of 2 tokens. */
const tok = (k: number) => `${'x'.repeat(31)}${k}.`;
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

async function one(text: string, options: Record<string, unknown> = {}) {
  const run = await runStage(filterFineweb, { keep_stats: true, ...options }, docsFromTexts([text]));
  return { drop: run.drops[0], stats: run.kept[0]?.row.dm ?? run.drops[0] };
}

describe('filter-fineweb reasons (golden, each with a case just under it)', () => {
  it.each([
    ['', 'empty', 0],
    [' \n\t\n\u3000\n', 'empty', 0],
    // 1 of 9 lines ends in a stop char: 0.111 < 0.12.
    [lines(9, (i) => line(i, i === 0 ? '.' : '')), 'line_punct_ratio', 1 / 9],
    // 7 of 10 lines are short (≤ 30 code points): 0.7 > 0.67.
    [lines(10, (i) => (i < 7 ? `Short ${i}.` : line(i))), 'short_line_ratio', 0.7],
    // One repeated 36-char line in 4 lines of 35..36 chars.
    [[line(1), line(2), line(1), line(3)].join('\n'), 'char_dup_ratio', 36 / (36 * 4)],
    // 4 long one-word lines = 8 tokens ("xxx…0", "."), 3 newlines: 0.375 > 0.3.
    [lines(4, tok), 'list_ratio', 3 / 8],
  ])('%j → %s', async (text, reason, value) => {
    const { drop } = await one(text);
    expect(drop?.reason).toBe(reason);
    expect(drop?.value).toBeCloseTo(value, 10);
  });

  it.each([
    ['1 of 8 lines punctuated: 0.125 ≥ 0.12', lines(8, (i) => line(i, i === 0 ? '.' : ''))],
    ['2 of 3 lines short: 0.667 ≤ 0.67', ['Short one.', 'Short two.', line(1)].join('\n')],
    [
      'a duplicate under 1% of the chars',
      [...Array.from({ length: 100 }, (_, i) => line(i)), 'Dup.', 'Dup.'].join('\n'),
    ],
    ['0.3 newlines per token exactly', `${lines(3, tok)}\nThree words here.`],
    ['blank lines do not count', `${line(1)}\n\n\n\n${line(2)}`],
  ])('keeps: %s', async (_, text) => {
    expect((await one(text)).drop).toBeUndefined();
  });
});

describe('filter-fineweb details', () => {
  it('a CRLF line keeps its \\r: it does not end with a stop char', async () => {
    const text = lines(5, (i) => `${line(i)}\r`);
    const { drop } = await one(text);
    expect(drop).toEqual({ id: 'd0', reason: 'line_punct_ratio', value: 0 });
    expect((await one(text.replaceAll('\r', ''))).drop).toBeUndefined();
  });

  it("quotes are not stop chars by default; other scripts' terminal marks are", async () => {
    expect((await one(lines(3, (i) => line(i, '."')))).drop?.reason).toBe('line_punct_ratio');
    expect((await one(lines(3, (i) => line(i, '。')))).drop).toBeUndefined();
    expect((await one(lines(3, (i) => line(i, '।')))).drop).toBeUndefined();
    expect(
      (
        await one(
          lines(3, (i) => line(i, '."')),
          { stop_chars: ['."'] },
        )
      ).drop,
    ).toBeUndefined();
  });

  it('line_punct_exclude_zero spares documents with no punctuated line', async () => {
    expect(
      (
        await one(
          lines(3, (i) => line(i, '')),
          { line_punct_exclude_zero: true },
        )
      ).drop,
    ).toBeUndefined();
  });

  it('short lines are counted in code points', async () => {
    // 28 emoji + 2 = 58 UTF-16 units but 30 code points: short.
    const text = lines(3, (i) => `${'😀'.repeat(28)}${i}.`);
    expect((await one(text)).drop?.reason).toBe('short_line_ratio');
  });

  it('keep_stats stores the ratios computed up to the failing rule', async () => {
    const { stats } = await one([line(1), line(2)].join('\n'));
    expect(stats).toEqual({
      fineweb: { line_punct_ratio: 1, short_line_ratio: 0, char_dup_ratio: 0, list_ratio: 1 / 18 },
    });
  });
});
