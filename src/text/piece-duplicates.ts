/**
 * Duplicate paragraphs and lines for Gopher's repetition rules (DataTrove `find_duplicates` over
 * `re.split`), counted in place without building the pieces.
 */
import { nativeAddon } from '../native/addon.js';
import { nativeText } from '../native/loaded-text.js';
import { fmix32 as fmix } from './hash.js';
import { cpLength } from './python.js';

/** DataTrove `find_duplicates`: later occurrences counted, and their code points summed. */
export function findDuplicates(xs: readonly string[], seen = new Set<string>()): [number, number] {
  seen.clear();
  let count = 0;
  let chars = 0;
  for (const x of xs) {
    if (seen.has(x)) {
      count++;
      chars += cpLength(x);
    } else seen.add(x);
  }
  return [count, chars];
}

/**
 * `findDuplicates` of the pieces of `text[from, to)` split at runs of at least `minRun` newlines
 * (`re.split(r"\n+")`: minRun 1; `re.split(r"\n{2,}")`: minRun 2), read in place: pieces are hashed
 * while scanning and a hash match is verified by comparing characters, so no piece string is built.
 * Separators come from indexOf and pieces are hashed on a sample of their units: the whole filter on
 * 20 MB of ../shared/data/web went from ~33 (splits + Set<string>, then a hashing char loop) to ~40 MB/s
 * (`node /tmp/gbench/bench.mjs <dist> 20`, Node 20, loaded 2-CPU host; 20.3 MB/s before this work).
 */
export class PieceDuplicates {
  /** Slots [generation, hash, start, end]. */
  private table = new Int32Array(4 * 256);
  private mask = 255;
  private used = 0;
  private gen = 0;
  pieces = 0;
  count = 0;
  chars = 0;
  /** Hash and length matches that differed (see scan). */
  private misses = 0;
  private readonly out = new Float64Array(3);

  /**
   * Counts the pieces of `text[from, to)` and their duplicates into `pieces`, `count` and `chars`. In one
   * native call when the addon is built (src/native/piece_duplicates.cc, tested equal; `useNative` false:
   * never): this class took 2.5% of the FineWeb chain's samples on one core in TypeScript.
   */
  scan(text: string, from: number, to: number, minRun: 1 | 2, useNative = true): void {
    const addon = useNative ? nativeAddon() : undefined;
    if (addon !== undefined) {
      const out = this.out;
      addon.pieceDuplicates(nativeText(addon, text), from, to, minRun, out);
      this.pieces = out[0]!;
      this.count = out[1]!;
      this.chars = out[2]!;
      return;
    }
    this.scanWith(text, from, to, minRun, sampleHash);
    // Pieces equal on the sample but not in full (fixed-width records differing mid-line) would make the
    // comparisons quadratic: past a few, hash every unit instead.
    if (this.misses > 64) this.scanWith(text, from, to, minRun, fullHash);
  }

  private scanWith(text: string, from: number, to: number, minRun: 1 | 2, hash: typeof fullHash): void {
    this.misses = 0;
    this.pieces = 0;
    this.count = 0;
    this.chars = 0;
    this.used = 0;
    if (++this.gen === 0x40000000) {
      this.table.fill(0);
      this.gen = 1;
    }
    // Separators found by the engine's indexOf; pieces hashed on a sample of their characters (the
    // hash only has to make equal pieces meet: candidates are compared in full).
    const separator = minRun === 1 ? '\n' : '\n\n';
    let start = from;
    for (;;) {
      const k = text.indexOf(separator, start);
      if (k < 0 || k + minRun > to) break;
      this.piece(text, start, k, hash(text, start, k));
      let e = k + minRun;
      while (e < to && text.charCodeAt(e) === 10) e++;
      start = e;
    }
    this.piece(text, start, to, hash(text, start, to));
  }

  private piece(text: string, start: number, end: number, h: number): void {
    this.pieces++;
    const len = end - start;
    let t = this.table;
    let s = fmix(h) & this.mask;
    for (;;) {
      const at = 4 * s;
      if (t[at] !== this.gen) break;
      if (t[at + 1] === h && t[at + 3]! - t[at + 2]! === len) {
        if (sameRange(text, t[at + 2]!, start, len)) {
          this.count++;
          this.chars += cpLength(text.slice(start, end));
          return;
        }
        this.misses++;
      }
      s = (s + 1) & this.mask;
    }
    if (2 * (this.used + 1) > this.mask + 1) {
      this.rehash();
      t = this.table;
      s = fmix(h) & this.mask;
      while (t[4 * s] === this.gen) s = (s + 1) & this.mask;
    }
    const at = 4 * s;
    t[at] = this.gen;
    t[at + 1] = h;
    t[at + 2] = start;
    t[at + 3] = end;
    this.used++;
  }

  /** Doubles the table twice, reinserting the current generation's slots. */
  private rehash(): void {
    const old = this.table;
    const size = 4 * (this.mask + 1);
    const t = new Int32Array(4 * size);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] !== this.gen) continue;
      let s = fmix(old[at + 1]!) & mask;
      while (t[4 * s] === this.gen) s = (s + 1) & mask;
      t.set(old.subarray(at, at + 4), 4 * s);
    }
    this.table = t;
    this.mask = mask;
  }
}

/** Hash of the length, the first and last 16 code units and 16 between (all units of a short piece). */
function sampleHash(text: string, a: number, b: number): number {
  const len = b - a;
  let h = len;
  if (len <= 48) {
    for (let k = a; k < b; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
    return h;
  }
  for (let k = a; k < a + 16; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  const step = Math.floor((len - 32) / 16);
  for (let j = 0, k = a + 16; j < 16; j++, k += step) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  for (let k = b - 16; k < b; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  return h;
}

/** Hash of every code unit. */
function fullHash(text: string, a: number, b: number): number {
  let h = b - a;
  for (let k = a; k < b; k++) h = (Math.imul(h, 0x9e3779b1) + text.charCodeAt(k)) | 0;
  return h;
}

function sameRange(text: string, a: number, b: number, len: number): boolean {
  for (let j = 0; j < len; j++) if (text.charCodeAt(a + j) !== text.charCodeAt(b + j)) return false;
  return true;
}
