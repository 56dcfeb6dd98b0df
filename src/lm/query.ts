/**
 * N-gram keys and the probing tables that hold them. A key is the 64-bit hash (two u32 halves) of the
 * n-gram's word ids folded from the LAST word leftwards, as KenLM's hashed search does: extending a
 * lookup one word to the left is then one `extendHi`/`extendLo` step (KenLM lm/search_hashed.hh).
 */

// Seeds of the two halves: arbitrary odd constants (golden ratio, sqrt 2) so the halves differ.
const SEED_HI = 0x9e3779b9;
const SEED_LO = 0x6a09e667;

/** murmur3's fmix32: a bijection on u32, so distinct inputs of one step never collide. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Chris Wellons' lowbias32: another bijection, so the two halves are not the same function. */
function lowbias32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** High half of the key of the unigram `id` (the start of a leftward fold). */
export function startHi(id: number): number {
  return fmix32(SEED_HI ^ id);
}
/** Low half of the key of the unigram `id`. */
export function startLo(id: number): number {
  return lowbias32(SEED_LO ^ Math.imul(id, 0x27d4eb2f));
}
/** High half after prepending word `id` to the n-gram whose key high half is `hi`. */
export function extendHi(hi: number, id: number): number {
  return fmix32(hi ^ id);
}
/** Low half after prepending word `id`. */
export function extendLo(lo: number, id: number): number {
  return lowbias32(lo ^ Math.imul(id, 0x27d4eb2f));
}

/** Value marking an entry that exists only so a lookup can extend through it (see `NgramTable`). */
export const BLANK_PROB = 1;

/**
 * Open-addressing table of one order: keys interleaved (hi, lo) in a Uint32Array, (0, 0) = empty, linear
 * probing from a multiply-shift slot. `prob` holds log10 probabilities (`BLANK_PROB` for blanks),
 * `backoff` log10 back-off weights (absent for the highest order, which has none).
 */
export class NgramTable {
  keys: Uint32Array;
  prob: Float32Array;
  backoff: Float32Array | undefined;
  capacity: number;
  size = 0;
  /** Real (non-blank) entries. */
  real = 0;

  constructor(expected: number, withBackoff: boolean) {
    // KenLM's probing multiplier is 1.5 (lm/config.cc `probing_multiplier`): load factor <= 2/3.
    this.capacity = Math.max(8, Math.ceil(expected * 1.5) + 1);
    this.keys = new Uint32Array(this.capacity * 2);
    this.prob = new Float32Array(this.capacity);
    this.backoff = withBackoff ? new Float32Array(this.capacity) : undefined;
  }

  /** Slot of the key, or -1. `lo` is never 0 for a stored key (see `fixLo`). */
  find(hi: number, lo: number): number {
    const keys = this.keys;
    const cap = this.capacity;
    // lo * cap < 2^53, so the float product is exact: a multiply-shift slot for any capacity.
    let slot = Math.floor((lo * cap) / 4294967296);
    for (;;) {
      const k = slot * 2;
      const klo = keys[k + 1] as number;
      if (klo === 0) return -1;
      if (klo === lo && keys[k] === hi) return slot;
      slot = slot + 1 === cap ? 0 : slot + 1;
    }
  }

  /** Slot for the key, inserting an empty entry (prob 0, backoff 0) when absent; grows at 2/3 load. */
  slotFor(hi: number, lo: number): { slot: number; fresh: boolean } {
    const found = this.find(hi, lo);
    if (found >= 0) return { slot: found, fresh: false };
    if ((this.size + 1) * 3 > this.capacity * 2) this.grow();
    const keys = this.keys;
    const cap = this.capacity;
    let slot = Math.floor((lo * cap) / 4294967296);
    while (keys[slot * 2 + 1] !== 0) slot = slot + 1 === cap ? 0 : slot + 1;
    keys[slot * 2] = hi;
    keys[slot * 2 + 1] = lo;
    this.size++;
    return { slot, fresh: true };
  }

  /** Rehashes into a table sized for `size` entries (shrinks after over-estimated header counts). */
  resize(expected: number): void {
    const old = { keys: this.keys, prob: this.prob, backoff: this.backoff, cap: this.capacity };
    this.capacity = Math.max(8, Math.ceil(expected * 1.5) + 1);
    this.keys = new Uint32Array(this.capacity * 2);
    this.prob = new Float32Array(this.capacity);
    this.backoff = old.backoff ? new Float32Array(this.capacity) : undefined;
    const cap = this.capacity;
    for (let s = 0; s < old.cap; s++) {
      const lo = old.keys[s * 2 + 1] as number;
      if (lo === 0) continue;
      let slot = Math.floor((lo * cap) / 4294967296);
      while (this.keys[slot * 2 + 1] !== 0) slot = slot + 1 === cap ? 0 : slot + 1;
      this.keys[slot * 2] = old.keys[s * 2] as number;
      this.keys[slot * 2 + 1] = lo;
      this.prob[slot] = old.prob[s] as number;
      if (this.backoff && old.backoff) this.backoff[slot] = old.backoff[s] as number;
    }
  }

  private grow(): void {
    this.resize(this.size * 2 + 8);
  }

  get bytes(): number {
    return this.keys.byteLength + this.prob.byteLength + (this.backoff?.byteLength ?? 0);
  }
}

/** A stored key's low half is never 0 (0 marks an empty slot); maps 0 to 1 for insert and lookup alike. */
export function fixLo(lo: number): number {
  return lo === 0 ? 1 : lo;
}
