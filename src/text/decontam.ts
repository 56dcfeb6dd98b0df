/**
 * Word n-gram hashing for benchmark decontamination (GPT-3 §4 / App. C, arxiv 2005.14165; NeMo Curator
 * TaskDecontamination). Normalization: a word is a maximal run of letters, marks and digits (Unicode L, M,
 * N), lowercased code point by code point; everything else (spaces, punctuation, symbols) separates words
 * and is ignored. So "The cat's 3.5 kg!" has the words the, cat, s, 3, 5, kg. The SPEC tokenizer
 * (words.ts) keeps inner punctuation and would make "apples," differ from "apples", which decontamination
 * must ignore.
 * An n-gram's key is 64 bits: two 32-bit polynomial rolling hashes over per-word hashes, so a document's
 * n-grams are hashed in O(words) with no string per word or n-gram. Whole decontaminate stage against the
 * GSM8K test index (2,638 texts, built in 136 ms) on 2.4 M chars of ../shared/data/web: 22 M chars/s
 * (one cold pass over in-memory docs, Node 20).
 */
import { fmix32 } from './hash.js';

/** Lazily filled per code point: 0 unknown, 1 separator, 2 word character. */
const classTable = new Uint8Array(0x110000);
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
/** Lazily filled lowercase of BMP code points (0 = unknown); astral code points are computed each time. */
const lowerTable = new Int32Array(0x10000);

/** True for code points of Unicode categories L (letters), M (marks) and N (digits, numbers). */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  let v = classTable[cp]!;
  if (v === 0) {
    v = WORD_RE.test(String.fromCodePoint(cp)) ? 2 : 1;
    classTable[cp] = v;
  }
  return v === 2;
}

/** The first code point of `String.prototype.toLowerCase` of `cp` (İ → i; one code point in, one out). */
export function lowerCodePoint(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp | 0x20 : cp;
  if (cp < 0x10000) {
    let v = lowerTable[cp]!;
    if (v === 0) {
      v = String.fromCharCode(cp).toLowerCase().codePointAt(0)!;
      lowerTable[cp] = v;
    }
    return v;
  }
  return String.fromCodePoint(cp).toLowerCase().codePointAt(0)!;
}

/** Words of one text: word k is `text[start[k], end[k])`, hashed to (h1[k], h2[k]). Arrays grow, never shrink. */
export class WordHashes {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  h1 = new Int32Array(256);
  h2 = new Int32Array(256);

  private grow(): void {
    const n = this.start.length * 2;
    for (const k of ['start', 'end', 'h1', 'h2'] as const) {
      const a = new Int32Array(n);
      a.set(this[k]);
      this[k] = a;
    }
  }

  /** Splits `text` into normalized words and hashes each; returns the word count. */
  scan(text: string): number {
    let count = 0;
    let inWord = false;
    let a = 0;
    let b = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let cp = text.charCodeAt(i);
      let width = 1;
      if ((cp & 0xfc00) === 0xd800 && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cp = ((cp - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000;
        width = 2;
      }
      if (isWordCodePoint(cp)) {
        if (!inWord) {
          if (count === this.start.length) this.grow();
          this.start[count] = i;
          inWord = true;
          a = 0x811c9dc5;
          b = 0x2545f491;
        }
        const lc = lowerCodePoint(cp);
        a = Math.imul(a ^ lc, 0x01000193);
        b = Math.imul((b + lc) | 0, 0x5bd1e995) ^ (b >>> 15);
      } else if (inWord) {
        this.finishWord(count++, i, a, b);
        inWord = false;
      }
      i += width - 1;
    }
    if (inWord) this.finishWord(count++, n, a, b);
    this.count = count;
    return count;
  }

  private finishWord(k: number, end: number, a: number, b: number): void {
    this.end[k] = end;
    this.h1[k] = fmix32(a) | 0;
    this.h2[k] = fmix32(b ^ 0x27d4eb2f) | 0;
  }
}

const BASE1 = 0x9e3779b1 | 0;
const BASE2 = 0x85ebca77 | 0;

/** base^e modulo 2^32. */
function powMod32(base: number, e: number): number {
  let r = 1;
  for (let i = 0; i < e; i++) r = Math.imul(r, base);
  return r;
}

/**
 * Calls `visit(i, key1, key2)` for every k-gram of words [i, i + k), in order: the 64-bit key is two
 * 32-bit unsigned halves. Keys depend on the word sequence and on k only, so a text and a document that
 * share k consecutive normalized words share a key.
 */
export function forEachNgram(
  w: WordHashes,
  k: number,
  visit: (i: number, key1: number, key2: number) => void,
): void {
  const n = w.count;
  if (k < 1 || n < k) return;
  const { h1, h2 } = w;
  const top1 = powMod32(BASE1, k - 1);
  const top2 = powMod32(BASE2, k - 1);
  let r1 = 0;
  let r2 = 0;
  for (let j = 0; j < k; j++) {
    r1 = (Math.imul(r1, BASE1) + h1[j]!) | 0;
    r2 = (Math.imul(r2, BASE2) + h2[j]!) | 0;
  }
  const salt2 = Math.imul(k, 0x165667b1);
  for (let i = 0; ; i++) {
    visit(i, fmix32(r1 ^ k), fmix32(r2 ^ salt2));
    const next = i + k;
    if (next >= n) return;
    r1 = (Math.imul((r1 - Math.imul(h1[i]!, top1)) | 0, BASE1) + h1[next]!) | 0;
    r2 = (Math.imul((r2 - Math.imul(h2[i]!, top2)) | 0, BASE2) + h2[next]!) | 0;
  }
}

/**
 * Open-addressing set of 64-bit n-gram keys, each with a bit mask of the evaluation sets (≤ 32) it came
 * from. Memory: 12 bytes per slot, at most 2 slots per distinct key. Lookups allocate nothing.
 */
export class NgramIndex {
  private k1 = new Uint32Array(1024);
  private k2 = new Uint32Array(1024);
  private masks = new Uint32Array(1024);
  size = 0;

