import { type Doc, dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { analyze } from '../text/analysis.js';
import { NgramStats } from '../text/ngrams.js';
import { cpLength, isPySpaceCode } from '../text/python.js';
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

/** DataTrove `find_duplicates`: later occurrences counted, and their code points summed. */
export function findDuplicates(xs: readonly string[], seen = new Set<string>()): [number, number] {
  seen.clear();
  let count = 0;
  let chars = 0;
  for (const x of xs) {
    if (seen.has(x)) {
      count++;
      chars += cpLength(x);
    } else seen.add(x);
  }
  return [count, chars];
}

/**
 * `findDuplicates` of the pieces of `text[from, to)` split at runs of at least `minRun` newlines
 * (`re.split(r"\n+")`: minRun 1; `re.split(r"\n{2,}")`: minRun 2), read in place: pieces are hashed
 * while scanning and a hash match is verified by comparing characters, so no piece string is built.
 * Separators come from indexOf and pieces are hashed on a sample of their units: the whole filter on
 * 20 MB of ../shared/data/web went from ~33 (splits + Set<string>, then a hashing char loop) to ~40 MB/s
 * (`node /tmp/gbench/bench.mjs <dist> 20`, Node 20, loaded 2-CPU host; 20.3 MB/s before this work).
 */
export class PieceDuplicates {
  /** Slots [generation, hash, start, end]. */
  private table = new Int32Array(4 * 256);
  private mask = 255;
  private used = 0;
  private gen = 0;
  pieces = 0;
  count = 0;
  chars = 0;
  /** Hash and length matches that differed (see scan). */
  private misses = 0;

  scan(text: string, from: number, to: number, minRun: 1 | 2): void {
    this.scanWith(text, from, to, minRun, sampleHash);
    // Pieces equal on the sample but not in full (fixed-width records differing mid-line) would make the
    // comparisons quadratic: past a few, hash every unit instead.
    if (this.misses > 64) this.scanWith(text, from, to, minRun, fullHash);
  }

  private scanWith(text: string, from: number, to: number, minRun: 1 | 2, hash: typeof fullHash): void {
    this.misses = 0;
    this.pieces = 0;
    this.count = 0;
    this.chars = 0;
    this.used = 0;
    if (++this.gen === 0x40000000) {
      this.table.fill(0);
      this.gen = 1;
    }
    // Separators found by the engine's indexOf; pieces hashed on a sample of their characters (the
    // hash only has to make equal pieces meet: candidates are compared in full).
    const separator = minRun === 1 ? '\n' : '\n\n';
    let start = from;
    for (;;) {
      const k = text.indexOf(separator, start);
      if (k < 0 || k + minRun > to) break;
      this.piece(text, start, k, hash(text, start, k));
      let e = k + minRun;
      while (e < to && text.charCodeAt(e) === 10) e++;
      start = e;
    }
    this.piece(text, start, to, hash(text, start, to));
  }

  private piece(text: string, start: number, end: number, h: number): void {
    this.pieces++;
    const len = end - start;
    let t = this.table;
    let s = fmix(h) & this.mask;
    for (;;) {
      const at = 4 * s;
      if (t[at] !== this.gen) break;
      if (t[at + 1] === h && t[at + 3]! - t[at + 2]! === len) {
        if (sameRange(text, t[at + 2]!, start, len)) {
          this.count++;
          this.chars += cpLength(text.slice(start, end));
          return;
        }
        this.misses++;
      }
      s = (s + 1) & this.mask;
    }
    if (2 * (this.used + 1) > this.mask + 1) {
      this.rehash();
      t = this.table;
      s = fmix(h) & this.mask;
      while (t[4 * s] === this.gen) s = (s + 1) & this.mask;
    }
    const at = 4 * s;
    t[at] = this.gen;
    t[at + 1] = h;
    t[at + 2] = start;
    t[at + 3] = end;
    this.used++;
  }

  /** Doubles the table twice, reinserting the current generation's slots. */
  private rehash(): void {
    const old = this.table;
    const size = 4 * (this.mask + 1);
    const t = new Int32Array(4 * size);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] !== this.gen) continue;
      let s = fmix(old[at + 1]!) & mask;
      while (t[4 * s] === this.gen) s = (s + 1) & mask;
      t.set(old.subarray(at, at + 4), 4 * s);
    }
    this.table = t;
    this.mask = mask;
  }
}

/** Hash of the length, the first and last 16 code units and 16 between (all units of a short piece). */
function sampleHash(text: string, a: number, b: number): number {
  const len = b - a;
  let h = len;
  if (len <= 48) {
    for (let k = a; k < b; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
    return h;
  }
  for (let k = a; k < a + 16; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  const step = Math.floor((len - 32) / 16);
  for (let j = 0, k = a + 16; j < 16; j++, k += step) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  for (let k = b - 16; k < b; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  return h;
}

/** Hash of every code unit. */
function fullHash(text: string, a: number, b: number): number {
  let h = b - a;
  for (let k = a; k < b; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  return h;
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Python `len(text)`: code units minus surrogate pairs (cpLength, after a search for a high surrogate). */
function pyLength(text: string): number {
  const first = text.search(HIGH_SURROGATE);
  if (first < 0) return text.length;
  return first + cpLength(text.slice(first));
}

function sameRange(text: string, a: number, b: number, len: number): boolean {
  for (let j = 0; j < len; j++) if (text.charCodeAt(a + j) !== text.charCodeAt(b + j)) return false;
  return true;
}

/** murmur3's 32-bit finalizer. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

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
  const len = pyLength(text);
  const [from, to] = stripBounds(text);
  dup.scan(text, from, to, 2);
  if (v.check('dup_para_frac', dup.count / dup.pieces, o.dup_para_frac)) return;
  if (v.check('dup_para_char_frac', dup.chars / len, o.dup_para_char_frac)) return;
  dup.scan(text, 0, text.length, 1);
  if (v.check('dup_line_frac', dup.count / dup.pieces, o.dup_line_frac)) return;
  if (v.check('dup_line_char_frac', dup.chars / len, o.dup_line_char_frac)) return;
  ngrams.loadSpans(a.text, a.spans, a.wordCount);
  for (const [n, limit] of o.top_n_grams) {
    // Without stats only the verdict matters: skip a rule that its word-count bound shows cannot fire.
    if (v.stats === undefined && (!limit || ngrams.topNgramBound(n) / len <= limit)) continue;
    const chars = ngrams.topNgramChars(n);
    if (chars < 0) {
      if (v.stats !== undefined) v.stats[`top_${n}_gram`] = null;
      continue;
    }
    if (v.check(`top_${n}_gram`, chars / len, limit)) return;
  }
  for (const [n, limit] of o.dup_n_grams) {
    if (v.check(`duplicated_${n}_n_grams`, ngrams.duplicatedNgramChars(n) / len, limit)) return;
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
