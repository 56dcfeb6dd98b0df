/**
 * One token's input vector, computed from scratch: its UTF-8 bytes, fastText's word hash, and the sum of its
 * input rows (the word's own row, if any, then its char n-gram rows, as `Dictionary::getLine` and `initNgrams`
 * list them), added row by row in float32 as fastText's `hidden += row`. The token cache (token-cache.ts)
 * stores what this computes.
 */
import { BOW, EOW, fastTextHash, LABEL_PREFIX_BYTES, SubwordIds, startsWithBytes } from './dictionary.js';
import type { DictionaryData, FastTextArgs } from './model-file.js';

/** Row count that marks a label-like token (`__label__…`): not a word, contributes nothing. */
export const LABEL_LIKE = -1;

export class TokenRows {
  readonly sub: SubwordIds;
  /** fastText's hash of the last token encoded by `encode`. */
  hash = 0;
  /** UTF-8 bytes of the last encoded token, after a `<` at 0 (so `<` + bytes + `>` is one subarray). */
  private bytes = new Uint8Array(256);
  private len = 0;
  private rowIds = new Int32Array(1024);

  constructor(
    args: FastTextArgs,
    dict: DictionaryData,
    readonly input: Float32Array,
    private readonly dim: number,
  ) {
    this.sub = new SubwordIds(args, dict);
  }

  /**
   * Sums into out[off..off+dim) (overwriting it) the rows of the out-of-vocabulary token text[start..end);
   * returns the row count, or LABEL_LIKE. Sets `hash`.
   */
  oov(text: string, start: number, end: number, out: Float32Array, off: number): number {
    this.encode(text, start, end);
    if (startsWithBytes(this.bytes, 1, 1 + this.len, LABEL_PREFIX_BYTES)) return LABEL_LIKE;
    return this.sum(out, off, 0, this.subwords(0));
  }

  /** Like `oov` for dictionary word `wordId` (bytes `word`): its own row, then its n-grams (none for `</s>`). */
  word(word: Uint8Array, wordId: number, eos: boolean, out: Float32Array, off: number): number {
    this.setBytes(word);
    this.rowIds[0] = wordId;
    const n = eos || this.sub.maxn <= 0 ? 1 : this.subwords(1);
    return this.sum(out, off, 0, n);
  }

  /**
   * UTF-8 of text[start..end) as TextEncoder writes it (a lone surrogate becomes U+FFFD), into `bytes` from 1.
   * Hand-written so a cache miss allocates no substring.
   */
  private encode(text: string, start: number, end: number): void {
    if (this.bytes.length < 3 * (end - start) + 2) this.bytes = new Uint8Array(6 * (end - start) + 2);
    const b = this.bytes;
    let p = 1;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
        continue;
      }
      if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          b[p++] = 0xf0 | (c >> 18);
          b[p++] = 0x80 | ((c >> 12) & 0x3f);
          b[p++] = 0x80 | ((c >> 6) & 0x3f);
          b[p++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    }
    this.len = p - 1;
    this.hash = fastTextHash(b, 1, p);
  }

  private setBytes(word: Uint8Array): void {
    if (this.bytes.length < word.length + 2) this.bytes = new Uint8Array(2 * word.length + 2);
    this.bytes.set(word, 1);
    this.len = word.length;
    this.hash = fastTextHash(word);
  }

  /** Appends the char n-gram rows of `<` + bytes + `>` to rowIds from `at`; returns the new end. */
  private subwords(at: number): number {
    const len = this.len + 2;
    const b = this.bytes;
    b[0] = BOW;
    b[len - 1] = EOW;
    const need = at + len * Math.max(1, this.sub.maxn);
    if (this.rowIds.length < need) {
      const grown = new Int32Array(need * 2);
      grown.set(this.rowIds.subarray(0, at));
      this.rowIds = grown;
    }
    return this.sub.subwordRows(b, len, this.rowIds, at);
  }

  /** out[off..off+dim) = float32 sum of input rows rowIds[from..to), in order; returns the row count. */
  private sum(out: Float32Array, off: number, from: number, to: number): number {
    const dim = this.dim;
    const input = this.input;
    out.fill(0, off, off + dim);
    for (let r = from; r < to; r++) {
      const row = this.rowIds[r]! * dim;
      for (let d = 0; d < dim; d++) out[off + d] = out[off + d]! + input[row + d]!;
    }
    return to - from;
  }
}
