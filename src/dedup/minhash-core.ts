/**
 * MinHash building blocks: DataTrove's text simplification, shingle hashing, seeded permutations, signatures,
 * band hashes and datasketch's optimal (bands, rows) choice. Pure functions, no I/O.
 */
import { fmix32, hashString32 } from '../text/hash.js';

const NUMBERS = /\p{Nd}+(?:\.\p{Nd}+)?/gu;
const PUNCTUATION = /[\p{P}\p{S}\p{Cc}]/gu;
const COMBINING = /\p{M}/gu;
const WHITESPACE = /\s+/gu;

/**
 * DataTrove's `simplify_text` with its MinHash defaults (TextNormConfig): lowercase, numbers (`\d+(\.\d+)?`)
 * → "0", punctuation, symbols and control characters → space, diacritics removed (NFD, combining marks
 * dropped), whitespace runs → one space, trimmed.
 */
export function simplifyText(text: string): string {
  return text
    .toLowerCase()
    .replace(NUMBERS, '0')
    .replace(PUNCTUATION, ' ')
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(WHITESPACE, ' ')
    .trim();
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3 x86_32 over `n` 32-bit words of `words` from `from` (the words are the 4-byte blocks). */
export function hashWords32(words: ArrayLike<number>, from: number, n: number, seed: number): number {
  let h = seed | 0;
  for (let i = from; i < from + n; i++) {
    let k = Math.imul(words[i]!, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ (n * 4));
}

/** Seeds of the shingle hashes; fixed so signatures are comparable across runs with the same `seed`. */
const WORD_SEED = 0x5eed0001;
const SHINGLE_SEED = 0x5eed0002;

/**
 * Distinct 32-bit hashes of the shingles of `simplified` text, sorted. Word n-grams (DataTrove): each word is
 * hashed once (murmur3 over its UTF-8 bytes) and n consecutive word hashes are combined with murmur3, so no
 * shingle string is built; a document with fewer than n words gives one shingle of all its words. With
 * `charNgrams`, shingles are character (code point) n-grams of the simplified text instead. An empty text
 * has no shingles.
 */
export function shingleHashes(simplified: string, ngram: number, charNgrams?: number): Uint32Array {
  if (simplified === '') return new Uint32Array(0);
  let out: Uint32Array;
  if (charNgrams !== undefined) {
    const cps = Array.from(simplified);
    const n = Math.max(1, cps.length - charNgrams + 1);
    out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = hashString32(cps.slice(i, i + charNgrams).join(''), SHINGLE_SEED);
  } else {
    const words = simplified.split(' ');
    const wh = new Uint32Array(words.length);
    for (let i = 0; i < words.length; i++) wh[i] = hashString32(words[i]!, WORD_SEED);
    const size = Math.min(ngram, wh.length);
    const n = wh.length - size + 1;
    out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = hashWords32(wh, i, size, SHINGLE_SEED);
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i]!;
  return out.subarray(0, w);
}

/** splitmix32: a small seeded PRNG, one u32 per call. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export interface Permutations {
  a: Uint32Array;
  b: Uint32Array;
}

/** K permutations `x ↦ (a_k·x + b_k) mod 2^32` with a_k odd (a bijection), drawn from `seed`. */
export function makePermutations(seed: number, k: number): Permutations {
  const next = splitmix32(seed);
  const a = new Uint32Array(k);
  const b = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    a[i] = (next() | 1) >>> 0;
    b[i] = next();
  }
  return { a, b };
}

/** MinHash signature: per permutation, the minimum permuted shingle hash (0xffffffff when no shingles). */
export function signature(hashes: Uint32Array, perms: Permutations, out?: Uint32Array): Uint32Array {
  const k = perms.a.length;
  const sig = out ?? new Uint32Array(k);
  const n = hashes.length;
  for (let p = 0; p < k; p++) {
    const a = perms.a[p]!;
    const b = perms.b[p]!;
    let min = 0xffffffff;
    for (let i = 0; i < n; i++) {
      const v = (Math.imul(a, hashes[i]!) + b) >>> 0;
      if (v < min) min = v;
    }
    sig[p] = min;
  }
  return sig;
}

/** Fraction of equal signature values: the MinHash estimate of the Jaccard similarity. */
export function estimateJaccard(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let eq = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) eq++;
  return x.length === 0 ? 0 : eq / x.length;
}

/** 64-bit hash [hi, lo] of band `band` (rows `rows` values from band·rows) of a signature. */
export function bandHash(sig: Uint32Array, band: number, rows: number): [number, number] {
  const from = band * rows;
  return [
    hashWords32(sig, from, rows, 0x0b0d1e50 ^ band) >>> 0,
    hashWords32(sig, from, rows, 0x1a2b3c4d) >>> 0,
  ];
}

/** Probability that a pair of Jaccard similarity s becomes a candidate: 1 − (1 − s^r)^b. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

/** Simpson's rule with `steps` (even) intervals. */
function simpson(f: (x: number) => number, lo: number, hi: number, steps = 1000): number {
  const h = (hi - lo) / steps;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

/**
 * datasketch's `_optimal_param` (also in data-juicer and text-dedup): the (bands, rows) with b·r ≤ maxPerms
 * minimising 0.5·FP + 0.5·FN, FP = ∫₀^t P(s) ds and FN = ∫_t^1 (1 − P(s)) ds, brute force over b then r;
 * the first strictly smaller error wins. Integrals by Simpson's rule with 1000 steps.
 */
export function optimalParams(threshold: number, maxPerms: number): { bands: number; rows: number } {
  let best = Number.POSITIVE_INFINITY;
  let opt = { bands: 0, rows: 0 };
  for (let b = 1; b <= maxPerms; b++) {
    for (let r = 1; r <= Math.floor(maxPerms / b); r++) {
      const fp = simpson((s) => candidateProbability(s, b, r), 0, threshold);
      const fn = simpson((s) => 1 - candidateProbability(s, b, r), threshold, 1);
      const err = 0.5 * fp + 0.5 * fn;
      if (err < best) {
        best = err;
        opt = { bands: b, rows: r };
      }
    }
  }
  return opt;
}
