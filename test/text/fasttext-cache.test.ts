import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastTextHash } from '../../src/text/fasttext/dictionary.js';
import { lid176Path } from '../../src/text/fasttext/lid176.js';
import { parseFastTextModel } from '../../src/text/fasttext/model-file.js';
import { FastTextClassifier, type FastTextOptions } from '../../src/text/fasttext/predict.js';
import { TokenCache } from '../../src/text/fasttext/token-cache.js';
import { TokenRows } from '../../src/text/fasttext/token-rows.js';
import { describeWithData } from '../helpers/shared-data.js';
import { sharedTexts } from '../helpers/stage-harness.js';
import { rng } from '../helpers/xorshift.js';

const bytes = readFileSync(lid176Path());
const lid = (options: FastTextOptions) =>
  FastTextClassifier.fromBytes(bytes, {
    labelPrefix: '__label__',
    joinLines: true,
    native: false,
    ...options,
  });

describe('TokenCache', () => {
  /** A cache of 2 pinned words and room for `free` tokens; entry vectors hold their entry number. */
  function cache(free: number): TokenCache {
    const c = new TokenCache(1, 2, 300, free);
    for (const w of ['the', 'x'.repeat(290)])
      c.vecs[c.add(w, 0, w.length, fastTextHash(enc(w))) * c.stride] = -1;
    c.pin();
    return c;
  }
  const enc = (s: string) => new TextEncoder().encode(s);
  const find = (c: TokenCache, w: string) => c.find(w, 0, w.length, fastTextHash(enc(w)));

  it.each([
    ['a short key', 'the'],
    ['a key longer than the inline room (the long-key pool)', 'x'.repeat(290)],
  ])('finds pinned %s, and nothing for near misses', (_name, w) => {
    const c = cache(8);
    expect(find(c, w)).toBeGreaterThanOrEqual(0);
    expect(find(c, `${w}s`)).toBe(-1);
    expect(find(c, w.slice(1))).toBe(-1);
    expect(c.find(`  ${w}  `, 2, w.length + 2, fastTextHash(enc(w)))).toBe(find(c, w));
  });

  it.each([
    ['odd length', 'abcde', 'abcdf'],
    ['even length', 'abcd', 'abce'],
    ['one unit', 'a', 'b'],
    ['empty key', '', 'a'],
    ['surrogates', '😀x', '😁x'],
    ['past the inline room', 'y'.repeat(40), `${'y'.repeat(39)}z`],
  ])('matches whole keys only (%s), even when the probe hashes collide', (_name, key, other) => {
    const c = cache(8);
    const e = c.add(key, 0, key.length, 12345);
    expect(c.matches(e, key, 0, key.length)).toBe(true);
    expect(c.matches(e, other, 0, other.length)).toBe(false);
    expect(c.find(key, 0, key.length, 12345)).toBe(e);
    expect(c.find(other, 0, other.length, 12345)).toBe(-1);
  });

  it('compact keeps pinned words and the most-hit tokens (at most half the room), renumbered, findable', () => {
    const c = cache(8);
    const words = ['alpha', 'be', 'gamma,', 'delta.', 'épsilon', 'zeta', 'eta', 'theta'];
    for (const w of words) c.vecs[c.add(w, 0, w.length, fastTextHash(enc(w))) * c.stride] = words.indexOf(w);
    const hits = [5, 0, 9, 1, 7, 0, 2, 0];
    words.forEach((w, i) => {
      for (let h = 0; h < hits[i]!; h++) c.hit(find(c, w));
    });
    expect(c.hasRoom(1)).toBe(false);
    c.compact();
    expect(c.size).toBe(2 + 4);
    expect(find(c, 'the')).toBe(0);
    expect(find(c, 'x'.repeat(290))).toBe(1);
    const kept = words.filter((w) => find(c, w) >= 0);
    expect(kept).toEqual(['alpha', 'gamma,', 'épsilon', 'eta']); // hits ≥ 2, in their old order
    for (const w of kept) expect(c.vecs[find(c, w) * c.stride]).toBe(words.indexOf(w));
    expect(c.hitsOf(find(c, 'gamma,'))).toBe(4); // halved
    expect(c.hasRoom(1)).toBe(true);
  });
});

describe('TokenRows', () => {
  it('hashes the UTF-8 TextEncoder writes (lone surrogates as U+FFFD) on seeded random strings', () => {
    const model = parseFastTextModel(bytes);
    const rows = new TokenRows(model.args, model.dict, new Float32Array(model.input.m * 16), 16);
    const next = rng(176);
    const units = [0x41, 0x7a, 0xe9, 0x3b1, 0x4e2d, 0xd83d, 0xde00, 0xdc00, 0xd800, 0xfffd, 0x7ff, 0x800];
    const out = new Float32Array(16);
    for (let t = 0; t < 2000; t++) {
      const s = String.fromCharCode(
        ...Array.from(
          { length: 1 + Math.floor(next() * 9) },
          () => units[Math.floor(next() * units.length)]!,
        ),
      );
      rows.oov(`[${s}]`, 1, s.length + 1, out, 0);
      expect(rows.hash, JSON.stringify(s)).toBe(fastTextHash(new TextEncoder().encode(s)));
    }
  });
});

/** Documents whose top-k under `b` differs from `a` (labels, or scores by 1e-12: the same sums in the same order). */
function differences(a: FastTextClassifier, b: FastTextClassifier, texts: string[], k: number): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const x = a.predict(text, k);
    const y = b.predict(text, k);
    const same =
      x.length === y.length &&
      x.every((p, i) => p.label === y[i]!.label && Math.abs(p.score - y[i]!.score) < 1e-12);
    if (!same) out.push(`${text.slice(0, 60)}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  }
  return out;
}

describeWithData('the token cache changes no prediction (vs. computing every token afresh)', () => {
  const uncached = lid({ cacheSize: 0 });
  const cached = lid({});
  const tiny = lid({ cacheSize: 1024 }); // compacts every ~500 new tokens

  it.each([
    ['UDHR, 388 languages', 3, 'multilingual/udhr2_388.jsonl.gz'],
    ['lingua, 74,141 sentences in 75 languages', 1, 'multilingual/lingua_sentences_75langs.jsonl.gz'],
    ['C4 pages', 3, 'web/llamafactory_c4_demo.jsonl.gz'],
    ['DCLM-labelled pages', 1, 'web/dclm_quality_labels/majority_data.jsonl.gz'],
    ['raw Common Crawl pages', 1, 'web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz'],
  ])('%s (k = %i), twice (cold, then warm cache)', (_name, k, file) => {
    const docs = sharedTexts(file);
    expect(docs.length).toBeGreaterThan(250);
    for (let pass = 0; pass < 2; pass++) {
      expect(differences(uncached, cached, docs, k)).toEqual([]);
      expect(differences(uncached, tiny, docs, k)).toEqual([]);
    }
  });
});
