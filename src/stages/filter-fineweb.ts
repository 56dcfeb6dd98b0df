import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { analyze, type TextAnalysis } from '../text/analysis.js';
import { fineWebLineCounts, type StopTest } from '../text/fineweb-lines.js';
import { countWords } from '../text/scan.js';
import { defineStage } from './define.js';

const SRC =
  'DataTrove FineWebQualityFilter default (fineweb_quality_filter.py; Penedo et al. 2024, arxiv 2406.17557)';

const options = z.strictObject({
  line_punct_thr: z
    .number()
    .min(0)
    .default(0.12)
    .describe(
      `Drop (line_punct_ratio) when fewer than this share of non-empty lines end in stop_chars. ${SRC}.`,
    ),
  line_punct_exclude_zero: z
    .boolean()
    .default(false)
    .describe(`Do not apply line_punct_thr to documents where no line ends in stop_chars. ${SRC}.`),
  stop_chars: z
    .array(z.string())
    .optional()
    .describe(
      `Line endings counted as punctuation (each a string; a line ends with one of them). Absent: DataTrove's TERMINAL_PUNCTUATION (159 marks; quotes are not included). ${SRC}.`,
    ),
  short_line_thr: z
    .number()
    .min(0)
    .default(0.67)
    .describe(`Drop (short_line_ratio) when more than this share of non-empty lines are short. ${SRC}.`),
  short_line_length: z
    .number()
    .int()
    .min(0)
    .default(30)
    .describe(`A line of at most this many code points is short. ${SRC}.`),
  char_duplicates_ratio: z
    .number()
    .min(0)
    .default(0.01)
    .describe(
      `Drop (char_dup_ratio) when repeated lines hold more than this share of the non-newline chars. ${SRC}.`,
    ),
  new_line_ratio: z
    .number()
    .min(0)
    .default(0.3)
    .describe(`Drop (list_ratio) when newlines per word exceed this. ${SRC}.`),
  keep_stats: z
    .boolean()
    .default(false)
    .describe(
      'Store dm.fineweb = {line_punct_ratio, short_line_ratio, char_dup_ratio, list_ratio} (each computed up to the failing rule).',
    ),
});

type Options = z.output<typeof options>;

export interface FineWebStats {
  line_punct_ratio?: number;
  short_line_ratio?: number;
  char_dup_ratio?: number;
  list_ratio?: number;
}

/** The line-end test: undefined for TERMINAL_PUNCTUATION by code point, else Python `endswith(tuple)`. */
function stopTest(stop: readonly string[] | undefined): StopTest {
  if (stop === undefined) return undefined;
  const set = stop.filter((s) => s !== '');
  // Python: endswith(('',)) is always true.
  if (set.length < stop.length) return () => true;
  return (line) => set.some((s) => line.endsWith(s));
}

/**
 * Runs the FineWeb rules on a document (its text, '\n' lines and code-point length from `a`); returns the
 * failing reason (or null) and fills `stats` up to the failing rule.
 */
function fineweb(o: Options, a: TextAnalysis, stop: StopTest, stats: FineWebStats): string | null {
  const c = fineWebLineCounts(
    a.text,
    () => a.newlineLines,
    () => a.length,
    o.short_line_length,
    stop,
  );
  if (c.kept === 0) return 'empty';
  const r1 = (stats.line_punct_ratio = c.punct / c.kept);
  if (r1 < o.line_punct_thr && !(r1 === 0 && o.line_punct_exclude_zero)) return 'line_punct_ratio';
  if ((stats.short_line_ratio = c.short / c.kept) > o.short_line_thr) return 'short_line_ratio';
  const r3 = (stats.char_dup_ratio = c.dupChars / (c.length - c.newlines));
  if (r3 > o.char_duplicates_ratio) return 'char_dup_ratio';
  // A text no stage rewrote since Gopher tokenized it has its count already (TextAnalysis.knownWordCount).
  const nWords = a.knownWordCount ?? countWords(a.text);
  // DataTrove divides by the word count; a text with a non-blank line always has a token, but guard it.
  if (nWords === 0) return null;
  if ((stats.list_ratio = c.newlines / nWords) > o.new_line_ratio) return 'list_ratio';
  return null;
}

export default defineStage({
  name: 'filter-fineweb',
  kind: 'map',
  description:
    "FineWeb's own quality rules, exactly DataTrove FineWebQualityFilter (SPEC-filters.md (b4)), over the " +
    "text's '\\n'-separated non-blank lines (a CRLF line keeps its \\r): empty (no such line), line_punct_ratio, " +
    'short_line_ratio, char_dup_ratio, list_ratio (newlines per SPEC word); value = the failing ratio.',
  options,
  preservesRow: () => true,
  create(o) {
    const stop = stopTest(o.stop_chars);
    return {
      process(batch, ctx) {
        const out: Doc[] = [];
        for (const doc of batch) {
          const stats: FineWebStats = {};
          const reason = fineweb(o, analyze(doc), stop, stats);
          if (o.keep_stats) dmOf(doc).fineweb = stats;
          if (reason === null) out.push(doc);
          else ctx.drop(doc, reason, reason === 'empty' ? 0 : stats[reason as keyof FineWebStats]);
        }
        return out;
      },
    };
  },
});
