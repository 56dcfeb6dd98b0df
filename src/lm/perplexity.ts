/**
 * Document perplexity the cc_net way (facebookresearch/cc_net cc_net/perplexity.py `DocLM.do`): the text is
 * split on "\n", each line normalised (ccnet-normalize.ts) and scored as a KenLM sentence (`<s>` … `</s>`);
 * perplexity = 10^(−Σ log10 / Σ (words + 1)), rounded to 0.1 as cc_net's `round(pp(...), 1)`.
 * Deviation: cc_net scores SentencePiece pieces; we have no SentencePiece models, so tokens are the
 * whitespace-separated words of the normalised line (Python `str.split()`), which is what a word-level
 * ARPA model (e.g. one from `datamill lm train`) expects.
 */

import { isPySpaceCode } from '../text/python.js';
import { CCNET_DEFAULTS, type CcnetNormalizeOptions } from './ccnet-normalize.js';
import type { NgramModel } from './model.js';
import { asciiLineIds } from './perplexity-ascii.js';
import { unicodeLineIds } from './perplexity-unicode.js';

export interface PerplexityOptions extends CcnetNormalizeOptions {
  /** cc_net DocLM `normalize` (default true there). */
  normalize: boolean;
  /** cc_net scores every line, an empty one as `<s> </s>` (length 1); false skips lines empty after stripping. */
  score_empty_lines: boolean;
}

/** cc_net's DocLM with its normaliser's defaults (what filter-perplexity does by default). */
export const CCNET_PERPLEXITY: Readonly<PerplexityOptions> = {
  ...CCNET_DEFAULTS,
  normalize: true,
  score_empty_lines: false,
};

/** Sums of one document: Σ log10 P over its scored lines and Σ (words + 1). */
export interface DocScore {
  log10Prob: number;
  length: number;
}

/** Reusable id buffer per thread: scoring allocates no string per token. */
let ids = new Int32Array(1024);

/** Scores `text` line by line; `out` is filled and returned (no allocation per document). */
export function scoreDocument(
  model: NgramModel,
  text: string,
  o: PerplexityOptions,
  out: DocScore = { log10Prob: 0, length: 0 },
): DocScore {
  out.log10Prob = 0;
  out.length = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (o.normalize) normalizedLine(model, text, start, end, o, out);
    else scoreLine(model, text, start, end, o, out);
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/** Scores `text[start, end)` normalised the cc_net way, through the fused ASCII or Unicode path. */
function normalizedLine(
  model: NgramModel,
  text: string,
  start: number,
  end: number,
  o: PerplexityOptions,
  out: DocScore,
): void {
  for (;;) {
    let n = asciiLineIds(model, text, start, end, o.lowercase, o.digits_to_zero, ids);
    if (n < 0) {
      // Final sigma is the one lower-case mapping that depends on context: such lines are lowered whole.
      if (o.lowercase && hasCapitalSigma(text, start, end)) {
        const line = text.slice(start, end).toLowerCase();
        n = unicodeLineIds(model, line, 0, line.length, o, false, ids);
      } else n = unicodeLineIds(model, text, start, end, o, o.lowercase, ids);
    }
    if (n >= 0) {
      addLine(model, n, o, out);
      return;
    }
    // More words than the id buffer holds: grow it and rescan.
    ids = new Int32Array(ids.length * 2);
  }
}

function hasCapitalSigma(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x3a3) return true;
  return false;
}

/** Scores `line[start, end)` (end -1 = the whole string) split as Python `str.split()` splits. */
function scoreLine(
  model: NgramModel,
  line: string,
  start: number,
  end: number,
  o: PerplexityOptions,
  out: DocScore,
): void {
  const stop = end < 0 ? line.length : end;
  let n = 0;
  let i = start;
  while (i < stop) {
    while (i < stop && isPySpaceCode(line.charCodeAt(i))) i++;
    if (i === stop) break;
    const w = i;
    while (i < stop && !isPySpaceCode(line.charCodeAt(i))) i++;
    if (n === ids.length) {
      const grown = new Int32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    ids[n++] = model.wordIdSpan(line, w, i);
  }
  addLine(model, n, o, out);
}

/** Adds the sentence `ids[0..n)` to the document's sums. */
function addLine(model: NgramModel, n: number, o: PerplexityOptions, out: DocScore): void {
  if (n === 0 && !o.score_empty_lines) return;
  out.log10Prob += model.scoreIds(ids, n);
  out.length += n + 1;
}

/** 10^(−log10 / length): cc_net perplexity.py `pp`. Infinity for length 0. */
export function perplexity(log10Prob: number, length: number): number {
  return length === 0 ? Number.POSITIVE_INFINITY : 10 ** (-log10Prob / length);
}

/**
 * Python's `round(x, 1)`: correctly rounded from the exact binary value, ties to even. A binary double is an
 * exact tie at one decimal only when it is a multiple of 0.25 (x.25, x.75); `toFixed` handles the rest.
 */
export function roundPy1(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = x * 10;
  if (x * 4 === Math.trunc(x * 4) && Math.abs(t - Math.trunc(t)) === 0.5) {
    const f = Math.floor(t);
    return (f % 2 === 0 ? f : f + 1) / 10;
  }
  return Number(x.toFixed(1));
}

const scratch: DocScore = { log10Prob: 0, length: 0 };

/** The perplexity cc_net stores: rounded to 0.1; NaN when no line was scored (cc_net leaves it unset). */
export function documentPerplexity(model: NgramModel, text: string, o: PerplexityOptions): number {
  const s = scoreDocument(model, text, o, scratch);
  return s.length === 0 ? Number.NaN : roundPy1(perplexity(s.log10Prob, s.length));
}
