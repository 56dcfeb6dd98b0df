import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { analyze } from '../text/analysis.js';
import { NgramStats } from '../text/ngrams.js';
import { PieceDuplicates } from '../text/piece-duplicates.js';
import { isPySpaceCode } from '../text/python.js';
import { defineStage } from './define.js';

const SRC = 'Gopher (Rae et al. 2021, arxiv 2112.11446) Table A1, via DataTrove gopher_repetition_filter.py';

/** A fraction that null or 0 disables (DataTrove tests each threshold for truthiness). */
function fraction(value: number, what: string) {
  return z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .default(value)
    .describe(`${what} Default ${value}: ${SRC}. null or 0 disables the rule.`);
}

/** `[[n, fraction], ...]`: n-gram sizes with their thresholds, checked in the listed order. */
function ngramRules(value: [number, number][], what: string) {
  return z
    .array(z.tuple([z.number().int().min(1), z.number().positive().max(1)]))
    .default(value)
    .describe(`${what} Default ${JSON.stringify(value)}: ${SRC}. Remove an entry to disable it.`);
}

const options = z.strictObject({
  dup_para_frac: fraction(0.3, 'Drop with dup_para_frac when duplicate paragraphs / paragraphs is above.'),
  dup_para_char_frac: fraction(
    0.2,
    'Drop with dup_para_char_frac when code points in duplicate paragraphs / len(text) is above.',
  ),
  dup_line_frac: fraction(
    0.3,
    'Drop with dup_line_frac when duplicate lines / lines (split on \\n+) is above.',
  ),
  dup_line_char_frac: fraction(
    0.2,
    'Drop with dup_line_char_frac when code points in duplicate lines / len(text) is above.',
  ),
  top_n_grams: ngramRules(
    [
      [2, 0.2],
      [3, 0.18],
      [4, 0.16],
    ],
    'Drop with top_<n>_gram when len(g) × count(g) / len(text) is above, g the most common space-joined n-gram.',
  ),
  dup_n_grams: ngramRules(
    [
      [5, 0.15],
      [6, 0.14],
      [7, 0.13],
      [8, 0.12],
      [9, 0.11],
      [10, 0.1],
    ],
    'Drop with duplicated_<n>_n_grams when code points in repeated n-grams (joined without separator, each ' +
      'repeat skipped past) / len(text) is above.',
  ),
  keep_stats: z
    .boolean()
    .default(false)
    .describe('Also store every measured fraction under `dm.gopher_repetition` (computes all rules).'),
});

type Options = z.output<typeof options>;

/** Python `str.strip()` bounds of `text`: [start, end). */
function stripBounds(text: string): [number, number] {
  let a = 0;
  let b = text.length;
  while (a < b && isPySpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isPySpaceCode(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Collects the first failing rule; with `stats`, keeps measuring every rule for `dm`. */
class Verdict {
  failed: [string, number] | undefined;
  constructor(readonly stats: Record<string, number | null> | undefined) {}

  /** Records `value` against `limit` (falsy: rule off); true when the caller may stop measuring. */
  check(reason: string, value: number, limit: number | null): boolean {
    if (this.stats !== undefined) this.stats[reason] = value;
    if (this.failed === undefined && limit && value > limit) this.failed = [reason, value];
    return this.failed !== undefined && this.stats === undefined;
  }
}

/** Runs the SPEC's rules (b2) in order on one non-empty document. */
function evaluate(doc: Doc, o: Options, ngrams: NgramStats, dup: PieceDuplicates, v: Verdict): void {
  const a = analyze(doc);
  const text = a.text;
  // Tokens first: the scan also measures Python len(text) and, when it runs here, the n-gram hashes.
  const hashed = a.scanHashed(ngrams.prefixFor(text.length));
  const meta = a.tokenMeta;
  const len = a.length;
  const [from, to] = stripBounds(text);
  dup.scan(text, from, to, 2);
  if (v.check('dup_para_frac', dup.count / dup.pieces, o.dup_para_frac)) return;
  if (v.check('dup_para_char_frac', dup.chars / len, o.dup_para_char_frac)) return;
  dup.scan(text, 0, text.length, 1);
  if (v.check('dup_line_frac', dup.count / dup.pieces, o.dup_line_frac)) return;
  if (v.check('dup_line_char_frac', dup.chars / len, o.dup_line_char_frac)) return;
  const tops = o.top_n_grams;
  const dups = o.dup_n_grams;
  const stats = v.stats !== undefined;
  const m = ngrams.measure(text, a.spans, a.wordCount, meta, hashed, tops, dups, len, stats);
  for (let k = 0; k < tops.length; k++) {
    const [n, limit] = tops[k]!;
    const chars = m[1 + k]!;
    // NaN: without stats only the verdict matters, and the rule's word-count bound shows it cannot fire.
    if (Number.isNaN(chars)) continue;
    if (chars < 0) {
      if (stats) v.stats![`top_${n}_gram`] = null;
      continue;
    }
    if (v.check(`top_${n}_gram`, chars / len, limit)) return;
  }
  for (let k = 0; k < dups.length; k++) {
    const [n, limit] = dups[k]!;
    if (v.check(`duplicated_${n}_n_grams`, m[1 + tops.length + k]! / len, limit)) return;
  }
}

export default defineStage({
  name: 'filter-gopher-repetition',
  kind: 'map',
  description:
    'Gopher repetition rules (SPEC-filters.md (b2), DataTrove GopherRepetitionFilter): duplicate paragraphs and ' +
    'lines (by count and by characters), most common 2-4-grams, duplicated 5-10-grams. Reasons: dup_para_frac, ' +
    'dup_para_char_frac, dup_line_frac, dup_line_char_frac, top_<n>_gram, duplicated_<n>_n_grams, empty ' +
    '(empty text); the value is the failing fraction.',
  options,
  preservesRow: () => true,
  create(o) {
    const ngrams = new NgramStats();
    const dup = new PieceDuplicates();
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          if (doc.text === '') {
            if (o.keep_stats) dmOf(doc).gopher_repetition = {};
            ctx.drop(doc, 'empty', 0);
            continue;
          }
          const v = new Verdict(o.keep_stats ? {} : undefined);
          evaluate(doc, o, ngrams, dup, v);
          if (v.stats !== undefined) dmOf(doc).gopher_repetition = v.stats;
          if (v.failed === undefined) kept.push(doc);
          else ctx.drop(doc, v.failed[0], v.failed[1]);
        }
        return kept;
      },
    };
  },
});
