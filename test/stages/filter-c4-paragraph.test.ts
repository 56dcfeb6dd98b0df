import { describe, expect, it } from 'vitest';
import filterC4Paragraph from '../../src/stages/filter-c4-paragraph.js';
import { docsFromTexts, runStage } from '../helpers/stage-harness.js';

describe('filter-c4-paragraph', () => {
  const p = (n: number, len: number) => 'x'.repeat(len - 1) + String(n % 10);
  it.each([
    [[p(1, 200), p(2, 200)].join('\n'), '< 3 paragraphs', -1],
    [[p(1, 500), p(2, 500), p(3, 199), 'short'].join('\n'), '< 3 paragraphs', 199],
    [[p(1, 200), p(2, 200), p(3, 200)].join('\n'), null, 0],
    [['a', p(1, 300), 'b', p(2, 200), '', p(3, 250)].join('\n'), null, 0],
    [['😀'.repeat(200), p(2, 200), p(3, 200)].join('\n'), null, 0], // code points
  ])('%#: → %s', async (text, reason, value) => {
    const run = await runStage(filterC4Paragraph, {}, docsFromTexts([text]));
    expect(run.drops).toEqual(reason === null ? [] : [{ id: 'd0', reason, value }]);
  });

  it('min_paragraphs appears in the reason; keep_stats stores dm.c4_paragraph', async () => {
    const run = await runStage(
      filterC4Paragraph,
      { min_paragraphs: 2, keep_stats: true },
      docsFromTexts(['abc']),
    );
    expect(run.drops).toEqual([{ id: 'd0', reason: '< 2 paragraphs', value: -1 }]);
    const kept = await runStage(
      filterC4Paragraph,
      { min_paragraphs: 1, min_paragraph_len: 3, keep_stats: true },
      docsFromTexts(['abc\nd']),
    );
    expect(kept.kept[0]?.row.dm).toEqual({ c4_paragraph: { lines: 2, paragraph_len: 3 } });
  });
});
