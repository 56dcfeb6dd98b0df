/**
 * Word → id map of a model, keyed like KenLM's probing vocabulary (lm/vocab.hh): by a 64-bit hash of the
 * word, without storing the word in the table, so a lookup from a span of a line needs no substring and
 * no string comparison. Id 0 is `<unk>` (as in KenLM): an unknown word maps to 0. Collisions of two
 * words' 64-bit hashes are ignored, as KenLM does (probability ~ n²/2⁶⁵: 3e-9 for ten million words).
 */

/**
 * One hash step per UTF-16 code unit, FNV-1a style on two lanes with different primes and seeds:
 * h1 = imul(h1 ^ c, WORD_P1), h2 = imul(h2 ^ c, WORD_P2) from WORD_S1/WORD_S2; `indexHash` finishes them.
 * Exported so a scanner can hash a word while it normalises it (perplexity-ascii.ts).
 */
export const WORD_P1 = 0x01000193;
export const WORD_P2 = 0x2c1b3c6d;
export const WORD_S1 = 0x811c9dc5;
export const WORD_S2 = 0x6a09e667;
const P1 = WORD_P1;
const P2 = WORD_P2;
const S1 = WORD_S1;
const S2 = WORD_S2;

function fin1(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fin2(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Vocab {
  /** Interleaved [hashHi, hashLo, id] per slot; hashLo 0 = empty (a real lo of 0 is stored as 1). */
  private slots: Uint32Array;
  private capacity: number;
  private readonly words: string[] = ['<unk>'];

  constructor() {
    this.capacity = 1024;
    this.slots = new Uint32Array(this.capacity * 3);
    this.insert(this.hashHi('<unk>'), this.hashLo('<unk>'), 0);
  }

  private hashHi(w: string): number {
    let h = S1;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), P1);
    return fin1(h ^ w.length);
  }

  private hashLo(w: string): number {
    let h = S2;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), P2);
    const lo = fin2(h ^ w.length);
    return lo === 0 ? 1 : lo;
  }

  private slotOf(hi: number, lo: number): number {
    const s = this.slots;
    const cap = this.capacity;
    let i = Math.floor((lo * cap) / 4294967296);
    for (;;) {
      const klo = s[i * 3 + 1] as number;
      if (klo === 0 || (klo === lo && s[i * 3] === hi)) return i;
      i = i + 1 === cap ? 0 : i + 1;
    }
  }

  private insert(hi: number, lo: number, id: number): void {
    const i = this.slotOf(hi, lo);
    this.slots[i * 3] = hi;
    this.slots[i * 3 + 1] = lo;
    this.slots[i * 3 + 2] = id;
  }

  /** Id of the word, or -1 when absent (distinguishes a literal `<unk>` from a miss). */
  find(word: string): number {
    const hi = this.hashHi(word);
    const lo = this.hashLo(word);
    const i = this.slotOf(hi, lo);
    return this.slots[i * 3 + 1] === 0 ? -1 : (this.slots[i * 3 + 2] as number);
  }

  /** Id of the word, or 0 (`<unk>`) when absent. */
  index(word: string): number {
    const id = this.find(word);
    return Math.max(id, 0);
  }

  /** Id of `text.slice(start, end)` without making the substring; 0 when absent. */
  indexSpan(text: string, start: number, end: number): number {
    let h1 = S1;
    let h2 = S2;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, P1);
      h2 = Math.imul(h2 ^ c, P2);
    }
    return this.indexHash(h1, h2, end - start);
  }

  /** Id of the word of `length` code units whose unfinished lanes are `h1`, `h2`; 0 when absent. */
  indexHash(h1: number, h2: number, length: number): number {
    const hi = fin1(h1 ^ length);
    let lo = fin2(h2 ^ length);
    if (lo === 0) lo = 1;
    const i = this.slotOf(hi, lo);
    return this.slots[i * 3 + 1] === 0 ? 0 : (this.slots[i * 3 + 2] as number);
  }

  /** Id of the word, assigning the next id on first sight. */
  intern(word: string): number {
    const hi = this.hashHi(word);
    const lo = this.hashLo(word);
    let i = this.slotOf(hi, lo);
    if (this.slots[i * 3 + 1] !== 0) return this.slots[i * 3 + 2] as number;
    const id = this.words.length;
    this.words.push(word);
    // Load factor <= 1/2: a vocabulary is small next to the n-gram tables; short probes matter more.
    if (this.words.length * 2 > this.capacity) {
      this.grow();
      i = this.slotOf(hi, lo);
    }
    this.slots[i * 3] = hi;
    this.slots[i * 3 + 1] = lo;
    this.slots[i * 3 + 2] = id;
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const oldCap = this.capacity;
    this.capacity = oldCap * 2;
    this.slots = new Uint32Array(this.capacity * 3);
    for (let i = 0; i < oldCap; i++) {
      const lo = old[i * 3 + 1] as number;
      if (lo !== 0) this.insert(old[i * 3] as number, lo, old[i * 3 + 2] as number);
    }
  }

  word(id: number): string {
    return this.words[id] ?? '<unk>';
  }

  get size(): number {
    return this.words.length;
  }

  get bytes(): number {
    return this.slots.byteLength;
  }
}
