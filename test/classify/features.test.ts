import { describe, expect, it } from 'vitest';
import { extractFeatures, FeatureBuffer, type FeatureConfig } from '../../src/classify/features.js';
import { fmix32 } from '../../src/text/hash.js';

const NL = '\n';

/** Reference: FNV-1a over the token's UTF-16 units, fmix32; n-grams chained as fastText (h * 116049371 + prev). */
function reference(tokens: string[], cfg: FeatureConfig): number[] {
  const mask = (1 << cfg.bucket_bits) - 1;
  const hashes = tokens.map((t) => {
    if (t === NL) return fmix32(0x2f733e) | 0;
    let x = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) x = Math.imul(x ^ t.charCodeAt(i), 0x01000193);
    return fmix32(x) | 0;
  });
  const out: number[] = [];
  hashes.forEach((h, i) => {
    out.push(h & mask);
    let g = h;
    for (let m = 1; m < cfg.word_ngrams && m <= i; m++) {
      g = (Math.imul(g, 116049371) + hashes[i - m]!) | 0;
      out.push(fmix32(g ^ m) & mask);
    }
  });
  return out;
}

function features(text: string, cfg: FeatureConfig): number[] {
  const buf = new FeatureBuffer();
  const n = extractFeatures(text, cfg, buf);
  return Array.from(buf.ids.subarray(0, n));
}

const base: FeatureConfig = { tokens: 'words', word_ngrams: 2, bucket_bits: 20, newline_token: false };

describe('extractFeatures', () => {
  it.each<[string, Partial<FeatureConfig>, string[]]>([
    ['Hello, World!', {}, ['hello', 'world']],
    ['Hello, World!', { tokens: 'punct' }, ['hello', ',', 'world', '!']],
    ['Hello, World!', { tokens: 'whitespace' }, ['hello,', 'world!']],
    ['a\nb', { newline_token: true }, ['a', NL, 'b']],
    ['a\n\nb', { tokens: 'punct', newline_token: true }, ['a', NL, NL, 'b']],
    ['ÉCOLE Straße', {}, ['école', 'straße']],
    ["don't stop", {}, ['don', 't', 'stop']],
    ['x1 2y', { word_ngrams: 3 }, ['x1', '2y']],
    ['one two three four', { word_ngrams: 3 }, ['one', 'two', 'three', 'four']],
    ['  \t ', {}, []],
    ['日本語のテキスト 😀ok', {}, ['日本語のテキスト', '😀ok']],
  ])('%j %j has tokens %j', (text, cfg, tokens) => {
    const c = { ...base, ...cfg };
    expect(features(text, c)).toEqual(reference(tokens, c));
  });

  it('pins the feature indices of a known text (model files depend on them)', () => {
    const cfg: FeatureConfig = { tokens: 'punct', word_ngrams: 2, bucket_bits: 20, newline_token: true };
    expect(features('Hello, World!\nHi', cfg)).toEqual([
      882286, 12882, 763033, 807225, 465089, 511777, 639879, 804863, 732078, 774287, 368468,
    ]);
  });

  it('grows its buffer for long texts and stays within the buckets', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `w${i % 977}`).join(' ');
    const ids = features(text, { ...base, bucket_bits: 10 });
    expect(ids).toHaveLength(5000 * 2 - 1);
    expect(Math.max(...ids)).toBeLessThan(1024);
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(0);
  });
});
