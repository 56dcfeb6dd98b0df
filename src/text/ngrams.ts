import { nativeAddon } from '../native/addon.js';
import { nativeText } from '../native/loaded-text.js';
import { fmix32 } from './hash.js';
import { NgramDoc } from './ngram-doc.js';
import { GramTable, grow, KEY, LIST_N } from './ngram-hash.js';
import { sameChars, sameWords } from './ngram-match.js';
import { RepeatMarks } from './ngram-prune.js';

/**
 * Word n-gram statistics of Gopher repetition (SPEC-filters.md (b2)), exact to the reference's string
 * semantics without building one string per n-gram:
 * - top n-grams compare `" ".join(words)`: tokens never contain U+0020 and are never empty, so two
 *   n-grams join to the same string exactly when their word sequences are equal (compared word by word);
 * - duplicated n-grams compare `"".join(words)`, where `["ab","c"]` equals `["a","bc"]`: n-grams are
 *   hashed as the polynomial hash of their concatenated characters and hash matches are verified by
 *   comparing those characters, so equality is string equality.
 * Fast path: n-grams that occur once cannot change any statistic (a duplicated-n-gram scan neither finds
 * nor is later found by them; a top n-gram is one of them only when all occur once), so the passes only
 * visit tokens where a repeat is possible (ngram-prune.ts): the concatenation's first KEY = 16 code units
 * from the token may be shared with another token start (sound for both joins: equal n-grams have equal
 * concatenations, and an n-gram under 16 units is always visited), and for top n-grams n words that may
 * repeat follow. Typically 6% of web tokens pass the 16-unit test. Without keep_stats the filter also
 * skips a top n-gram rule when topNgramBound (word counts) shows it cannot fire.
 * One instance per processor: its typed arrays grow to the largest document and are reused.
 */
export class NgramStats {
  private readonly doc = new NgramDoc();
  private grams = new GramTable();
  /** Distinct n-grams in first-insertion order (top n-grams): start token, occurrences. */
  private dStart = new Int32Array(1024);
  private dCount = new Int32Array(1024);
  private marks = new RepeatMarks();
  private marked = false;
  /** Tokens that can start a LIST_N-gram occurring twice (listTokens), ascending. */
  private list = new Int32Array(1024);
  private listLength = 0;

  /** measure's rules as the native call takes them, for the last rule lists seen. */
  private rules?: {
    tops: readonly (readonly [number, number | null])[];
    dups: readonly (readonly [number, number | null])[];
    topArgs: Float64Array;
    dupArgs: Int32Array;
    out: Float64Array;
  };

  /**
   * Every n-gram statistic filter-gopher-repetition decides on, for one document (arguments as loadSpans):
   * out[0] the word weight bound (topNgramBound(n) = n · out[0]); then per `tops` rule [n, limit] its
   * topNgramChars(n), NaN when skipped (without `stats`, a rule that is off or whose bound / `len` cannot
   * exceed its limit); then per `dups` rule [n, limit] its duplicatedNgramChars(n). The returned array is reused.
   * In one native call when the addon is built (src/native/ngram_stats.cc, tested equal; `useNative` false:
   * never): these passes took 6% of the FineWeb chain's CPU time on one core in TypeScript.
   */
  measure(
    text: string,
    spans: Int32Array,
    count: number,
    meta: Int32Array,
    hashed: boolean,
    tops: readonly (readonly [number, number | null])[],
    dups: readonly (readonly [number, number | null])[],
    len: number,
    stats: boolean,
    useNative = true,
  ): Float64Array {
    const r = this.rulesFor(tops, dups);
    const out = r.out;
    const addon = useNative ? nativeAddon() : undefined;
    if (addon !== undefined) {
      const H = this.doc.prefixFor(text.length);
      const done = addon.ngramStats(
        nativeText(addon, text),
        spans,
        meta,
        count,
        H,
        hashed,
        r.topArgs,
        stats,
        len,
        r.dupArgs,
        out,
      );
      if (done === 0) return out;
    }
    this.loadSpans(text, spans, count, meta, hashed);
    out[0] = this.mark().maxWordWeight;
    for (let k = 0; k < tops.length; k++) {
      const [n, limit] = tops[k]!;
      const skip = !stats && (!limit || this.topNgramBound(n) / len <= limit);
      out[1 + k] = skip ? Number.NaN : this.topNgramChars(n);
    }
    for (let k = 0; k < dups.length; k++) out[1 + tops.length + k] = this.duplicatedNgramChars(dups[k]![0]);
    return out;
  }

  private rulesFor(
    tops: readonly (readonly [number, number | null])[],
    dups: readonly (readonly [number, number | null])[],
  ) {
    if (this.rules?.tops !== tops || this.rules.dups !== dups) {
      this.rules = {
        tops,
        dups,
        topArgs: Float64Array.from(tops.flatMap(([n, limit]) => [n, limit ?? 0])),
        dupArgs: Int32Array.from(dups, ([n]) => n),
        out: new Float64Array(1 + tops.length + dups.length),
      };
    }
    return this.rules;
  }

  /** Loads a token list (tests, callers without spans): joined with spaces and read through spans. */
  load(words: readonly string[]): void {
    const spans = new Int32Array(2 * words.length);
    let at = 0;
    for (let k = 0; k < words.length; k++) {
      spans[2 * k] = at;
      at += words[k]!.length;
      spans[2 * k + 1] = at++;
    }
    this.loadSpans(words.join(' '), spans, words.length);
  }

