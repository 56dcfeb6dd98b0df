import { describe, expect, it } from 'vitest';
import { hashString32, unitHash } from '../../src/text/hash.js';

/** Reference MurmurHash3 x86_32 over bytes, written plainly (no streaming) to cross-check the encoder. */
function murmur3Bytes(bytes: Uint8Array, seed: number): number {
  let h = seed | 0;
  const blocks = bytes.length >>> 2;
  const mixK = (k0: number): number => {
    let k = Math.imul(k0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    return Math.imul(k, 0x1b873593);
  };
  for (let i = 0; i < blocks; i++) {
    const o = i * 4;
    const k = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24);
    h ^= mixK(k);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let tail = 0;
  for (let i = bytes.length - 1; i >= blocks * 4; i--) tail = (tail << 8) | bytes[i]!;
  if (bytes.length & 3) h ^= mixK(tail);
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic generator (mulberry32) for the random-string cross-check. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hashString32', () => {
  // Published MurmurHash3 x86_32 test vectors (UTF-8 input); pinned forever since sampling depends on them.
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['\0\0\0\0', 0, 0x2362f9de],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['abc', 0, 0xb3dd93fa],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['aa', 0x9747b28c, 0x5d211726],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['Hello, world!', 0, 0xc0363e43],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
  ])('hashString32(%j, %i) = %i', (s, seed, expected) => {
    expect(hashString32(s, seed)).toBe(expected);
  });

  it('equals murmur3 over Buffer.from(s) UTF-8, including astral chars and lone surrogates', () => {
    const rand = mulberry32(7);
    const alphabet = [
      'a',
      'Z',
      ' ',
      'é',
      '£',
      '€',
      '中',
      '😀',
      '\u{10FFFF}',
      '\uD800',
      '\uDC00',
      '\0',
      '\u0092',
    ];
    for (let n = 0; n < 2000; n++) {
      let s = '';
      const len = Math.floor(rand() * 24);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const seed = Math.floor(rand() * 4294967296);
      expect(hashString32(s, seed)).toBe(murmur3Bytes(Buffer.from(s, 'utf8'), seed));
    }
  });

  it('reduces the seed to its low 32 bits', () => {
    expect(hashString32('doc-1', -1)).toBe(hashString32('doc-1', 0xffffffff));
    expect(hashString32('doc-1', 2 ** 32 + 5)).toBe(hashString32('doc-1', 5));
  });
});

describe('unitHash', () => {
  const ids = Array.from({ length: 100_000 }, (_, i) => `shard-${i % 7}.jsonl@${i * 131}`);

  it('pins exact values', () => {
    expect(unitHash(0, 'Hello, world!')).toBe(0xc0363e43 / 2 ** 32);
    expect(unitHash(42, 'doc-1')).toBe(hashString32('doc-1', 42) / 2 ** 32);
  });

  it('is uniform: chi-square over 100k ids in 100 bins stays under the 0.999 quantile (148.2, 99 dof)', () => {
    const bins = new Array<number>(100).fill(0);
    let min = 1;
    let max = 0;
    for (const id of ids) {
      const u = unitHash(1234, id);
      min = Math.min(min, u);
      max = Math.max(max, u);
      bins[Math.floor(u * 100)]!++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const expected = ids.length / 100;
    const chi2 = bins.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(148.2);
  });

  it('is independent across seeds: decisions at rate 0.5 agree about half the time', () => {
    let agree = 0;
    for (const id of ids) if (unitHash(1, id) < 0.5 === unitHash(2, id) < 0.5) agree++;
    // Binomial(100k, 0.5): sd = 158, so ±1000 is > 6 sd.
    expect(Math.abs(agree - 50_000)).toBeLessThan(1000);
  });

  it('is independent across seeds: 2x2 contingency at rate 0.3 matches the product of marginals', () => {
    let both = 0;
    for (const id of ids) if (unitHash(11, id) < 0.3 && unitHash(12, id) < 0.3) both++;
    // Expected 9000, sd ~ 90.
    expect(Math.abs(both - 9000)).toBeLessThan(600);
  });
});
