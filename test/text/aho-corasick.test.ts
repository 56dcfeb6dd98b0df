import { describe, expect, it } from 'vitest';
import { compileAhoCorasick, firstMatch, forEachMatch } from '../../src/text/aho-corasick.js';

/** Mulberry32: a tiny seeded generator, so failures replay. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(next: () => number, alphabet: string, maxLen: number): string {
  const n = 1 + Math.floor(next() * maxLen);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

/** Every (pattern, end) occurrence by brute force, sorted. */
function naiveAll(patterns: readonly string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, k) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${k}@${i + p.length}`);
  });
  return out.sort();
}

describe('aho-corasick', () => {
  it.each([
    [['he', 'she', 'his', 'hers'], 'ushers', ['0@4', '1@4', '3@6']],
    [['a', 'aa', 'aaa'], 'aaa', ['0@1', '0@2', '0@3', '1@2', '1@3', '2@3']],
    [['porn'], 'example.com', []],
    [['é', 'ü'], 'café über', ['0@4', '1@6']],
  ])('finds every occurrence of %j in %j', (patterns, text, expected) => {
    const ac = compileAhoCorasick(patterns);
    const got: string[] = [];
    forEachMatch(ac, text, (k, end) => got.push(`${k}@${end}`));
    expect(got.sort()).toEqual(expected);
  });

  it('firstMatch returns the pattern ending earliest, -1 when none; ignores empty patterns', () => {
    const ac = compileAhoCorasick(['', 'bcd', 'c', 'abcde']);
    expect(ac.patterns).toEqual(['bcd', 'c', 'abcde']);
    expect(ac.patterns[firstMatch(ac, 'xabcdex')]).toBe('c');
    expect(firstMatch(ac, 'xyz')).toBe(-1);
    expect(firstMatch(compileAhoCorasick([]), 'anything')).toBe(-1);
  });

  it.each([
    ['https://Ex-Ample.com/Bad_Word?q=1', ['badword', 'example'], 'example'],
    ['HTTP://X.ORG/B-A-D', ['bad'], 'bad'],
    ['https://x.org/ba d (compacted: words join across separators)', ['bad'], 'bad'],
    ['https://x.org/b4d', ['bad'], undefined],
    ['https://x.org/caf%C3%A9-bad', ['c3a9bad', 'cafc3a9'], 'cafc3a9'],
    ['https://x.org/ÄBAD', ['bad', 'äbad'], 'bad'],
  ])('firstMatch(alnumFolded) on %s is firstMatch of the normalized URL', (url, patterns, want) => {
    const ac = compileAhoCorasick(patterns);
    const normalized = url.replace(/[^a-zA-Z0-9]+/g, '').toLowerCase();
    expect(firstMatch(ac, url, true)).toBe(firstMatch(ac, normalized));
    expect(ac.patterns[firstMatch(ac, url, true)]).toBe(want);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('matches a naive search on random inputs (seed %i)', (seed) => {
    const next = rng(seed);
    const alphabet = seed % 2 === 0 ? 'ab' : 'abcxyz';
    const patterns = Array.from({ length: 1 + Math.floor(next() * 20) }, () =>
      randomString(next, alphabet, 5),
    );
    const ac = compileAhoCorasick(patterns);
    for (let round = 0; round < 50; round++) {
      const text = randomString(next, `${alphabet}-`, 60);
      const got: string[] = [];
      forEachMatch(ac, text, (k, end) => got.push(`${k}@${end}`));
      const want = naiveAll(ac.patterns, text);
      expect(got.sort()).toEqual(want);
      expect(firstMatch(ac, text) >= 0).toBe(want.length > 0);
      // The folded search sees the text as normalizeWord leaves it: '-' removed, letters lowercased.
      const mixed = text.replace(/[ax]/g, (ch) => ch.toUpperCase());
      expect(firstMatch(ac, mixed, true)).toBe(firstMatch(ac, text.replace(/-/g, '')));
    }
  });
});
