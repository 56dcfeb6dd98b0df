/**
 * Counting of highest-order n-grams, lmplz's step 1 (lm/builder/corpus_count.cc): each sentence is padded
 * with order−1 `<s>` in front and one `</s>` at the end, and every window of `order` ids is counted in a
 * bounded open-addressing table. A full table is sorted in suffix order and spilled as a run; the runs are
 * merged (equal n-grams summed by the reader of the cursor) before adjusted counts.
 */

import { type RecordCursor, RecordSorter, suffixCompare } from './sorter.js';
import { BOS, EOS } from './vocab.js';

/** lmplz's probing tables run at a similar fill; higher fills make probe chains long. */
const MAX_LOAD = 0.7;

export class NgramCounter {
  private readonly w: number;
  private readonly table: Uint32Array;
  private readonly mask: number;
  private readonly limit: number;
  private used = 0;
  private readonly sorter: RecordSorter;
  private window: Uint32Array;
  /** Tokens counted (words plus one `</s>` per sentence, as lmplz's "Unigram tokens"). */
  tokens = 0;
  sentences = 0;
  spills = 0;

  /** `budgetBytes` bounds the table (each slot holds `order` ids and a count). */
  constructor(
    readonly order: number,
    budgetBytes: number,
    tmpDir: string,
  ) {
    this.w = order + 1;
    // The sort index at spill time takes 4 more bytes per used slot: count it in the slot size.
    let slots = 1 << 4;
    while (slots * 2 * (4 * this.w + 4 * MAX_LOAD) <= budgetBytes) slots *= 2;
    this.table = new Uint32Array(slots * this.w);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * MAX_LOAD);
    this.sorter = new RecordSorter(this.w, suffixCompare(order), 0, tmpDir);
    this.window = new Uint32Array(64);
  }

  /** Counts one sentence of word ids `ids[0..n)` (no specials in it). */
  addSentence(ids: ArrayLike<number>, n: number): void {
    const pad = this.order - 1;
    const len = pad + n + 1;
    if (this.window.length < len) this.window = new Uint32Array(len * 2);
    const win = this.window;
    for (let i = 0; i < pad; i++) win[i] = BOS;
    for (let i = 0; i < n; i++) win[pad + i] = ids[i]!;
    win[pad + n] = EOS;
    for (let end = pad; end < len; end++) this.insert(win, end - pad);
    this.tokens += n + 1;
    this.sentences++;
  }

  private insert(win: Uint32Array, at: number): void {
    const w = this.w;
    const order = this.order;
    let h = 0x9e3779b9 | 0;
    for (let i = 0; i < order; i++) h = Math.imul(h ^ win[at + i]!, 0x85ebca6b) ^ (h >>> 13);
    h ^= h >>> 16;
    const table = this.table;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const base = slot * w;
      if (table[base + order] === 0) {
        for (let i = 0; i < order; i++) table[base + i] = win[at + i]!;
        table[base + order] = 1;
        if (++this.used >= this.limit) this.spill();
        return;
      }
      let same = true;
      for (let i = 0; i < order; i++)
        if (table[base + i] !== win[at + i]) {
          same = false;
          break;
        }
      if (same) {
        table[base + order]!++;
        return;
      }
    }
  }

  /** Moves the used slots to the front of the table (records) and returns how many there are. */
  private compact(): number {
    const { table, w } = this;
    let n = 0;
    for (let s = 0; s * w < table.length; s++) {
      if (table[s * w + this.order] === 0) continue;
      if (n !== s) table.copyWithin(n * w, s * w, s * w + w);
      n++;
    }
    return n;
  }

  private spill(): void {
    const n = this.compact();
    this.sorter.spill(this.table, n);
    this.table.fill(0);
    this.used = 0;
    this.spills++;
  }

  /** Records written to sorted runs on disk so far. */
  get spilledRecords(): number {
    return this.sorter.spilledRecords;
  }

  /** All counted n-grams in suffix order; equal n-grams from different runs come out adjacent. */
  finish(): RecordCursor {
    const n = this.compact();
    return this.sorter.finish(this.table, n);
  }
}