  /** Adds `set` (0..31) to the key's mask; key halves are read as unsigned 32-bit integers. */
  add(key1: number, key2: number, set: number): void {
    key1 >>>= 0;
    key2 >>>= 0;
    if ((this.size + 1) * 2 > this.masks.length) this.rehash(this.masks.length * 2);
    const bit = (1 << set) >>> 0;
    const cap = this.masks.length - 1;
    for (let s = key1 & cap; ; s = (s + 1) & cap) {
      const m = this.masks[s]!;
      if (m === 0) {
        this.k1[s] = key1;
        this.k2[s] = key2;
        this.masks[s] = bit;
        this.size++;
        return;
      }
      if (this.k1[s] === key1 && this.k2[s] === key2) {
        this.masks[s] = (m | bit) >>> 0;
        return;
      }
    }
  }

  /** The mask of evaluation sets holding the key; 0 when absent. */
  get(key1: number, key2: number): number {
    key1 >>>= 0;
    key2 >>>= 0;
    const cap = this.masks.length - 1;
    for (let s = key1 & cap; ; s = (s + 1) & cap) {
      const m = this.masks[s]!;
      if (m === 0) return 0;
      if (this.k1[s] === key1 && this.k2[s] === key2) return m;
    }
  }

  private rehash(capacity: number): void {
    const { k1, k2, masks } = this;
    this.k1 = new Uint32Array(capacity);
    this.k2 = new Uint32Array(capacity);
    this.masks = new Uint32Array(capacity);
    this.size = 0;
    for (let s = 0; s < masks.length; s++) {
      const m = masks[s]!;
      for (let set = 0; m !== 0 && set < 32; set++) if ((m >>> set) & 1) this.add(k1[s]!, k2[s]!, set);
    }
  }
}

/**
 * `text` without the spans widened by `margin` on each side (merged when they overlap), the kept pieces
 * joined by '\n'. Never splits a surrogate pair.
 */
export function cutSpans(text: string, spans: readonly number[], margin: number): string {
  const pairs: [number, number][] = [];
  for (let j = 0; j < spans.length; j += 2) pairs.push([spans[j]!, spans[j + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let from = 0;
  for (const [s0, e0] of pairs) {
    let s = Math.max(0, s0 - margin);
    let e = Math.min(text.length, e0 + margin);
    if (s > 0 && (text.charCodeAt(s) & 0xfc00) === 0xdc00) s--;
    if (e < text.length && (text.charCodeAt(e) & 0xfc00) === 0xdc00) e++;
    if (s > from) pieces.push(text.slice(from, s));
    from = Math.max(from, e);
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces.join('\n');
}

/** Code points of `s` (a surrogate pair counts once). */
export function codePoints(s: string): number {
  let pairs = 0;
  for (let i = 1; i < s.length; i++)
    if ((s.charCodeAt(i) & 0xfc00) === 0xdc00 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) pairs++;
  return s.length - pairs;
}
