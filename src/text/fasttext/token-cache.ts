/**
 * Token → input vector cache of the fastText predictor: keys are a token's UTF-16 code units (so a text is
 * never encoded to UTF-8 on a hit), values the float64 sum of its input rows (token-rows.ts) and its row
 * count. Dictionary words are pinned (entries 0..pinned); out-of-vocabulary tokens fill the rest in order of
 * first sight, so the frequent ones share a few dense pages. When full, `compact` keeps the most-hit half.
 *
 * Memory, not arithmetic, bounds the lookup (a web text's long tail of tokens misses every cache level), so
 * an index slot holds the first four code units of its key: a token of ≤ 4 units is found with one cache
 * line of the index, then one of `rows` and two of `vec`.
 */

/** Int32s per entry in `meta`: key start, key length, fastText hash, probe hash. */
export const META = 4;
/** Longer tokens are not cached (computed each time): rare, and they would crowd the key pool. */
export const MAX_KEY = 64;
/** Key pool code units per entry: web-text tokens average ~6 (measured on the bench's English web text). */
const KEY_UNITS = 16;
const GOLDEN = 0x9e3779b1;

/** The first four code units of text[start..end) packed as the index stores them (0 past the end). */
function packed(text: string, start: number, end: number, half: 0 | 2): number {
  const i = start + half;
  if (i >= end) return 0;
  const lo = text.charCodeAt(i);
  return i + 1 < end ? lo | (text.charCodeAt(i + 1) << 16) : lo;
}

export class TokenCache {
  /** Entry e's vector: vec[e*dim .. e*dim+dim). */
  readonly vec: Float64Array;
  /** Entry e's input-row count (< 0: label-like, ignored). */
  readonly rows: Int32Array;
  /** Lookups that found entry e (since it was added or last compacted). */
  readonly hits: Int32Array;
  readonly meta: Int32Array;
  readonly keys: Uint16Array;
  /** Entries in use; `pinned` after `pin`. */
  size = 0;
  pinned = 0;
  readonly capacity: number;
  /** Open addressing, 4 int32s per slot: probe hash, (key length & 255) << 24 | entry + 1 (0 = empty), key units 0–1, 2–3. */
  readonly index: Int32Array;
  private readonly mask: number;
  readonly shift: number;
  private keyEnd = 0;
  private pinnedKeyEnd = 0;
  private pinnedIndex: Int32Array = new Int32Array(0);

  /** Room for `words` pinned entries (pinned key units `wordUnits`) and `free` cached tokens. */
  constructor(
    private readonly dim: number,
    words: number,
    wordUnits: number,
    free: number,
  ) {
    this.capacity = words + free;
    if (this.capacity >= 1 << 24) throw new Error(`fastText: token cache of ${this.capacity} entries`);
    let slots = 16;
    while (slots < 1.5 * this.capacity) slots <<= 1;
    this.index = new Int32Array(4 * slots);
    this.mask = slots - 1;
    this.shift = Math.clz32(slots) + 1;
    this.vec = new Float64Array(this.capacity * dim);
    this.rows = new Int32Array(this.capacity);
    this.hits = new Int32Array(this.capacity);
    this.meta = new Int32Array(this.capacity * META);
    this.keys = new Uint16Array(wordUnits + free * KEY_UNITS);
  }

  /** Entry of token text[start..end) whose probe hash is h, or -1. */
  find(text: string, start: number, end: number, h: number): number {
    const index = this.index;
    const n = end - start;
    const k0 = packed(text, start, end, 0);
    const k1 = packed(text, start, end, 2);
    let p = Math.imul(h, GOLDEN) >>> this.shift;
    for (;;) {
      const q = p << 2;
      const v = index[q + 1]!;
      if (v === 0) return -1;
      if (index[q] === h && v >>> 24 === (n & 255) && index[q + 2] === k0 && index[q + 3] === k1) {
        const e = (v & 0xffffff) - 1;
        if (n <= 4 || this.restEquals(e, text, start, end)) return e;
      }
      p = (p + 1) & this.mask;
    }
  }

