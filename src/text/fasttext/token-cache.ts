/**
 * Token → input vector cache of the fastText predictor: keys are a token's UTF-16 code units (a text is never
 * encoded to UTF-8 on a hit), values the float32 sum of its input rows (token-rows.ts), its row count and
 * fastText word hash. Dictionary words are pinned (entries 0..pinned); out-of-vocabulary tokens fill the rest
 * in order of first sight, so the frequent ones share dense pages. When full, `compact` keeps the most-hit half.
 *
 * Memory, not arithmetic, bounds a lookup (a web text's long tail misses every cache level), so an entry is one
 * fixed-stride record — vector, row count, hash, hits, key — found from a 4-byte slot holding the entry number
 * and the probe hash's high bits: a hit reads one slot and one 128-byte entry (dim 16), no dependent lookups.
 */

/** Longer tokens are not cached (computed each time): rare, and they would crowd the long-key pool. */
export const MAX_KEY = 64;
const GOLDEN = 0x9e3779b1;
/** Int32 offsets after an entry's vector: row count, fastText hash, key length, hits, probe hash, key. */
export const ROWS = 0;
export const WORD_HASH = 1;
const LEN = 2;
const HITS = 3;
const PROBE = 4;
const KEY = 5;
/** Long-key pool code units per free entry (keys past the inline room: ~1% of distinct web tokens). */
const LONG_UNITS = 8;

export class TokenCache {
  /** Int32s per entry: the vector (dim), then ROWS.. KEY and the inline key, rounded up to 64 bytes. */
  readonly stride: number;
  /** Entry e's vector is vecs[e*stride .. e*stride+dim); its fields ints[e*stride+dim+ROWS ...]. */
  readonly vecs: Float32Array;
  readonly ints: Int32Array;
  /** Open addressing: (probe hash & ~emask) | entry + 1, 0 = empty. Slot of hash h: `slotOf(h)`. */
  readonly slots: Int32Array;
  readonly shift: number;
  readonly emask: number;
  /** Entries in use; `pinned` after `pin`. */
  size = 0;
  pinned = 0;
  readonly capacity: number;
  /** Key code units stored in the entry itself; longer keys live in `longKeys`. */
  readonly inline: number;
  private readonly mask: number;
  private readonly meta: number;
  private longKeys: Uint16Array;
  private longEnd = 0;
  private pinnedLongEnd = 0;
  private pinnedSlots: Int32Array = new Int32Array(0);

  /** Room for `words` pinned entries (long keys: `longWordUnits`) and `free` cached tokens. */
  constructor(
    readonly dim: number,
    words: number,
    longWordUnits: number,
    free: number,
  ) {
    this.capacity = words + free;
    if (this.capacity >= 1 << 24) throw new Error(`fastText: token cache of ${this.capacity} entries`);
    this.stride = Math.ceil((dim + KEY + 6) / 16) * 16; // dim 16: 32 int32s = 128 bytes, 22 key units inline
    this.meta = dim;
    this.inline = 2 * (this.stride - dim - KEY);
    let slots = 16;
    while (slots < 1.5 * this.capacity) slots <<= 1;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.shift = Math.clz32(slots) + 1;
    this.emask = (1 << (32 - Math.clz32(this.capacity + 1))) - 1;
    // + 128 bytes so `vecs` can start on a 128-byte boundary (see ALIGN).
    const buffer = new ArrayBuffer(this.capacity * this.stride * 4 + 128);
    const skip = ALIGN;
    this.ints = new Int32Array(buffer, skip, this.capacity * this.stride);
    this.vecs = new Float32Array(buffer, skip, this.capacity * this.stride);
    this.longKeys = new Uint16Array(longWordUnits + free * LONG_UNITS);
  }

  /** Entry of token text[start..end) whose probe hash is h, or -1. */
  find(text: string, start: number, end: number, h: number): number {
    const { slots, emask } = this;
    const tag = h & ~emask;
    for (let p = Math.imul(h, GOLDEN) >>> this.shift; ; p = (p + 1) & this.mask) {
      const s = slots[p]!;
      if (s === 0) return -1;
      if ((s & ~emask) === tag && this.matches((s & emask) - 1, text, start, end)) return (s & emask) - 1;
    }
  }

