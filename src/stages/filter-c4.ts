import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { analyze } from '../text/analysis.js';
import { foldedNeedles, type NeedleTest } from '../text/folded-needles.js';
import { countWordsUpTo, hasLongWord, strip } from '../text/scan.js';
import { countSentences, splitSentences } from '../text/sentences.js';
import { type C4LinesResult, nativeC4Lines } from './_c4-native.js';
import { type BatchContext, defineStage } from './define.js';

/** DataTrove `c4_filters.py` constants (from TFDS `c4_utils.py`). `\d` is any Unicode digit in Python. */
const CITATION_RE = /\[\p{Nd}*\]|\[edit\]|\[citation needed\]/gu;
export const POLICY_SUBSTRINGS = [
  'terms of use',
  'privacy policy',
  'cookie policy',
  'uses cookies',
  'use of cookies',
  'use cookies',
];

const SRC = 'DataTrove C4QualityFilter default (c4_filters.py; Raffel et al. 2020, arxiv 1910.10683, §2.2)';

const options = z.strictObject({
  split_paragraph: z
    .boolean()
    .default(true)
    .describe(`Apply the line rules to lines (Python splitlines); false: to sentences (SPEC rule). ${SRC}.`),
  remove_citations: z
    .boolean()
    .default(true)
    .describe(`Remove Wikipedia citations ([1], [edit], [citation needed]) from kept lines. ${SRC}.`),
  filter_no_terminal_punct: z
    .boolean()
    .default(true)
    .describe(
      `Drop lines not ending in . ? ! " ' or ending in "...". ${SRC}; FineWeb sets false (examples/fineweb.py).`,
    ),
  min_num_sentences: z
    .number()
    .int()
    .min(-1)
    .default(5)
    .describe(
      `Drop the document (too_few_sentences) with fewer sentences in kept lines; -1 disables. ${SRC}.`,
    ),
  min_words_per_line: z
    .number()
    .int()
    .min(-1)
    .default(3)
    .describe(`Drop lines with fewer whitespace-separated words; -1 disables. ${SRC}.`),
  max_word_length: z
    .number()
    .int()
    .min(-1)
    .default(1000)
    .describe(`Drop lines with a word longer than this many code points; -1 disables. ${SRC}.`),
  filter_lorem_ipsum: z
    .boolean()
    .default(true)
    .describe(`Drop the document (lorem_ipsum) when a kept line contains "lorem ipsum". ${SRC}.`),
  filter_javascript: z.boolean().default(true).describe(`Drop lines containing "javascript". ${SRC}.`),
  filter_curly_bracket: z
    .boolean()
    .default(true)
    .describe(`Drop the document (curly_bracket) when a kept line contains "{". ${SRC}.`),
  filter_policy: z
    .boolean()
    .default(true)
    .describe(`Drop lines with "terms of use", "privacy policy", cookie phrases. ${SRC}.`),
  keep_stats: z
    .boolean()
    .default(false)
    .describe('Store dm.c4 = {lines, kept_lines, num_sentences} on every document (kept or dropped).'),
});

type Options = z.output<typeof options>;

/** C4's terminal-punctuation test: ends with . ? ! " ' and not with "...". */
export function hasTerminalPunct(line: string): boolean {
  const c = line.charCodeAt(line.length - 1);
  if (!(c === 0x2e || c === 0x3f || c === 0x21 || c === 0x22 || c === 0x27)) return false;
  return !line.endsWith('...');
}

/** Line counters named as DataTrove's `stat_update` calls. */
export const LINE_COUNTERS = [
  'line-total',
  'line-filter-too_long_word',
  'line-filter-no_terminal_punc',
  'line-filter-too_few_words',
  'line-filter-javascript',
  'line-filter-policy',
  'line-kept',
] as const;
enum L {
  total = 0,
  tooLongWord = 1,
  noTerminalPunc = 2,
  tooFewWords = 3,
  javascript = 4,
  policy = 5,
  kept = 6,
}

function inc(tally: Float64Array, i: number): void {
  tally[i] = (tally[i] ?? 0) + 1;
}

/** Outcome of the C4 rules on one text: a document-level drop, or the rewritten text. */
export type C4Result = C4LinesResult;

/** The lowercase substrings the enabled line rules look for, as one case-insensitive test (or none). */
function needlesOf(o: Options): NeedleTest | undefined {
  const out: string[] = [];
  if (o.filter_lorem_ipsum) out.push('lorem ipsum');
  if (o.filter_javascript) out.push('javascript');
  if (o.filter_policy) out.push(...POLICY_SUBSTRINGS);
  return foldedNeedles(out);
}

/**
 * False when no line of `text` can contain a needle after citation removal and lowercasing, so the line
 * loop may skip those tests. Lines are substrings of the text, citations never span a line break, and
 * every character whose toLowerCase is an ASCII letter (A-Z, the Kelvin sign) case-folds to it, so the
 * `iu` test (folded-needles.ts) matches whenever a lowercased line would (and sometimes more: only a
 * shortcut). It spares lowercasing every line: filter-c4 alone on 25 MB of the filter-stages bench corpus
 * went from 0.40 to 0.36 CPU s (best of 5, loaded 2-CPU host).
 */