  /** True when a token of `units` code units can be added without compacting first. */
  hasRoom(units: number): boolean {
    return this.size < this.capacity && this.keyEnd + units <= this.keys.length;
  }

  /**
   * Adds text[start..end) (not present, probe hash h) as a new entry, whose vector, row count and fastText
   * hash the caller then writes; needs `hasRoom`. Returns the entry.
   */
  add(text: string, start: number, end: number, h: number): number {
    const e = this.size++;
    const m = e * META;
    this.meta[m] = this.keyEnd;
    this.meta[m + 1] = end - start;
    this.meta[m + 3] = h;
    this.hits[e] = 0;
    for (let i = start; i < end; i++) this.keys[this.keyEnd++] = text.charCodeAt(i);
    this.insert(e);
    return e;
  }

  /** Freezes the entries so far (the dictionary) as pinned: never evicted. */
  pin(): void {
    this.pinned = this.size;
    this.pinnedKeyEnd = this.keyEnd;
    this.pinnedIndex = this.index.slice();
  }

  /**
   * Evicts cached tokens, keeping (in order) the most-hit ones (found at least once since added), at most
   * half the free room, and halves their hit counts so old favourites age out. Kept entries are renumbered.
   */
  compact(): void {
    const { meta, keys, vec, rows, hits, dim, pinned } = this;
    const hist = new Int32Array(257);
    for (let e = pinned; e < this.size; e++) hist[hits[e]! < 0 || hits[e]! > 256 ? 256 : hits[e]!]!++;
    const room = (this.capacity - pinned) >> 1;
    let cut = 257;
    for (let kept = 0; cut > 1 && kept + hist[cut - 1]! <= room; ) kept += hist[--cut]!;
    const keyRoom = this.pinnedKeyEnd + ((keys.length - this.pinnedKeyEnd) >> 1);
    this.index.set(this.pinnedIndex);
    let to = pinned;
    let keyEnd = this.pinnedKeyEnd;
    for (let e = pinned; e < this.size; e++) {
      const m = e * META;
      const count = hits[e]! < 0 ? 256 : hits[e]!; // < 0: wrapped past 2^31
      if (count < cut || keyEnd + meta[m + 1]! > keyRoom) continue;
      const t = to * META;
      keys.copyWithin(keyEnd, meta[m]!, meta[m]! + meta[m + 1]!);
      meta.copyWithin(t, m, m + META);
      meta[t] = keyEnd;
      keyEnd += meta[t + 1]!;
      vec.copyWithin(to * dim, e * dim, e * dim + dim);
      rows[to] = rows[e]!;
      hits[to] = count >> 1;
      this.insert(to++);
    }
    this.size = to;
    this.keyEnd = keyEnd;
  }

  /** True when units 4.. of entry e's key equal text[start+4..end) (lengths already equal). */
  private restEquals(e: number, text: string, start: number, end: number): boolean {
    const keys = this.keys;
    let k = this.meta[e * META]! + 4;
    for (let i = start + 4; i < end; i++) if (keys[k++] !== text.charCodeAt(i)) return false;
    return true;
  }

  private insert(e: number): void {
    const m = e * META;
    const h = this.meta[m + 3]!;
    const keys = this.keys;
    const k = this.meta[m]!;
    const n = this.meta[m + 1]!;
    let p = Math.imul(h, GOLDEN) >>> this.shift;
    while (this.index[4 * p + 1] !== 0) p = (p + 1) & this.mask;
    const q = 4 * p;
    this.index[q] = h;
    this.index[q + 1] = ((this.meta[m + 1]! & 255) << 24) | (e + 1);
    this.index[q + 2] = (n > 0 ? keys[k]! : 0) | (n > 1 ? keys[k + 1]! << 16 : 0);
    this.index[q + 3] = (n > 2 ? keys[k + 2]! : 0) | (n > 3 ? keys[k + 3]! << 16 : 0);
  }
}
