/**
 * Counting of highest-order n-grams, lmplz's step 1 (lm/builder/corpus_count.cc): each sentence is padded
 * with order−1 `<s>` in front and one `</s>` at the end, and every window of `order` ids is counted in a
 * bounded open-addressing table. A full table is sorted in suffix order and spilled as a run; the runs are
 * merged (equal n-grams summed by the reader of the cursor) before adjusted counts.
 */

import { type RecordCursor, suffixOrder } from './order.js';
import { RecordSorter } from './sorter.js';
import { BOS, EOS } from './vocab.js';

/** lmplz's probing tables run at a similar fill; higher fills make probe chains long. */
const MAX_LOAD = 0.7;

export class NgramCounter {
  private readonly w: number;
  private table: Uint32Array;
  private mask: number;
  private limit: number;
  private readonly maxSlots: number;
  private used = 0;
  private readonly sorter: RecordSorter;
  private window: Uint32Array;
  /** Words counted, without `</s>` (lmplz's "Unigram tokens", corpus_count.cc `token_count_`). */
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
    // The table starts small and doubles up to the budget; a doubling holds the old and the new table
    // (1.5× the final size) and a spill's radix sort a scratch copy of the used slots (1.7×): the larger counts.
    let slots = 1 << 4;
    while ((1 + MAX_LOAD) * slots * 2 * 4 * this.w <= budgetBytes) slots *= 2;
    this.maxSlots = slots;
    const initial = Math.min(slots, 1 << 16);
    this.table = new Uint32Array(initial * this.w);
    this.mask = initial - 1;
    this.limit = Math.floor(initial * MAX_LOAD);
    this.sorter = new RecordSorter(this.w, suffixOrder(order), 0, tmpDir);
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
    for (let end = pad; end < len; end++) this.insert(win, end - pad, 1);
    this.tokens += n;
    this.sentences++;
  }

  /** Adds `count` to the n-gram at `src[at..at+order)`. */
  private insert(src: Uint32Array, at: number, count: number): void {
    const { w, order, table } = this;
    let h = 0x9e3779b9 | 0;
    for (let i = 0; i < order; i++) h = Math.imul(h ^ src[at + i]!, 0x85ebca6b) ^ (h >>> 13);
    h ^= h >>> 16;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const base = slot * w;
      if (table[base + order] === 0) {
        for (let i = 0; i < order; i++) table[base + i] = src[at + i]!;
        table[base + order] = count;
        if (++this.used >= this.limit) this.makeRoom();
        return;
      }
      let same = true;
      for (let i = 0; i < order; i++)
        if (table[base + i] !== src[at + i]) {
          same = false;
          break;
        }
      if (same) {
        table[base + order]! += count;
        return;
      }
    }
  }

  private makeRoom(): void {
    if (this.mask + 1 >= this.maxSlots) {
      this.spill();
      return;
    }
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    this.table = new Uint32Array(slots * this.w);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * MAX_LOAD);
    this.used = 0;
    for (let base = 0; base < old.length; base += this.w)
      if (old[base + this.order] !== 0) this.insert(old, base, old[base + this.order]!);
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
