/**
 * fastText's `Dictionary` semantics over UTF-8 bytes: the word hash, char n-gram (subword) ids with `<` `>`
 * boundaries, word n-gram ids, and the bucket remapping of pruned (quantized) models. Written from the
 * behaviour of facebookresearch/fastText src/dictionary.cc (MIT); ids here are input-matrix row numbers.
 */
import type { DictionaryData, FastTextArgs } from './model-file.js';

/** fastText's FNV-1a offset basis (2166136261) as an int32. */
export const FNV_OFFSET = 2166136261 | 0;
const FNV_PRIME = 16777619;

export const EOS_BYTES = new Uint8Array([0x3c, 0x2f, 0x73, 0x3e]); // "</s>"
export const BOW = 0x3c; // '<'
export const EOW = 0x3e; // '>'
export const LABEL_PREFIX_BYTES = new TextEncoder().encode('__label__');

/**
 * `Dictionary::hash`: FNV-1a 32 where each byte is first cast to int8 and sign-extended (so bytes ≥ 0x80 XOR
 * in 0xFFFFFFxx). Returns the uint32 value as an int32 (`>>> 0` for the unsigned one).
 */
export function fastTextHash(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ ((bytes[i]! << 24) >> 24), FNV_PRIME);
  return h;
}

/** Sparse bucket → row-offset map of a pruned model (`Dictionary::pruneidx_`), open addressing. */
export class PruneIndex {
  /** Interleaved (key, value) slots, so a probe touches one cache line; key -1 = empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(pairs: Int32Array) {
    const n = pairs.length >> 1;
    let cap = 16;
    while (cap < n * 3) cap <<= 1; // load ≤ 1/3: most probes are for pruned (absent) buckets
    this.table = new Int32Array(cap * 2).fill(-1);
    this.mask = cap - 1;
    this.shift = Math.clz32(cap) + 1; // top log2(cap) bits of a Fibonacci hash
    for (let i = 0; i < n; i++) {
      const key = pairs[2 * i]!;
      let s = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.table[2 * s] !== -1 && this.table[2 * s] !== key) s = (s + 1) & this.mask;
      this.table[2 * s] = key; // a repeated key keeps its last value, like std::unordered_map operator[]
      this.table[2 * s + 1] = pairs[2 * i + 1]!;
    }
  }

  /** The kept row offset of `bucket`, or -1 when the bucket was pruned. */
  get(bucket: number): number {
    const t = this.table;
    let s = Math.imul(bucket, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = t[2 * s]!;
      if (k === bucket) return t[2 * s + 1]!;
      if (k === -1) return -1;
      s = (s + 1) & this.mask;
    }
  }
}

/** What a model needs to turn n-gram buckets into input rows (`Dictionary::pushHash`). */
export class SubwordIds {
  readonly nwords: number;
  readonly minn: number;
  readonly maxn: number;
  readonly bucket: number;
  readonly wordNgrams: number;
  private readonly invBucket: number;
  private readonly pruneidxSize: number;
  private readonly prune: PruneIndex | undefined;
  /** Bit b set when bucket b survived pruning: one L2-resident probe rejects the ~98% pruned buckets. */
  private readonly kept: Uint32Array | undefined;

  constructor(args: FastTextArgs, dict: DictionaryData) {
    this.nwords = dict.nwords;
    this.minn = args.minn;
    this.maxn = args.maxn;
    this.bucket = args.bucket;
    this.wordNgrams = args.wordNgrams;
    this.invBucket = 1 / args.bucket;
    this.pruneidxSize = dict.pruneidxSize;
    this.prune = dict.pruneidxSize > 0 ? new PruneIndex(dict.pruneidx) : undefined;
    if (this.prune !== undefined) {
      this.kept = new Uint32Array((args.bucket + 31) >>> 5);
      for (let i = 0; i < dict.pruneidx.length; i += 2) {
        const b = dict.pruneidx[i]!;
        if (b >= 0 && b < args.bucket) this.kept[b >>> 5]! |= 1 << (b & 31);
      }
    }
  }

  /** Input row of n-gram bucket `id` (0 ≤ id < bucket), or -1 when pruned away (`pushHash`). */
  row(id: number): number {
    if (this.pruneidxSize === 0 || id < 0) return -1;
    if (this.prune !== undefined) {
      if ((this.kept![id >>> 5]! & (1 << (id & 31))) === 0) return -1;
      const r = this.prune.get(id);
      return r < 0 ? -1 : this.nwords + r;
    }
    return this.nwords + id;
  }

  /**
   * `Dictionary::computeSubwords` on `word[0..len)` (which already carries the `<` `>` boundaries): appends
   * the rows of every char n-gram of minn..maxn code points (whole UTF-8 sequences), skipping 1-grams at
   * either boundary, to `out` from `at`. Returns the new end. `out` must have room for len × maxn ids.
   */
  subwordRows(word: Uint8Array, len: number, out: Int32Array, at: number): number {
    const { minn, maxn, bucket, invBucket } = this;
    for (let i = 0; i < len; i++) {
      if ((word[i]! & 0xc0) === 0x80) continue;
      let h = FNV_OFFSET;
      for (let j = i, n = 1; j < len && n <= maxn; n++) {
        h = Math.imul(h ^ ((word[j++]! << 24) >> 24), FNV_PRIME);
        while (j < len && (word[j]! & 0xc0) === 0x80)
          h = Math.imul(h ^ ((word[j++]! << 24) >> 24), FNV_PRIME);
        if (n >= minn && !(n === 1 && (i === 0 || j === len))) {
          // (h >>> 0) % bucket without V8's slow float modulo: the quotient from a float product, corrected.
          const u = h >>> 0;
          let b = u - Math.floor(u * invBucket) * bucket;
          if (b < 0) b += bucket;
          else if (b >= bucket) b -= bucket;
          const r = this.row(b | 0);
          if (r >= 0) out[at++] = r;
        }
      }
    }
    return at;
  }

  /**
   * `Dictionary::addWordNgrams`: rows of the word n-grams (2..wordNgrams) of a line whose word hashes (int32,
   * as fastText keeps them) are `hashes[0..count)`. The 64-bit arithmetic sign-extends each int32 hash.
   */
  wordNgramRows(hashes: Int32Array, count: number, visit: (row: number) => void): void {
    const n = this.wordNgrams;
    if (n <= 1) return;
    const bucket = BigInt(this.bucket);
    for (let i = 0; i < count; i++) {
      let h = BigInt.asUintN(64, BigInt(hashes[i]!));
      for (let j = i + 1; j < count && j < i + n; j++) {
        h = BigInt.asUintN(64, h * 116049371n + BigInt.asUintN(64, BigInt(hashes[j]!)));
        const r = this.row(Number(h % bucket));
        if (r >= 0) visit(r);
      }
    }
  }
}

/** True when `bytes[start..end)` begins with `prefix`. */
export function startsWithBytes(bytes: Uint8Array, start: number, end: number, prefix: Uint8Array): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[start + i] !== prefix[i]) return false;
  return true;
}
