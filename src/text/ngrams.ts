import { fmix32 } from './hash.js';

/**
 * Word n-gram statistics of Gopher repetition (SPEC-filters.md (b2)), exact to the reference's string
 * semantics without building one string per n-gram:
 * - top n-grams compare `" ".join(words)`: tokens never contain U+0020 and are never empty, so two
 *   n-grams join to the same string exactly when their word sequences are equal (compared by word id);
 * - duplicated n-grams compare `"".join(words)`, where `["ab","c"]` equals `["a","bc"]`: n-grams are
 *   hashed as the polynomial hash of their concatenated characters and hash matches are verified by
 *   comparing those characters, so equality is string equality.
 * One instance per processor: its typed arrays grow to the largest document and are reused.
 */
export class NgramStats {
  private words: readonly string[] = [];
  private count = 0;
  private readonly intern = new Map<string, number>();
  /** Per token: interned word id. */
  private ids = new Int32Array(1024);
  /** Per word id: hash of its UTF-16 units, BASE^length, length in code points and in code units. */
  private wHash = new Int32Array(1024);
  private wPow = new Int32Array(1024);
  private wCp = new Int32Array(1024);
  private wU16 = new Int32Array(1024);
  /** Open-addressing table: a slot is live when its generation is the current one. */
  private slotGen = new Int32Array(2048);
  private slotHash = new Int32Array(2048);
  private slotRef = new Int32Array(2048);
  private gen = 0;
  /** Distinct n-grams in first-insertion order (top n-grams): start token, occurrences. */
  private dStart = new Int32Array(1024);
  private dCount = new Int32Array(1024);

  /** Loads one document's tokens; the statistics below read them until the next `load`. */
  load(words: readonly string[]): void {
    this.words = words;
    this.count = words.length;
    this.intern.clear();
    if (this.ids.length < words.length) {
      const size = grow(words.length);
      this.ids = new Int32Array(size);
      this.dStart = new Int32Array(size);
      this.dCount = new Int32Array(size);
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      let id = this.intern.get(w);
      if (id === undefined) {
        id = this.intern.size;
        this.intern.set(w, id);
        this.hashWord(w, id);
      }
      this.ids[i] = id;
    }
  }

