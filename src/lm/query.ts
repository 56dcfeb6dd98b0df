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
 * Open-addressing table of one order, one entry per slot interleaved in one buffer so a lookup touches one
 * cache line (KenLM's probing entries are packed the same way): [hi, lo, prob, backoff] as u32/f32 views,
 * stride 4, or [hi, lo, prob], stride 3, for the highest order, which has no back-off. lo 0 = empty slot.
 * `prob` is a log10 probability (`BLANK_PROB` for blanks); linear probing from a multiply-shift slot.
 */
export class NgramTable {
  data: Uint32Array;
  f: Float32Array;
  readonly stride: number;
  capacity: number;
  size = 0;
  /** Real (non-blank) entries. */
  real = 0;

  constructor(expected: number, withBackoff: boolean) {
    this.stride = withBackoff ? 4 : 3;
    this.capacity = capacityFor(expected);
    this.data = new Uint32Array(this.capacity * this.stride);
    this.f = new Float32Array(this.data.buffer);
  }

  /** Entry offset (slot × stride) of the key, or -1. `lo` is never 0 for a stored key (see `fixLo`). */
  find(hi: number, lo: number): number {
    const d = this.data;
    const cap = this.capacity;
    const stride = this.stride;
    // lo * cap < 2^53, so the float product is exact: a multiply-shift slot for any capacity.
    let slot = Math.floor((lo * cap) / 4294967296);
    for (;;) {
      const at = slot * stride;
      const klo = d[at + 1] as number;
      if (klo === 0) return -1;
      if (klo === lo && d[at] === hi) return at;
      slot = slot + 1 === cap ? 0 : slot + 1;
    }
  }

  /** Entry offset for the key, inserting an empty entry (prob 0, backoff 0) when absent; grows at 2/3 load. */
  entryFor(hi: number, lo: number): { at: number; fresh: boolean } {
    const found = this.find(hi, lo);
    if (found >= 0) return { at: found, fresh: false };
    if ((this.size + 1) * 3 > this.capacity * 2) this.resize(this.size * 2 + 8);
    const at = this.emptyEntry(lo);
    this.data[at] = hi;
    this.data[at + 1] = lo;
    this.size++;
    return { at, fresh: true };
  }

  private emptyEntry(lo: number): number {
    const cap = this.capacity;
    let slot = Math.floor((lo * cap) / 4294967296);
    while (this.data[slot * this.stride + 1] !== 0) slot = slot + 1 === cap ? 0 : slot + 1;
    return slot * this.stride;
  }

  /** Rehashes into a table sized for `expected` entries (shrinks after over-estimated header counts). */
  resize(expected: number): void {
    const old = this.data;
    const stride = this.stride;
    this.capacity = capacityFor(Math.max(expected, this.size));
    this.data = new Uint32Array(this.capacity * stride);
    this.f = new Float32Array(this.data.buffer);
    for (let at = 0; at < old.length; at += stride) {
      const lo = old[at + 1] as number;
      if (lo === 0) continue;
      const to = this.emptyEntry(lo);
      for (let k = 0; k < stride; k++) this.data[to + k] = old[at + k] as number;
    }
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

/** KenLM's probing multiplier is 1.5 (lm/config.cc `probing_multiplier`): load factor <= 2/3. */
function capacityFor(expected: number): number {
  return Math.max(8, Math.ceil(expected * 1.5) + 1);
}

/** A stored key's low half is never 0 (0 marks an empty slot); maps 0 to 1 for insert and lookup alike. */
export function fixLo(lo: number): number {
  return lo === 0 ? 1 : lo;
}