  /**
   * The array to pass to TextAnalysis.scanHashed before loadSpans, sized for a text of `length` units:
   * the scan then computes the character hashes that loadSpans would otherwise compute in a second pass.
   */
  prefixFor(length: number): Int32Array {
    return this.doc.prefixFor(length);
  }

  /**
   * Loads one document's tokens as `[start, end)` pairs into `text` (TextAnalysis.spans); the statistics
   * below read them until the next load. `meta` (TextAnalysis.tokenMeta): each token's code points
   * (`meta >>> 2`); `hashed`: prefixFor's array already holds the text's hashes (TextAnalysis.scanHashed).
   */
  loadSpans(text: string, spans: Int32Array, count: number, meta?: Int32Array, hashed = false): void {
    this.doc.load(text, spans, count, meta, hashed);
    this.marked = false;
    if (this.list.length < count + 1) {
      const size = grow(count + 1);
      this.dStart = new Int32Array(size);
      this.dCount = new Int32Array(size);
      this.list = new Int32Array(size);
    }
  }

  /**
   * An upper bound of `topNgramChars(n)` from word counts alone: the top n-gram g occurs at most as often
   * as each of its words w_k, so len(g)·count(g) ≤ Σ_k (len(w_k) + 1)·count(w_k) ≤ n · max_w (len(w) + 1)·count(w).
   */
  topNgramBound(n: number): number {
    return n * this.mark().maxWordWeight;
  }

  /**
   * `len(g) * count(g)` for the most frequent `" ".join` n-gram `g` (ties: first inserted), in code
   * points; -1 when the document has fewer than `n` tokens (the reference then skips the rule).
   */
  topNgramChars(n: number): number {
    const doc = this.doc;
    const grams = doc.count - n + 1;
    if (grams <= 0) return -1;
    const { run, cand } = this.mark();
    const mask = this.grams.prepare(grams);
    const { table: t, gen } = this.grams;
    const { U, text, S } = doc;
    const { dStart, dCount } = this;
    let distinct = 0;
    for (let i = 0; i < grams; i++) {
      // Skips n-grams that occur once (see RepeatMarks): they cannot be the most common unless all occur once.
      if (run[i]! < n || (cand[i] === 0 && U[i + n]! - U[i]! >= KEY)) continue;
      const h = doc.gramHash(i, n);
      let s = fmix32(h) & mask;
      for (;;) {
        const at = 3 * s;
        if (t[at] !== gen) {
          t[at] = gen;
          t[at + 1] = h;
          t[at + 2] = distinct;
          dStart[distinct] = i;
          dCount[distinct++] = 1;
          break;
        }
        const d = t[at + 2]!;
        if (t[at + 1] === h && sameWords(text, S, dStart[d]!, i, n)) {
          dCount[d]!++;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    let best = 0;
    for (let d = 1; d < distinct; d++) if (dCount[d]! > dCount[best]!) best = d;
    // Every n-gram occurs once: the first one (token 0) wins the tie, whether or not it was visited.
    if (distinct === 0 || dCount[best] === 1) return doc.C[n]! + n - 1;
    const start = dStart[best]!;
    return (doc.C[start + n]! - doc.C[start]! + n - 1) * dCount[best]!;
  }

  /**
   * Characters (code points) in repeated `"".join` n-grams, scanning left to right and jumping past each
   * repeat (DataTrove `find_all_duplicate`); 0 when there are fewer than `n` tokens.
   */
  duplicatedNgramChars(n: number): number {
    const doc = this.doc;
    const grams = doc.count - n + 1;
    if (grams <= 0) return 0;
    const { cand } = this.mark();
    // From n = LIST_N on, only the listed tokens can start an n-gram that occurs twice (and are inserted).
    const listed = n >= LIST_N;
    const visits = listed ? this.listLength : grams;
    const mask = this.grams.prepare(visits);
    const { table: t, gen } = this.grams;
    const { U, text, S } = doc;
    const list = this.list;
    let repeated = 0;
    let i = 0;
    for (let v = 0; v < visits; v++) {
      const at = listed ? list[v]! : v;
      if (at < i) continue;
      if (at >= grams) break;
      // An n-gram that occurs once is neither found here nor found later: inserting it changes nothing.
      if (cand[at] === 0 && U[at + n]! - U[at]! >= KEY) continue;
      i = at;
      const h = doc.gramHash(i, n);
      let s = fmix32(h) & mask;
      let found = false;
      while (t[3 * s] === gen) {
        if (t[3 * s + 1] === h && sameChars(text, S, U, t[3 * s + 2]!, i, n)) {
          found = true;
          break;
        }
        s = (s + 1) & mask;
      }
      if (found) {
        repeated += doc.C[i + n]! - doc.C[i]!;
        i += n;
      } else {
        t[3 * s] = gen;
        t[3 * s + 1] = h;
        t[3 * s + 2] = i;
        i++;
      }
    }
    return repeated;
  }

  /** The document's repeat marks (computed on first use), and the list of tokens of listTokens. */
  private mark(): RepeatMarks {
    if (this.marked) return this.marks;
    this.marked = true;
    const { H, U, count, pow } = this.doc;
    this.marks.mark(H, U, count, pow);
    this.listTokens(this.marks.cand);
    return this.marks;
  }

  /** Lists the tokens i that can start a LIST_N-gram occurring twice: cand[i], or fewer than KEY units. */
  private listTokens(cand: Uint8Array): void {
    const { U, count } = this.doc;
    const list = this.list;
    let m = 0;
    for (let i = 0; i + LIST_N <= count; i++)
      if (cand[i] !== 0 || U[i + LIST_N]! - U[i]! < KEY) list[m++] = i;
    this.listLength = m;
  }
}
