/**
 * Sentence scoring in passes by n-gram length instead of word by word: pass `len` looks up, for every
 * position at once, the n-gram of length `len` ending there. The lookups of one pass do not depend on each
 * other, so the CPU overlaps their cache misses (the model's tables are far larger than the caches); the
 * word-by-word state machine (`HashedModel.next`) waits for each miss in turn. Same values as KenLM's
 * `FullScore` chain: an n-gram is used only when its context is in the state (found at the previous
 * position) and its suffix was found (suffixes are closed under blanks, see model.ts).
 */
import { BLANK_PROB, extendHi, extendLo, fixLo, type NgramTable, startHi, startLo } from './query.js';

export interface ScoreTables {
  order: number;
  uniProb: Float32Array;
  uniBo: Float32Array;
  /** Index = n-gram length (2..order). */
  tables: NgramTable[];
}

export class SentenceScorer {
  private cap = 0;
  private seq = new Int32Array(0);
  private hi = new Uint32Array(0);
  private lo = new Uint32Array(0);
  /** Longest n-gram found ending at each position (the KenLM state length before capping). */
  private found = new Uint8Array(0);
  /** Longest real (non-blank) n-gram ending at each position, and its log10 prob. */
  private real = new Uint8Array(0);
  private prob = new Float32Array(0);
  /** Per length 2..order: entry offset of the n-gram ending at each position (valid when found >= len). */
  private at: Int32Array[] = [];

  constructor(private readonly m: ScoreTables) {}

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    this.cap = cap;
    this.seq = new Int32Array(cap);
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.found = new Uint8Array(cap);
    this.real = new Uint8Array(cap);
    this.prob = new Float32Array(cap);
    this.at = [];
    for (let len = 0; len <= this.m.order; len++) this.at.push(new Int32Array(len >= 2 ? cap : 0));
  }

  /** log10 P of `<s> ids[0..count) </s>`, summed in float as KenLM's python `score` does. */
  score(ids: ArrayLike<number>, count: number, bos: number, eos: number): number {
    const { order, uniProb, uniBo, tables } = this.m;
    const n = count + 2;
    this.ensure(n);
    const { seq, hi, lo, found, real, prob } = this;
    seq[0] = bos;
    for (let i = 0; i < count; i++) seq[i + 1] = ids[i] as number;
    seq[n - 1] = eos;
    for (let p = 0; p < n; p++) {
      const w = seq[p] as number;
      hi[p] = startHi(w);
      lo[p] = fixLo(startLo(w));
      found[p] = 1;
      real[p] = 1;
      prob[p] = uniProb[w] as number;
    }
    for (let len = 2; len <= order; len++) this.pass(len, n, tables[len] as NgramTable);
    let total = 0;
    for (let p = 1; p < n; p++) {
      const ctxLen = Math.min(found[p - 1] as number, order - 1);
      let pr = prob[p] as number;
      for (let j = real[p] as number; j <= ctxLen; j++) {
        const bo =
          j === 1
            ? uniBo[seq[p - 1] as number]
            : (tables[j] as NgramTable).f[(this.at[j] as Int32Array)[p - 1]! + 3];
        pr = Math.fround(pr + (bo as number));
      }
      total = Math.fround(total + pr);
    }
    return total;
  }

  /** Looks up the n-grams of length `len` ending at each position whose suffix and context were found. */
  private pass(len: number, n: number, table: NgramTable): void {
    const { seq, hi, lo, found, real, prob } = this;
    const at = this.at[len] as Int32Array;
    const f = table.f;
    const need = len - 1;
    for (let p = need; p < n; p++) {
      if ((found[p] as number) < need || (found[p - 1] as number) < need) continue;
      const w = seq[p - need] as number;
      const h = extendHi(hi[p] as number, w);
      const l = fixLo(extendLo(lo[p] as number, w));
      hi[p] = h;
      lo[p] = l;
      const e = table.find(h, l);
      if (e < 0) continue;
      at[p] = e;
      found[p] = len;
      const pr = f[e + 2] as number;
      if (pr !== BLANK_PROB) {
        real[p] = len;
        prob[p] = pr;
      }
    }
  }
}
