/**
 * Record layouts and sort orders of the trainer: fixed-width u32 records (n-gram word ids, then a payload)
 * in lmplz's suffix or context order (lm/common/compare.hh).
 */

/** Three-way comparison of the records at word offsets `ai` of `a` and `bi` of `b`. */
export type RecordCompare = (a: Uint32Array, ai: number, b: Uint32Array, bi: number) => number;

/** A sort order: the comparison (for merging runs) and the key words, least significant first (for sorting). */
export interface RecordOrder {
  compare: RecordCompare;
  lsd: readonly number[];
}

/** A pull-based view of records in sorted order: `rec` holds the current record after `next()` is true. */
export interface RecordCursor {
  readonly rec: Uint32Array;
  next(): boolean;
  close(): void;
}
/** Copies `n` words from `src[from..]` to `dst[to..]` (a loop: `subarray` would allocate a view per record). */
export function copyWords(dst: Uint32Array, to: number, src: Uint32Array, from: number, n: number): void {
  for (let i = 0; i < n; i++) dst[to + i] = src[from + i]!;
}

/** Suffix order (lmplz's SuffixOrder, lm/common/compare.hh): compare the n-gram's words last to first. */
export function suffixOrder(order: number): RecordOrder {
  return { compare: suffixCompare(order), lsd: Array.from({ length: order }, (_, i) => i) };
}

/** Context order (lmplz's ContextOrder): the context (all but the last word) last to first, then the last word. */
export function contextOrder(order: number): RecordOrder {
  return {
    compare: contextCompare(order),
    lsd: [order - 1, ...Array.from({ length: order - 1 }, (_, i) => i)],
  };
}

function suffixCompare(order: number): RecordCompare {
  return (a, ai, b, bi) => {
    for (let i = order - 1; i >= 0; i--) {
      const d = a[ai + i]! - b[bi + i]!;
      if (d !== 0) return d;
    }
    return 0;
  };
}

function contextCompare(order: number): RecordCompare {
  return (a, ai, b, bi) => {
    for (let i = order - 2; i >= 0; i--) {
      const d = a[ai + i]! - b[bi + i]!;
      if (d !== 0) return d;
    }
    return a[ai + order - 1]! - b[bi + order - 1]!;
  };
}