  /**
   * `len(g) * count(g)` for the most frequent `" ".join` n-gram `g` (ties: first inserted), in code
   * points; -1 when the document has fewer than `n` tokens (the reference then skips the rule).
   */
  topNgramChars(n: number): number {
    const grams = this.count - n + 1;
    if (grams <= 0) return -1;
    const mask = this.prepareTable(grams);
    let distinct = 0;
    for (let i = 0; i < grams; i++) {
      const h = this.gramHash(i, n);
      let s = fmix32(h) & mask;
      for (;;) {
        if (this.slotGen[s] !== this.gen) {
          this.claim(s, h, distinct);
          this.dStart[distinct] = i;
          this.dCount[distinct++] = 1;
          break;
        }
        const d = this.slotRef[s]!;
        if (this.slotHash[s] === h && this.sameIds(this.dStart[d]!, i, n)) {
          this.dCount[d]!++;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    let best = 0;
    for (let d = 1; d < distinct; d++) if (this.dCount[d]! > this.dCount[best]!) best = d;
    return (this.cpLength(this.dStart[best]!, n) + n - 1) * this.dCount[best]!;
  }

  /**
   * Characters (code points) in repeated `"".join` n-grams, scanning left to right and jumping past each
   * repeat (DataTrove `find_all_duplicate`); 0 when there are fewer than `n` tokens.
   */
  duplicatedNgramChars(n: number): number {
    const grams = this.count - n + 1;
    if (grams <= 0) return 0;
    const mask = this.prepareTable(grams);
    let repeated = 0;
    let i = 0;
    while (i < grams) {
      const h = this.gramHash(i, n);
      let s = fmix32(h) & mask;
      let found = false;
      while (this.slotGen[s] === this.gen) {
        if (this.slotHash[s] === h && this.sameChars(this.slotRef[s]!, i, n)) {
          found = true;
          break;
        }
        s = (s + 1) & mask;
      }
      if (found) {
        repeated += this.cpLength(i, n);
        i += n;
      } else {
        this.claim(s, h, i);
        i++;
      }
    }
    return repeated;
  }

  private hashWord(w: string, id: number): void {
    if (id >= this.wHash.length) {
      const size = grow(id + 1);
      this.wHash = copyInto(this.wHash, size);
      this.wPow = copyInto(this.wPow, size);
      this.wCp = copyInto(this.wCp, size);
      this.wU16 = copyInto(this.wU16, size);
    }
    let h = 0;
    let pow = 1;
    let pairs = 0;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      h = (Math.imul(h, BASE) + c) | 0;
      pow = Math.imul(pow, BASE);
      // A high surrogate followed by a low one is one code point (Python len).
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < w.length && (w.charCodeAt(k + 1) & 0xfc00) === 0xdc00)
        pairs++;
    }
    this.wHash[id] = h;
    this.wPow[id] = pow;
    this.wCp[id] = w.length - pairs;
    this.wU16[id] = w.length;
  }

  /** Polynomial hash (mod 2^32) of the concatenated code units of tokens `[i, i + n)`. */
  private gramHash(i: number, n: number): number {
    let h = 0;
    for (let k = i; k < i + n; k++) {
      const id = this.ids[k]!;
      h = (Math.imul(h, this.wPow[id]!) + this.wHash[id]!) | 0;
    }
    return h;
  }

  private cpLength(i: number, n: number): number {
    let len = 0;
    for (let k = i; k < i + n; k++) len += this.wCp[this.ids[k]!]!;
    return len;
  }

  private sameIds(a: number, b: number, n: number): boolean {
    for (let k = 0; k < n; k++) if (this.ids[a + k] !== this.ids[b + k]) return false;
    return true;
  }

  /** True when tokens `[a, a + n)` and `[b, b + n)` concatenate to the same string. */
  private sameChars(a: number, b: number, n: number): boolean {
    if (this.sameIds(a, b, n)) return true;
    let lenA = 0;
    let lenB = 0;
    for (let k = 0; k < n; k++) {
      lenA += this.wU16[this.ids[a + k]!]!;
      lenB += this.wU16[this.ids[b + k]!]!;
    }
    if (lenA !== lenB) return false;
    const words = this.words;
    let wa = a;
    let wb = b;
    let ca = 0;
    let cb = 0;
    for (let left = lenA; left > 0; left--) {
      if (ca === words[wa]!.length) {
        wa++;
        ca = 0;
      }
      if (cb === words[wb]!.length) {
        wb++;
        cb = 0;
      }
      if (words[wa]!.charCodeAt(ca++) !== words[wb]!.charCodeAt(cb++)) return false;
    }
    return true;
  }

  /** Empties the table (by generation) with room for `grams` entries at load ≤ 1/2; returns the index mask. */
  private prepareTable(grams: number): number {
    let size = this.slotGen.length;
    if (size < grams * 2) {
      size = grow(grams * 2);
      this.slotGen = new Int32Array(size);
      this.slotHash = new Int32Array(size);
      this.slotRef = new Int32Array(size);
      this.gen = 0;
    }
    this.gen++;
    return size - 1;
  }

  private claim(slot: number, hash: number, ref: number): void {
    this.slotGen[slot] = this.gen;
    this.slotHash[slot] = hash;
    this.slotRef[slot] = ref;
  }
}

/** An odd multiplier for the character polynomial (the 32-bit golden ratio). */
const BASE = 0x9e3779b1 | 0;

/** The next power of two ≥ `n`. */
function grow(n: number): number {
  let size = 1024;
  while (size < n) size *= 2;
  return size;
}

function copyInto(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
