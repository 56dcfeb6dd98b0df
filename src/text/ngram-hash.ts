/**
 * Shared constants and tables of the n-gram statistics (ngrams.ts): the character polynomial, its powers,
 * and table sizing.
 */

/** An odd multiplier for the character polynomial (the 32-bit golden ratio). */
export const BASE = 0x9e3779b1 | 0;

/** Tokens are keyed by the first KEY code units of the concatenation from them, for candidate pruning. */
export const KEY = 16;

/** Duplicated n-gram passes from this n on walk the list of candidate tokens (the SPEC's rules start at 5). */
export const LIST_N = 5;

let pow = new Int32Array(0);

/** `BASE^k mod 2^32` for k < size (at least): one table grown on demand and shared by every instance. */
export function powers(size: number): Int32Array {
  if (pow.length >= size) return pow;
  const next = new Int32Array(grow(Math.max(size, KEY + 1)));
  next[0] = 1;
  for (let k = 1; k < next.length; k++) next[k] = Math.imul(next[k - 1]!, BASE);
  pow = next;
  return pow;
}

/** The next power of two ≥ `n`, at least `min`. */
export function grow(n: number, min = 1024): number {
  let size = min;
  while (size < n) size *= 2;
  return size;
}

/**
 * Open-addressing table of the n-gram passes, slots interleaved [generation, hash, ref] so a probe touches
 * one cache line.
 */
export class GramTable {
  table = new Int32Array(3 * 2048);
  gen = 0;

  /**
   * Empties the table (by generation) and returns the index mask of its first slots with room for
   * `entries` at load ≤ 1/2. Every pass uses only the slots its document needs: indexing the whole table,
   * grown for the longest document so far, made each probe a cache miss.
   */
  prepare(entries: number): number {
    const size = grow(entries * 2, 64);
    if (this.table.length < 3 * size) {
      this.table = new Int32Array(3 * size);
      this.gen = 0;
    }
    // Generations tell the current entries apart; long before they wrap, the table restarts clean.
    if (++this.gen === 0x40000000) {
      this.table.fill(0);
      this.gen = 1;
    }
    return size - 1;
  }
}
