/**
 * filter-c4's line loop in the native addon (src/native/c4_lines.cc): the same rules in the same order over
 * the text's splitlines() lines, in one call per document without building line strings. `c4Lines` in
 * filter-c4.ts stays the reference and the fallback: without the addon, when lines are sentences
 * (`split_paragraph: false`), and for a text with a line whose citations may be removed (the native loop
 * hands those back). test/native/c4-lines.test.ts requires both to give the same results and
 * tallies.
 */
import { nativeAddon } from '../native/addon.js';
import { nativeText } from '../native/loaded-text.js';
import { strip } from '../text/scan.js';

/** The options the line loop reads (filter-c4's, by their recipe names). */
export interface C4LineOptions {
  split_paragraph: boolean;
  remove_citations: boolean;
  filter_no_terminal_punct: boolean;
  min_num_sentences: number;
  min_words_per_line: number;
  max_word_length: number;
  filter_lorem_ipsum: boolean;
  filter_javascript: boolean;
  filter_curly_bracket: boolean;
  filter_policy: boolean;
}

/** filter-c4.ts C4Result. */
export type C4LinesResult =
  | { drop: 'lorem_ipsum' | 'curly_bracket'; line: number; lines: number; kept: number; sentences: number }
  | { drop: 'too_few_sentences' | null; text: string; lines: number; kept: number; sentences: number };

/** Runs the loop on `text`, adding to `tally` (LINE_COUNTERS order); undefined: use the TypeScript loop. */
export type C4NativeLines = (
  text: string,
  tally: Float64Array,
  needles: boolean,
) => C4LinesResult | undefined;

const OUTCOMES = ['kept', 'lorem_ipsum', 'curly_bracket', 'too_few_sentences'] as const;

/** The native loop for these options and needles, or undefined (no addon, or sentences instead of lines). */
export function nativeC4Lines(o: C4LineOptions, policy: readonly string[]): C4NativeLines | undefined {
  const addon = nativeAddon();
  // The native needle test relies on no needle ending in "i" (see c4_lines.h).
  if (addon === undefined || !o.split_paragraph || policy.some((p) => p.endsWith('i'))) return undefined;
  const flags = Int32Array.from([
    +o.remove_citations,
    +o.filter_no_terminal_punct,
    +o.filter_lorem_ipsum,
    +o.filter_javascript,
    +o.filter_curly_bracket,
    +o.filter_policy,
    o.min_words_per_line,
    o.max_word_length,
    o.min_num_sentences,
  ]);
  const config = addon.c4Config(flags, ['lorem ipsum', 'javascript', ...policy]);
  const out = new Float64Array(12);
  let ranges = new Int32Array(1 << 12);
  return (text, tally, needles) => {
    if (ranges.length < 2 * (text.length + 1)) ranges = new Int32Array(4 * (text.length + 1));
    if (addon.c4Lines(nativeText(addon, text), config, needles, ranges, out) !== 0 || out[0] === -1)
      return undefined;
    for (let k = 0; k < tally.length; k++) tally[k] = tally[k]! + out[5 + k]!;
    const outcome = OUTCOMES[out[0]!]!;
    const common = { lines: out[2]!, kept: out[3]!, sentences: out[4]! };
    if (outcome === 'lorem_ipsum' || outcome === 'curly_bracket')
      return { drop: outcome, line: out[1]!, ...common };
    if (outcome === 'too_few_sentences') return { drop: outcome, text: '', ...common };
    // Every line kept as it was: the text itself, so later stages keep its analysis (its word count, say).
    if (tilesText(ranges, common.kept, text)) return { drop: null, text, ...common };
    const kept = new Array<string>(common.kept);
    for (let k = 0; k < kept.length; k++) kept[k] = text.slice(ranges[2 * k], ranges[2 * k + 1]);
    return { drop: null, text: strip(kept.join('\n')), ...common };
  };
}

/**
 * True when the `count` kept line ranges cover `text` exactly, one '\n' between each two: joining them with
 * '\n' gives `text` back, and stripping changes nothing (kept lines are stripped and not empty).
 */
function tilesText(ranges: Int32Array, count: number, text: string): boolean {
  if (count === 0 || ranges[0] !== 0 || ranges[2 * count - 1] !== text.length) return false;
  for (let k = 0; k + 1 < count; k++) {
    const end = ranges[2 * k + 1]!;
    if (ranges[2 * k + 2] !== end + 1 || text.charCodeAt(end) !== 10) return false;
  }
  return true;
}
