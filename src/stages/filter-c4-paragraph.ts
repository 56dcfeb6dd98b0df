import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { analyze } from '../text/analysis.js';
import { cpLength } from '../text/python.js';
import { defineStage } from './define.js';

const SRC = 'DataTrove C4ParagraphFilter (c4_filters.py), from mC4 (TFDS c4_utils.py paragraph_filter)';

const options = z.strictObject({
  min_paragraphs: z
    .number()
    .int()
    .min(1)
    .default(3)
    .describe(
      `Keep documents with at least this many '\\n'-separated lines of min_paragraph_len chars. ${SRC}.`,
    ),
  min_paragraph_len: z
    .number()
    .int()
    .min(0)
    .default(200)
    .describe(`Length in code points a line needs to count as a paragraph. ${SRC}.`),
  keep_stats: z
    .boolean()
    .default(false)
    .describe('Store dm.c4_paragraph = {lines, paragraph_len} (the min_paragraphs-th longest line length).'),
});

/**
 * The length of the `k`-th longest of `lines` (code points), or -1 with fewer than `k` lines: Python's
 * `min(heapq.nlargest(k, lens))` with the line-count guard in front.
 */
export function kthLongest(lines: readonly string[], k: number): number {
  if (lines.length < k) return -1;
  const top: number[] = [];
  for (const line of lines) {
    const len = cpLength(line);
    if (top.length < k) {
      top.push(len);
      top.sort((a, b) => b - a);
    } else if (len > top[k - 1]!) {
      top[k - 1] = len;
      top.sort((a, b) => b - a);
    }
  }
  return top[k - 1]!;
}

export default defineStage({
  name: 'filter-c4-paragraph',
  kind: 'map',
  description:
    "mC4's paragraph rule, exactly DataTrove C4ParagraphFilter: keep a document when its text split on '\\n' " +
    'has at least min_paragraphs lines and the min_paragraphs longest are each at least min_paragraph_len code ' +
    'points long; else drop with reason "< 3 paragraphs" (the number is min_paragraphs), value = the length of ' +
    'the min_paragraphs-th longest line (-1: too few lines).',
  options,
  preservesRow: () => true,
  create(o) {
    const reason = `< ${o.min_paragraphs} paragraphs`;
    return {
      process(batch, ctx) {
        const out: Doc[] = [];
        for (const doc of batch) {
          const lines = analyze(doc).newlineLines;
          const kth = kthLongest(lines, o.min_paragraphs);
          if (o.keep_stats) dmOf(doc).c4_paragraph = { lines: lines.length, paragraph_len: kth };
          if (kth < o.min_paragraph_len) ctx.drop(doc, reason, kth);
          else out.push(doc);
        }
        return out;
      },
    };
  },
});
