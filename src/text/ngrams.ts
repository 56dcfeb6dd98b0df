import { fmix32 } from './hash.js';

/**
 * Word n-gram statistics of Gopher repetition (SPEC-filters.md (b2)), exact to the reference's string
 * semantics without building one string per n-gram:
 * - top n-grams compare `" ".join(words)`: tokens never contain U+0020 and are never empty, so two
 *   n-grams join to the same string exactly when their word sequences are equal (compared word by word);
 * - duplicated n-grams compare `"".join(words)`, where `["ab","c"]` equals `["a","bc"]`: n-grams are
 *   hashed as the polynomial hash of their concatenated characters and hash matches are verified by
 *   comparing those characters, so equality is string equality.
 * One instance per processor: its typed arrays grow to the largest document and are reused. On web text
 * (../shared/data/web) this runs the nine n-gram rules at ~47 MB/s of text against ~18 MB/s with interned word ids (Node 20).
 * Per token (2.08 M tokens of ../shared/data/web, Node 20): load 24 ns, each top n-gram pass ~20 ns more,
 * each duplicated n-gram pass ~12 ns more; the nine passes now dominate the filter.
 */
export class NgramStats {
  private text = '';
  /** Token k is `text[S[2k], S[2k + 1])`. */
  private S: Int32Array = new Int32Array(0);
  private count = 0;
  /**
   * Prefixes over tokens, index i = tokens [0, i): P polynomial hash of the concatenated code units,
   * Q = BASE^(units), R = its inverse (BASE is odd, so invertible mod 2^32), C code points, U code units.
   * The hash of tokens [i, j) is then P[j] - P[i]·Q[j]·R[i]: three multiplications whatever n is.
   */
  private P = new Int32Array(1024);
  private Q = new Int32Array(1024);
  private R = new Int32Array(1024);
  private C = new Int32Array(1024);
  private U = new Int32Array(1024);
  /** Open-addressing table, interleaved [generation, hash, ref] so a probe touches one cache line. */
  private table = new Int32Array(3 * 2048);
  private gen = 0;
  /** Distinct n-grams in first-insertion order (top n-grams): start token, occurrences. */
  private dStart = new Int32Array(1024);
  private dCount = new Int32Array(1024);

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
   * Loads one document's tokens as `[start, end)` pairs into `text` (TextAnalysis.spans); the statistics
   * below read them until the next load. Reading the text through spans instead of one string per token:
   * the nine rules on ../shared/data/web (20 MB, Node 20) went from 13.3 to 20.0 MB/s with tokenization (the whole filter).
   */
  loadSpans(text: string, spans: Int32Array, count: number): void {
    this.text = text;
    this.S = spans;
    this.count = count;
    if (this.P.length < count + 1) {
      const size = grow(count + 1);
      this.P = new Int32Array(size);
      this.Q = new Int32Array(size);
      this.R = new Int32Array(size);
      this.C = new Int32Array(size);
      this.U = new Int32Array(size);
      this.dStart = new Int32Array(size);
      this.dCount = new Int32Array(size);
    }
    const { P, Q, R, C, U } = this;
    let p = 0;
    let q = 1;
    let r = 1;
    let c = 0;
    let u = 0;
    for (let i = 0; i < count; i++) {
      const start = spans[2 * i]!;
      const end = spans[2 * i + 1]!;
      let prev = 0;
      for (let k = start; k < end; k++) {
        const unit = text.charCodeAt(k);
        p = (Math.imul(p, BASE) + unit) | 0;
        q = Math.imul(q, BASE);
        r = Math.imul(r, INV_BASE);
        // A low surrogate after a high one (in the same token) ends a code point already counted (Python len).
        if ((unit & 0xfc00) !== 0xdc00 || (prev & 0xfc00) !== 0xd800) c++;
        prev = unit;
      }
      u += end - start;
      P[i + 1] = p;
      Q[i + 1] = q;
      R[i + 1] = r;
      C[i + 1] = c;
      U[i + 1] = u;
    }
  }

