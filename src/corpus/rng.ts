/**
 * Seeded randomness for the synthetic corpus: sfc32 streams derived from (seed, key), and Zipf samplers.
 * Only integer maths and IEEE division are used (no Math.log/pow/exp), so the same seed yields the same
 * bytes on every platform and Node version.
 */
import { fmix32 } from '../text/hash.js';

/** murmur3 finaliser: spreads every input bit over the 32-bit result. */
export const mix32 = fmix32;

/** FNV-1a over UTF-16 code units, finalised with mix32; `h` chains several keys. */
export function hashString(s: string, h = 0x811c9dc5): number {
  let x = h >>> 0;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return mix32(x);
}

/** Small fast counter PRNG (sfc32, period >= 2^32): ~3 ns per draw, good enough for text synthesis. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream for `seed` and a key such as `web/17`: streams for different keys are independent. */
  constructor(seed: number, key: string) {
    const h = hashString(key, mix32(seed ^ 0x9e3779b9));
    this.a = mix32(h ^ 0x243f6a88);
    this.b = mix32(h ^ 0x85a308d3);
    this.c = mix32(h ^ 0x13198a2e);
    this.d = 1;
    // The first outputs of a freshly seeded sfc32 are correlated with the seed; discard them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Fisher-Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

/**
 * Zipf-Mandelbrot ranks: P(k) ∝ 1 / (k + q), k = 0..n-1. `q = 1` is classic Zipf (word frequencies);
 * larger `q` flattens the head (names, places). Requires q > 0.
 */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(n: number, q = 1) {
    if (n < 1) throw new Error(`corpus zipf: need at least one rank, got ${n}`);
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / (r + q);
      this.cdf[r] = total;
    }
    for (let r = 0; r < n; r++) this.cdf[r] = (this.cdf[r] as number) / total;
  }

  /** A rank in [0, n), rank 0 the most frequent. */
  sample(rng: Rng): number {
    const u = rng.float();
    const cdf = this.cdf;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** A word list sampled with Zipf frequencies: list order is frequency order. */
export class WordBag {
  readonly words: readonly string[];
  private readonly zipf: Zipf;

  constructor(words: readonly string[], q = 1) {
    if (words.length === 0) throw new Error('corpus word bag: empty word list');
    this.words = words;
    this.zipf = new Zipf(words.length, q);
  }

  sample(rng: Rng): string {
    return this.words[this.zipf.sample(rng)] as string;
  }
}

/** Splits a whitespace-separated word table (written as a template literal) into words. */
export function wordList(table: string): string[] {
  return table.split(/\s+/).filter((w) => w.length > 0);
}
