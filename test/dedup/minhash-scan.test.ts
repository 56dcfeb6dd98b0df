import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { referenceShingles, ShingleScanner, shingleHashes } from '../../src/dedup/minhash-scan.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';

const scanned = (text: string, n = 5) => {
  const s = new ShingleScanner(n);
  const count = s.scan(text);
  return Array.from(s.shingles.subarray(0, count));
};

describe('ShingleScanner', () => {
  it.each([
    ['Hello, World!'],
    ['  Tabs\tand\n\nnewlines  '],
    ['Price: 3,700 and 1.38 billion in 2019 (v2.0.1) 4.'],
    ['Café naïve Ștefan Größe İstanbul'],
    ['“Quoted” — dash… end'],
    ['第九届会议，2003年 ٣٤٥ and ۱۲.۵'],
    ['ΟΔΟΣ ΣΟΦΟΣ Σ ΑΣ. σοφός'],
    ['emoji 😀 splits, 𝐁old astral letters stay, e\u0301 combining'],
    ['a b c'],
    [''],
    ['...!!!'],
    ['lone \uD800 surrogate'],
  ])('matches the regex pipeline on %j', (text) => {
    expect(scanned(text)).toEqual(Array.from(referenceShingles(text, 5)));
  });

  it('gives one shingle to a document shorter than ngram and none to an empty one', () => {
    expect(shingleHashes('a b c', 5)).toHaveLength(1);
    expect(shingleHashes('', 5)).toHaveLength(0);
    expect(shingleHashes('a b c d e f g', 5)).toHaveLength(3);
  });

  it('deduplicates repeated shingles and supports character n-grams', () => {
    expect(shingleHashes('a a a a a a a a', 5)).toHaveLength(1);
    expect(shingleHashes('abcdef', 5, 3)).toHaveLength(4);
    expect(shingleHashes('ab', 5, 3)).toHaveLength(1);
  });
});

function jsonlTexts(file: string): string[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

describeWithData('ShingleScanner on real text', () => {
  it.each([
    ['multilingual/udhr2_388.jsonl.gz'],
    ['web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'],
    ['web/llamafactory_c4_demo.jsonl.gz'],
    ['multilingual/lingua_sentences_75langs.jsonl.gz'],
  ])('equals the regex pipeline on every document of %s', (file) => {
    const texts = jsonlTexts(sharedPath(file));
    expect(texts.length).toBeGreaterThan(100);
    const scanner = new ShingleScanner(5);
    const mismatched = texts.filter((t) => {
      const count = scanner.scan(t);
      const got = scanner.shingles.subarray(0, count);
      const want = referenceShingles(t, 5);
      return got.length !== want.length || got.some((h, i) => h !== want[i]);
    });
    expect(mismatched.map((t) => t.slice(0, 80))).toEqual([]);
  });
});