  /**
   * `len(g) * count(g)` for the most frequent `" ".join` n-gram `g` (ties: first inserted), in code
   * points; -1 when the document has fewer than `n` tokens (the reference then skips the rule).
   */
  topNgramChars(n: number): number {
    const grams = this.count - n + 1;
    if (grams <= 0) return -1;
    const mask = this.prepareTable(grams);
    const t = this.table;
    const gen = this.gen;
    let distinct = 0;
    for (let i = 0; i < grams; i++) {
      const h = this.gramHash(i, n);
      let s = fmix32(h) & mask;
      for (;;) {
        const at = 3 * s;
        if (t[at] !== gen) {
          t[at] = gen;
          t[at + 1] = h;
          t[at + 2] = distinct;
          this.dStart[distinct] = i;
          this.dCount[distinct++] = 1;
          break;
        }
        const d = t[at + 2]!;
        if (t[at + 1] === h && this.sameWords(this.dStart[d]!, i, n)) {
          this.dCount[d]!++;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    let best = 0;
    for (let d = 1; d < distinct; d++) if (this.dCount[d]! > this.dCount[best]!) best = d;
    const start = this.dStart[best]!;
    return (this.C[start + n]! - this.C[start]! + n - 1) * this.dCount[best]!;
  }

  /**
   * Characters (code points) in repeated `"".join` n-grams, scanning left to right and jumping past each
   * repeat (DataTrove `find_all_duplicate`); 0 when there are fewer than `n` tokens.
   */
  duplicatedNgramChars(n: number): number {
    const grams = this.count - n + 1;
    if (grams <= 0) return 0;
    const mask = this.prepareTable(grams);
    const t = this.table;
    const gen = this.gen;
    let repeated = 0;
    let i = 0;
    while (i < grams) {
      const h = this.gramHash(i, n);
      let s = fmix32(h) & mask;
      let found = false;
      while (t[3 * s] === gen) {
        if (t[3 * s + 1] === h && this.sameChars(t[3 * s + 2]!, i, n)) {
          found = true;
          break;
        }
        s = (s + 1) & mask;
      }
      if (found) {
        repeated += this.C[i + n]! - this.C[i]!;
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

  /** Polynomial hash (mod 2^32) of the concatenated code units of tokens `[i, i + n)`. */
  private gramHash(i: number, n: number): number {
    const span = Math.imul(this.Q[i + n]!, this.R[i]!);
    return (this.P[i + n]! - Math.imul(this.P[i]!, span)) | 0;
  }

  /** True when tokens `[a, a + n)` and `[b, b + n)` are equal word by word. */
  private sameWords(a: number, b: number, n: number): boolean {
    const { S, text } = this;
    for (let k = 0; k < n; k++) {
      const sa = S[2 * (a + k)]!;
      const sb = S[2 * (b + k)]!;
      const len = S[2 * (a + k) + 1]! - sa;
      if (len !== S[2 * (b + k) + 1]! - sb) return false;
      for (let j = 0; j < len; j++) if (text.charCodeAt(sa + j) !== text.charCodeAt(sb + j)) return false;
    }
    return true;
  }

  /** True when tokens `[a, a + n)` and `[b, b + n)` concatenate to the same string. */
  private sameChars(a: number, b: number, n: number): boolean {
    const len = this.U[a + n]! - this.U[a]!;
    if (len !== this.U[b + n]! - this.U[b]!) return false;
    const { S, text } = this;
    // Cursors (position, end of its token) walk both concatenations; tokens are never empty.
    let wa = 2 * a;
    let wb = 2 * b;
    let pa = S[wa]!;
    let ea = S[wa + 1]!;
    let pb = S[wb]!;
    let eb = S[wb + 1]!;
    for (let left = len; left > 0; left--) {
      if (pa === ea) {
        wa += 2;
        pa = S[wa]!;
        ea = S[wa + 1]!;
      }
      if (pb === eb) {
        wb += 2;
        pb = S[wb]!;
        eb = S[wb + 1]!;
      }
      if (text.charCodeAt(pa++) !== text.charCodeAt(pb++)) return false;
    }
    return true;
  }

  /** Empties the table (by generation) with room for `grams` entries at load ≤ 1/2; returns the index mask. */
  private prepareTable(grams: number): number {
    let size = this.table.length / 3;
    if (size < grams * 2) {
      size = grow(grams * 2);
      this.table = new Int32Array(3 * size);
      this.gen = 0;
    }
    this.gen++;
    return size - 1;
  }
}

/** An odd multiplier for the character polynomial (the 32-bit golden ratio), and its inverse mod 2^32. */
const BASE = 0x9e3779b1 | 0;
const INV_BASE = (() => {
  // Newton's iteration x ← x(2 − BASE·x) doubles the correct low bits each step (3 → 6 → … → 48).
  let x = BASE;
  for (let k = 0; k < 5; k++) x = Math.imul(x, 2 - Math.imul(BASE, x));
  return x;
})();

/** The next power of two ≥ `n`. */
function grow(n: number): number {
  let size = 1024;
  while (size < n) size *= 2;
  return size;
}