  /** True when entry e's key is text[start..end). */
  matches(e: number, text: string, start: number, end: number): boolean {
    const ints = this.ints;
    const m = e * this.stride + this.meta;
    const n = end - start;
    if (ints[m + LEN] !== n) return false;
    if (n > this.inline) {
      const keys = this.longKeys;
      let k = ints[m + KEY]!;
      for (let i = start; i < end; i++) if (keys[k++] !== text.charCodeAt(i)) return false;
      return true;
    }
    let k = m + KEY;
    let i = start;
    for (; i + 1 < end; i += 2)
      if (ints[k++] !== (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16))) return false;
    return i === end || ints[k] === text.charCodeAt(i);
  }

  /** Counts a hit of entry e (for `compact`; pinned entries are never evicted, and not written to). */
  hit(e: number): void {
    if (e < this.pinned) return;
    const i = e * this.stride + this.meta + HITS;
    const n = this.ints[i]!;
    if (n < 0x3fffffff) this.ints[i] = n + 1;
  }

  hitsOf(e: number): number {
    return this.ints[e * this.stride + this.meta + HITS]!;
  }

  /** True when a token of `units` code units can be added. */
  hasRoom(units: number): boolean {
    return (
      this.size < this.capacity && (units <= this.inline || this.longEnd + units <= this.longKeys.length)
    );
  }

  /**
   * Adds text[start..end) (not present, probe hash h) as a new entry, whose vector, ROWS and WORD_HASH the
   * caller then writes; needs `hasRoom`. Returns the entry.
   */
  add(text: string, start: number, end: number, h: number): number {
    const e = this.size++;
    const ints = this.ints;
    const m = e * this.stride + this.meta;
    const n = end - start;
    ints[m + LEN] = n;
    ints[m + HITS] = 0;
    ints[m + PROBE] = h;
    if (n > this.inline) {
      ints[m + KEY] = this.longEnd;
      for (let i = start; i < end; i++) this.longKeys[this.longEnd++] = text.charCodeAt(i);
    } else {
      let k = m + KEY;
      let i = start;
      for (; i + 1 < end; i += 2) ints[k++] = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      if (i < end) ints[k] = text.charCodeAt(i);
    }
    this.insert(e);
    return e;
  }

  /** Freezes the entries so far (the dictionary) as pinned: never evicted. */
  pin(): void {
    this.pinned = this.size;
    this.pinnedLongEnd = this.longEnd;
    this.pinnedSlots = this.slots.slice();
  }

  /**
   * Evicts cached tokens, keeping (in order) the most-hit ones (found at least once since added), at most
   * half the free room, and halves their hit counts so old favourites age out. Kept entries are renumbered.
   */
  compact(): void {
    const { ints, stride, pinned, meta } = this;
    const hist = new Int32Array(257);
    for (let e = pinned; e < this.size; e++) hist[Math.min(256, ints[e * stride + meta + HITS]!)]!++;
    const room = (this.capacity - pinned) >> 1;
    let cut = 257;
    for (let kept = 0; cut > 1 && kept + hist[cut - 1]! <= room; ) kept += hist[--cut]!;
    const longRoom = this.pinnedLongEnd + ((this.longKeys.length - this.pinnedLongEnd) >> 1);
    this.slots.set(this.pinnedSlots);
    let to = pinned;
    let longEnd = this.pinnedLongEnd;
    for (let e = pinned; e < this.size; e++) {
      const m = e * stride + meta;
      const count = ints[m + HITS]!;
      const n = ints[m + LEN]!;
      const long = n > this.inline;
      if (count < cut || (long && longEnd + n > longRoom)) continue;
      if (long) {
        this.longKeys.copyWithin(longEnd, ints[m + KEY]!, ints[m + KEY]! + n);
        ints[m + KEY] = longEnd;
        longEnd += n;
      }
      ints.copyWithin(to * stride, e * stride, e * stride + stride);
      ints[to * stride + meta + HITS] = count >> 1;
      this.insert(to++);
    }
    this.size = to;
    this.longEnd = longEnd;
  }

  private insert(e: number): void {
    const h = this.ints[e * this.stride + this.meta + PROBE]!;
    let p = Math.imul(h, GOLDEN) >>> this.shift;
    while (this.slots[p] !== 0) p = (p + 1) & this.mask;
    this.slots[p] = (h & ~this.emask) | (e + 1);
  }
}

/**
 * Byte offset of the entries in their buffer, so that (dim 16) each 128-byte entry is an aligned pair of cache
 * lines, which the CPU's adjacent-line prefetcher fetches together: a large ArrayBuffer is a fresh mmap'd malloc
 * chunk, whose data starts 16 bytes past a page boundary on 64-bit glibc. A wrong guess costs speed (an entry
 * then spans three lines), never correctness.
 */
const ALIGN = 112;
