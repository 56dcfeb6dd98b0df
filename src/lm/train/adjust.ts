/**
 * Adjusted counts, lmplz's step 2 (lm/builder/adjust_counts.cc), computed in one pass over the highest-order
 * counts in suffix order. The highest order keeps raw counts; a lower-order n-gram gets the number of
 * distinct words seen to its left (its continuation count), except n-grams starting with `<s>`, which keep
 * their raw count. Padded windows with `<s>` in second position (`<s> <s> a`) stand for the lower-order
 * n-gram after the padding (`<s> a`) and are not highest-order entries.
 */
import { copyWords, type RecordCursor } from './order.js';
import type { RecordSorter } from './sorter.js';
import { BOS } from './vocab.js';

/** Counts of n-grams per order and t[order-1][c] = how many have adjusted count c (c < 5). */
export interface AdjustStats {
  counts: number[];
  t: number[][];
}

/**
 * Consumes `full` (order-N records `ids…, count`, suffix order, equal n-grams adjacent) and pushes every
 * order's entries `ids…, adjusted` to `out[order-1]`; unigram adjusted counts go to `unigram[id]` instead.
 */
export function adjustCounts(
  order: number,
  full: RecordCursor,
  out: RecordSorter[],
  unigram: Float64Array,
): AdjustStats {
  const stats: AdjustStats = {
    counts: new Array<number>(order).fill(0),
    t: Array.from({ length: order }, () => [0, 0, 0, 0, 0]),
  };
  const add = (k: number, count: number) => {
    stats.counts[k - 1]!++;
    if (count < 5) stats.t[k - 1]![count]!++;
  };
  // <unk> and <s> are unigrams with adjusted count 0 (adjust_counts.cc: "<unk> has count 0 and so does <s>").
  add(1, 0);
  add(1, 0);
  // low[k] holds the current order-k n-gram (k < order): its words, adjusted count and raw count.
  const lowIds = Array.from({ length: order }, (_, k) => new Uint32Array(k));
  const lowAdj = new Float64Array(order);
  const lowRaw = new Float64Array(order);
  let top = 0;
  const rec = new Uint32Array(order + 1);
  const emit = (k: number, count: number, statCount: number) => {
    add(k, statCount);
    if (k === 1) unigram[lowIds[1]![0]!] = count;
    else {
      rec.set(lowIds[k]!);
      rec[k] = count;
      out[k - 1]!.push(rec);
    }
  };
  const g = new Uint32Array(order);
  let pending = full.next();
  while (pending) {
    copyWords(g, 0, full.rec, 0, order);
    let c = full.rec[order]!;
    // Equal n-grams from different count runs are adjacent: sum them.
    while ((pending = full.next()) && sameWords(full.rec, g, order)) c += full.rec[order]!;
    if (order === 1) {
      unigram[g[0]!] = c;
      add(1, c);
      continue;
    }
    // How many trailing words g shares with the current top lower-order n-gram.
    let same = 0;
    const cur = lowIds[top]!;
    while (same < top && cur[top - 1 - same] === g[order - 1 - same]) same++;
    for (; top > same; top--) emit(top, lowAdj[top]!, lowAdj[top]!);
    for (let k = 1; k <= same; k++) lowRaw[k]! += c;
    if (same > 0) lowAdj[same]!++;
    let b = order - 1 - same;
    for (; b > 0 && g[b] !== BOS; b--) start(++top, b, 1, c);
    if (b > 0) start(++top, b, c, c);
    else {
      rec.set(g);
      rec[order] = c;
      out[order - 1]!.push(rec);
      add(order, c);
    }
  }
  // lmplz's final flush counts the raw count of the last n-gram of each lower order in the discount
  // statistics (adjust_counts.cc, "This outputs the last n-grams": `stats.Add(..., lower_count, ...)`); kept.
  for (let k = 1; k <= top; k++) emit(k, lowAdj[k]!, lowRaw[k]!);
  return stats;

  function start(k: number, from: number, adj: number, raw: number): void {
    copyWords(lowIds[k]!, 0, g, from, k);
    lowAdj[k] = adj;
    lowRaw[k] = raw;
  }
}

function sameWords(a: Uint32Array, b: Uint32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
