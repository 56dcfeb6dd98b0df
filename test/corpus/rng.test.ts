import { describe, expect, it } from 'vitest';
import { hashString, Rng, WordBag, wordList, Zipf } from '../../src/corpus/rng.js';

describe('Rng', () => {
  it('gives the same stream for the same seed and key', () => {
    const a = new Rng(7, 'web/1');
    const b = new Rng(7, 'web/1');
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
  });

  it.each([
    [1, 'web/1', 2, 'web/1'],
    [1, 'web/1', 1, 'web/2'],
    [1, 'web/10', 1, 'web/1'],
  ])('separates streams (%i %s) and (%i %s)', (s1, k1, s2, k2) => {
    const a = new Rng(s1, k1);
    const b = new Rng(s2, k2);
    const same = Array.from({ length: 20 }, () => a.next() === b.next()).filter(Boolean).length;
    expect(same).toBeLessThan(2);
  });

  it('keeps int and range inside their bounds and covers them', () => {
    const rng = new Rng(1, 'bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.range(3, 9);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(9);
      seen.add(x);
      expect(rng.float()).toBeLessThan(1);
    }
    expect(seen.size).toBe(7);
  });

  it('pins the first outputs of seed 1, so a change to the generator is noticed', () => {
    const rng = new Rng(1, 'pin');
    expect([rng.next(), rng.next(), rng.next()]).toEqual([3294328056, 668904357, 1161300521]);
    expect(hashString('datamill')).toBe(692198648);
  });
});

describe('Zipf', () => {
  it('makes rank 0 the most frequent and frequencies fall with rank', () => {
    const zipf = new Zipf(50);
    const rng = new Rng(3, 'zipf');
    const counts = new Array(50).fill(0);
    for (let i = 0; i < 50_000; i++) counts[zipf.sample(rng)]++;
    expect(counts[0]).toBeGreaterThan(counts[1]);
    expect(counts[1]).toBeGreaterThan(counts[9]);
    expect(counts[9]).toBeGreaterThan(counts[49]);
    // P(0) = 1 / H(50) ≈ 0.222 for q = 1.
    expect(counts[0] / 50_000).toBeCloseTo(0.222, 1);
  });

  it('samples only words of its list', () => {
    const bag = new WordBag(wordList('alpha beta\n  gamma'));
    const rng = new Rng(1, 'bag');
    for (let i = 0; i < 100; i++) expect(['alpha', 'beta', 'gamma']).toContain(bag.sample(rng));
  });
});
