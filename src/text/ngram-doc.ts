import { BASE, grow, KEY, powers } from './ngram-hash.js';
import { tokenCodePoints } from './python.js';

/**
 * One document's tokens as the n-gram statistics read them (ngrams.ts): spans into the text and prefix
 * sums over the concatenated tokens. Arrays grow to the largest document and are reused.
 */
export class NgramDoc {
  text = '';
  /** Token k is `text[S[2k], S[2k + 1])`. */
  S: Int32Array = new Int32Array(0);
  count = 0;
  /**
   * H: polynomial hash of the first k code units of the concatenated tokens (index k, char level);
   * over tokens, index i = tokens [0, i): U code units, C code points. The hash of tokens [i, j) is
   * H[U[j]] - H[U[i]]·BASE^(U[j] - U[i]) (pow).
   */
  H = new Int32Array(4096);
  C = new Int32Array(1024);
  U = new Int32Array(1024);
  pow = powers(KEY + 1);

  /** H sized for a text of `length` units (TextAnalysis.scanHashed fills it). */
  prefixFor(length: number): Int32Array {
    if (this.H.length < length + 1) this.H = new Int32Array(grow(length + 1));
    return this.H;
  }

  /**
   * Loads `count` tokens of `text` as `[start, end)` pairs; `meta` (TextAnalysis.tokenMeta) gives each
   * token's code points (`meta >>> 2`); `hashed`: H already holds the text's hashes (scanHashed). Hashing
   * in the scan instead of here: 0.21 → 0.04 CPU s on 50 MB of the filter-stages corpus.
   */
  load(text: string, spans: Int32Array, count: number, meta: Int32Array | undefined, hashed: boolean): void {
    this.text = text;
    this.S = spans;
    this.count = count;
    if (this.U.length < count + 1) {
      this.C = new Int32Array(grow(count + 1));
      this.U = new Int32Array(grow(count + 1));
    }
    // Tokens are disjoint ranges of the text: the concatenation has at most text.length units.
    const H = hashed ? this.H : this.prefixFor(text.length);
    this.pow = powers(text.length + 1);
    const { C, U } = this;
    let h = 0;
    let u = 0;
    let c = 0;
    for (let i = 0; i < count; i++) {
      const start = spans[2 * i]!;
      const end = spans[2 * i + 1]!;
      if (hashed) u += end - start;
      else for (let k = start; k < end; k++) H[++u] = h = (Math.imul(h, BASE) + text.charCodeAt(k)) | 0;
      U[i + 1] = u;
      if (meta !== undefined) C[i + 1] = c += meta[i]! >>> 2;
    }
    if (meta === undefined) tokenCodePoints(text, spans, count, C);
  }

  /** Polynomial hash (mod 2^32) of the concatenated code units of tokens `[i, i + n)`. */
  gramHash(i: number, n: number): number {
    const a = this.U[i]!;
    const b = this.U[i + n]!;
    return (this.H[b]! - Math.imul(this.H[a]!, this.pow[b - a]!)) | 0;
  }
}