export function mayHoldNeedle(o: Options, text: string, needles: NeedleTest | undefined): boolean {
  if (needles === undefined) return false;
  const plain = o.remove_citations && text.includes('[') ? text.replace(CITATION_RE, '') : text;
  return needles(plain);
}

/**
 * Runs C4QualityFilter's line loop (SPEC (b3) a–i) on `pieces`, adding to `tally` (indexed as LINE_COUNTERS);
 * `needles` false (mayHoldNeedle) skips the lorem ipsum, javascript and policy tests, which cannot match.
 */
export function c4Lines(
  o: Options,
  pieces: readonly string[],
  tally: Float64Array,
  needles = true,
): C4Result {
  let sentences = 0;
  const kept: string[] = [];
  for (let n = 0; n < pieces.length; n++) {
    let line = strip(pieces[n]!);
    // Words are counted on the line before citation removal, as DataTrove's `words = line.split()`.
    const raw = line;
    inc(tally, L.total);
    if (o.max_word_length !== -1 && hasLongWord(line, o.max_word_length)) {
      inc(tally, L.tooLongWord);
      continue;
    }
    if (o.remove_citations && line.includes('[')) line = line.replace(CITATION_RE, '');
    if (o.filter_no_terminal_punct && !hasTerminalPunct(line)) {
      inc(tally, L.noTerminalPunc);
      continue;
    }
    if (countWordsUpTo(raw, o.min_words_per_line) < o.min_words_per_line) {
      inc(tally, L.tooFewWords);
      continue;
    }
    const lower = needles ? line.toLowerCase() : '';
    if (needles && o.filter_lorem_ipsum && lower.includes('lorem ipsum'))
      return { drop: 'lorem_ipsum', line: n + 1, lines: pieces.length, kept: kept.length, sentences };
    if (needles && o.filter_javascript && lower.includes('javascript')) {
      inc(tally, L.javascript);
      continue;
    }
    if (o.filter_curly_bracket && line.includes('{'))
      return { drop: 'curly_bracket', line: n + 1, lines: pieces.length, kept: kept.length, sentences };
    if (needles && o.filter_policy && POLICY_SUBSTRINGS.some((p) => lower.includes(p))) {
      inc(tally, L.policy);
      continue;
    }
    if (o.min_num_sentences !== -1) sentences += o.split_paragraph ? countSentences(line) : 1;
    kept.push(line);
    inc(tally, L.kept);
  }
  const common = { lines: pieces.length, kept: kept.length, sentences };
  if (sentences < o.min_num_sentences) return { drop: 'too_few_sentences', text: '', ...common };
  return { drop: null, text: strip(kept.join(o.split_paragraph ? '\n' : ' ')), ...common };
}

function flush(tally: Float64Array, ctx: BatchContext): void {
  for (let i = 0; i < tally.length; i++) if (tally[i]! > 0) ctx.count(LINE_COUNTERS[i]!, tally[i]);
  tally.fill(0);
}

export default defineStage({
  name: 'filter-c4',
  kind: 'map',
  description:
    "C4's line and document rules, exactly DataTrove C4QualityFilter (SPEC-filters.md (b3)): drops lines with a " +
    'word over max_word_length, without terminal punctuation, with fewer than min_words_per_line words, ' +
    'mentioning javascript or a cookie/terms policy; drops the document for lorem ipsum (lorem_ipsum, value = ' +
    'line number) or "{" (curly_bracket, value = line number) on a surviving line, or fewer than ' +
    'min_num_sentences sentences (too_few_sentences, value = count); REWRITES kept documents to the kept ' +
    'lines joined by "\\n" and stripped. Counts line-filter-* like DataTrove, and doc-rewritten.',
  options,
  preservesRow: () => true,
  create(o) {
    const tally = new Float64Array(LINE_COUNTERS.length);
    const needles = needlesOf(o);
    const native = nativeC4Lines(o, POLICY_SUBSTRINGS);
    return {
      process(batch, ctx) {
        const out: Doc[] = [];
        let rewritten = 0;
        for (const doc of batch) {
          const holds = mayHoldNeedle(o, doc.text, needles);
          const r =
            native?.(doc.text, tally, holds) ??
            c4Lines(o, o.split_paragraph ? analyze(doc).lines : splitSentences(doc.text), tally, holds);
          if (o.keep_stats) dmOf(doc).c4 = { lines: r.lines, kept_lines: r.kept, num_sentences: r.sentences };
          if (r.drop === null) {
            if (r.text !== doc.text) {
              doc.text = r.text;
              rewritten++;
            }
            out.push(doc);
          } else ctx.drop(doc, r.drop, 'line' in r ? r.line : r.sentences);
        }
        flush(tally, ctx);
        if (rewritten > 0) ctx.count('doc-rewritten', rewritten);
        return out;
      },
    };
  },
});
