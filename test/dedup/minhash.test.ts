import { describe, expect, it } from 'vitest';
import { sortedJaccard } from '../../src/corpus/dedup-truth.js';
import { UnionFind } from '../../src/dedup/minhash-cluster.js';
import {
  candidateProbability,
  estimateJaccard,
  makePermutations,
  optimalParams,
  signature,
  simplifyText,
} from '../../src/dedup/minhash-core.js';
import { shingleHashes } from '../../src/dedup/minhash-scan.js';

const sig = (h: Uint32Array, perms: ReturnType<typeof makePermutations>) =>
  signature(new Int32Array(h.buffer, h.byteOffset, h.length), h.length, perms);

/** Deterministic PRNG for generated texts. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function words(n: number, rand: () => number): string[] {
  return Array.from({ length: n }, () => `w${Math.floor(rand() * 5000).toString(36)}x`);
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  let inter = 0;
  for (const x of b) if (sa.has(x)) inter++;
  return inter / (sa.size + b.length - inter);
}

describe('simplifyText', () => {
  it.each([
    ['Hello, World!', 'hello world'],
    ['  Tabs\tand\n\nnewlines  ', 'tabs and newlines'],
    ['Price: 3,700 and 1.38 billion in 2019', 'price 0 0 and 0 billion in 0'],
    ['Café naïve Ștefan Größe', 'cafe naive stefan große'],
    ['“Quoted” — dash… end', 'quoted dash end'],
    ['第九届会议，2003年', '第九届会议 0年'],
    ['', ''],
  ])('%j → %j', (input, want) => {
    expect(simplifyText(input)).toBe(want);
  });
});

describe('MinHash signatures', () => {
  it('estimate the Jaccard similarity within 0.05 mean absolute error at K = 128', () => {
    const rand = rng(7);
    const perms = makePermutations(42, 128);
    let err = 0;
    const pairs = 200;
    for (let p = 0; p < pairs; p++) {
      const a = words(300, rand);
      const b = a.slice();
      const frac = 0.02 + 0.2 * rand();
      for (let i = 0; i < b.length; i++) if (rand() < frac) b[i] = `r${Math.floor(rand() * 1e6)}`;
      const ha = shingleHashes(a.join(' '), 5);
      const hb = shingleHashes(b.join(' '), 5);
      const exact = jaccard(ha, hb);
      // The benchmark's truth (merge of sorted sets) agrees with this Set-based reference.
      expect(sortedJaccard(ha, hb)).toBeCloseTo(exact, 12);
      err += Math.abs(estimateJaccard(sig(ha, perms), sig(hb, perms)) - exact);
    }
    expect(err / pairs).toBeLessThan(0.05);
  });

  it('are a pure function of the seed', () => {
    const h = shingleHashes('the quick brown fox jumps over the lazy dog', 5);
    expect(sig(h, makePermutations(1, 16))).toEqual(sig(h, makePermutations(1, 16)));
    expect(sig(h, makePermutations(1, 16))).not.toEqual(sig(h, makePermutations(2, 16)));
    expect(makePermutations(3, 64).a.every((a) => (a & 1) === 1)).toBe(true);
  });
});

describe('optimal (bands, rows)', () => {
  it.each([
    [0.7, 256, 25, 10],
    [0.8, 256, 17, 15],
    [0.7, 128, 14, 9],
    [0.8, 128, 9, 13],
    [0.9, 128, 5, 25],
    [0.7, 240, 24, 10],
  ])('threshold %d, %d permutations → %d × %d (SPEC values)', (t, k, b, r) => {
    expect(optimalParams(t, k)).toEqual({ bands: b, rows: r });
  });

  it("matches the SPEC's S-curve values", () => {
    expect(candidateProbability(0.7, 14, 8)).toBeCloseTo(0.565, 3);
    expect(candidateProbability(0.8, 14, 8)).toBeCloseTo(0.924, 3);
    expect(candidateProbability(0.8, 20, 13)).toBeCloseTo(0.677, 3);
  });
});

describe('UnionFind', () => {
  it('joins transitively and tracks sizes', () => {
    const uf = new UnionFind(6);
    uf.union(0, 1);
    uf.union(2, 1);
    uf.union(4, 5);
    expect(uf.find(2)).toBe(uf.find(0));
    expect(uf.size[uf.find(0)]).toBe(3);
    expect(uf.find(3)).toBe(3);
    expect(uf.find(4)).toBe(uf.find(5));
  });
});
