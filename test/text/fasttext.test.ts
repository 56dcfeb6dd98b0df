import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastTextHash } from '../../src/text/fasttext/dictionary.js';
import { lid176Path, loadLid176 } from '../../src/text/fasttext/lid176.js';
import { LOSS, parseFastTextModel } from '../../src/text/fasttext/model-file.js';
import { FastTextClassifier } from '../../src/text/fasttext/predict.js';
import { type LanguageId, LID176_LABELS } from '../../src/text/lid.js';
import { loadWasmLanguageId } from '../helpers/fasttext-wasm.js';
import { describeWithData, sharedPath } from '../helpers/shared-data.js';
import { readJsonlRows } from '../helpers/stage-harness.js';

const model = loadLid176();
const wasm: LanguageId = await loadWasmLanguageId();

describe('fastText hash', () => {
  it('is FNV-1a 32 on ASCII', () => {
    // FNV-1a("a") = 0xe40c292c
    expect(fastTextHash(new TextEncoder().encode('a')) >>> 0).toBe(0xe40c292c);
  });

  it('sign-extends bytes ≥ 0x80 (int8 cast), unlike plain FNV-1a', () => {
    const bytes = new Uint8Array([0xc3]);
    const plain = Math.imul(0x811c9dc5 ^ 0xc3, 16777619) >>> 0;
    const signed = Math.imul(0x811c9dc5 ^ 0xffffffc3, 16777619) >>> 0;
    expect(fastTextHash(bytes) >>> 0).toBe(signed);
    expect(signed).not.toBe(plain);
  });
});

describe('lid.176.ftz file', () => {
  const data = parseFastTextModel(readFileSync(lid176Path()));

  it('parses the quantized model', () => {
    expect(data.version).toBe(12);
    expect(data.args).toMatchObject({ dim: 16, minn: 2, maxn: 4, wordNgrams: 1, bucket: 2_000_000 });
    expect(data.args.loss).toBe(LOSS.hs);
    expect(data.quantInput).toBe(true);
    expect(data.dict.nlabels).toBe(176);
    expect(data.input.m).toBe(data.dict.nwords + data.dict.pruneidxSize);
  });

  it('has the labels of LID176_LABELS, in order', () => {
    expect(model.labels).toEqual(LID176_LABELS);
  });

  it('loads from bytes into a classifier with the same answers (load time: bench/lid.js, ~60-130 ms)', () => {
    const fresh = FastTextClassifier.fromBytes(readFileSync(lid176Path()), {
      labelPrefix: '__label__',
      joinLines: true,
    });
    const text = 'Ceci est une phrase en français, sans aucun doute.';
    expect(fresh.predict(text, 3)).toEqual(model.predict(text, 3));
  });

  it('is shared per thread', () => {
    expect(loadLid176()).toBe(model);
  });
});

/** Our top-k next to fasttext.wasm.js (fastText's own code as WASM): same labels, scores within 1e-4. */
function expectSame(text: string, k = -1): void {
  const ours = model.predict(text, k, 0);
  const theirs = wasm.identify(text, k);
  expect(ours.map((p) => p.label).slice(0, 3)).toEqual(theirs.map((p) => p.language).slice(0, 3));
  for (let i = 0; i < Math.min(3, ours.length); i++) {
    expect(Math.abs(ours[i]!.score - theirs[i]!.score)).toBeLessThan(1e-4);
  }
}

describe('predict matches fasttext.wasm.js', () => {
  it.each([
    ['English', 'The quick brown fox jumps over the lazy dog while the farmer watches.'],
    ['German', 'Der schnelle braune Fuchs springt über den faulen Hund.'],
    ['Japanese', '吾輩は猫である。名前はまだ無い。'],
    ['empty text (only </s>)', ''],
    ['blank', ' \t\r\v\f '],
    ['a literal </s> ends the line', 'hello </s> Der schnelle braune Fuchs springt'],
    ['label-like tokens are ignored', '__label__en bonjour tout le monde'],
    ['newlines are separators (joinLines)', 'Hallo\nDas ist ein ganz normaler deutscher Satz.'],
    ['NUL separates tokens', 'bonjour\0tout\0le\0monde'],
    ['long OOV token', 'x'.repeat(5000)],
  ])('%s', (_name, text) => {
    expectSame(text);
    expectSame(text, 1);
  });

  it('stops at the first newline without joinLines, as fastText does', () => {
    const firstLine = FastTextClassifier.fromBytes(readFileSync(lid176Path()), { labelPrefix: '__label__' });
    const text = 'Das ist ein ganz normaler deutscher Satz.\nThis is an English sentence.';
    expect(firstLine.predict(text, 1)[0]?.label).toBe('de');
    expect(firstLine.predict(text, 1)).toEqual(model.predict('Das ist ein ganz normaler deutscher Satz.', 1));
  });

  it('honours k and threshold', () => {
    const text = 'Ceci est une phrase en français, sans aucun doute.';
    expect(model.predict(text, 3)).toHaveLength(3);
    const all = model.predict(text, -1);
    expect(all.length).toBeGreaterThan(50);
    for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
    expect(model.predict(text, -1, 0.5).every((p) => p.score >= 0.5)).toBe(true);
  });

  it('gives the same answers after its token cache is cleared', () => {
    const small = FastTextClassifier.fromBytes(readFileSync(lid176Path()), {
      labelPrefix: '__label__',
      joinLines: true,
      cacheSize: 1024,
    });
    const text = Array.from({ length: 3000 }, (_, i) => `tok${i}`).join(' ') + ' Guten Morgen';
    expect(small.predict(text, 5)).toEqual(model.predict(text, 5));
    expect(small.predict(text, 5)).toEqual(model.predict(text, 5));
  });

  it('gives the same answers when one text overflows its cache sets (no slot evicted while in use)', () => {
    const small = FastTextClassifier.fromBytes(readFileSync(lid176Path()), {
      labelPrefix: '__label__',
      joinLines: true,
      cacheSize: 1024,
    });
    // 12,000 distinct tokens overflow the sets of the small cache (~16k slots, 7k taken by the dictionary)
    // within this one text: evicting a slot an earlier token of the text still needs would change hiddenOf.
    const words = ['Guten Morgen', 'das ist', 'ein Satz', 'x'.repeat(60)];
    const text = Array.from({ length: 12_000 }, (_, i) => `w${i}q ${words[i % 4]}`).join(' ');
    const fresh = FastTextClassifier.fromBytes(readFileSync(lid176Path()), { joinLines: true });
    expect(Array.from(small.hiddenOf(text)!)).toEqual(Array.from(fresh.hiddenOf(text)!));
    expect(Array.from(small.hiddenOf(text)!)).toEqual(Array.from(fresh.hiddenOf(text)!)); // warm caches
    for (const k of [1, 5, -1]) expect(small.predict(text, k)).toEqual(model.predict(text, k));
    expectSame(text, 1);
    expectSame(text);
  });
});

/** Every `step`-th row from `offset`: a deterministic sample. */
function everyNth<T>(rows: T[], step: number, offset: number): T[] {
  return rows.filter((_, i) => i % step === offset);
}

function agreement(texts: string[]) {
  let sameTop = 0;
  let maxDiff = 0;
  const misses: string[] = [];
  for (const text of texts) {
    const ours = model.predict(text, -1, 0)[0];
    const theirs = wasm.identify(text, -1)[0];
    if (ours?.label === theirs?.language) sameTop++;
    else misses.push(text.slice(0, 80));
    maxDiff = Math.max(maxDiff, Math.abs((ours?.score ?? 0) - (theirs?.score ?? 0)));
  }
  return { rate: sameTop / texts.length, maxDiff, misses };
}

describeWithData('agreement with fasttext.wasm.js on shared data', () => {
  it('lingua sentences (10,592-sentence sample): same top label, top score within 1e-4', () => {
    const rows = readJsonlRows(sharedPath('multilingual/lingua_sentences_75langs.jsonl.gz')) as {
      text: string;
    }[];
    const texts = everyNth(rows, 7, 3).map((r) => r.text);
    expect(texts.length).toBeGreaterThanOrEqual(5000);
    const { rate, maxDiff, misses } = agreement(texts);
    expect(rate, `first disagreements: ${misses.slice(0, 5).join(' | ')}`).toBeGreaterThanOrEqual(0.999);
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('every Common Crawl page of dolma_cc_raw: same top label, top score within 1e-4', () => {
    const texts = (
      readJsonlRows(sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz')) as {
        text: string;
      }[]
    ).map((r) => r.text);
    expect(texts).toHaveLength(697);
    const { rate, maxDiff } = agreement(texts);
    expect(rate).toBeGreaterThanOrEqual(0.999);
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('k=1 (the top-1 fast path) gives exactly the first answer of k=-1 on every Common Crawl page', () => {
    const texts = (
      readJsonlRows(sharedPath('web/dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz')) as {
        text: string;
      }[]
    ).map((r) => r.text);
    for (const text of texts)
      expect(model.predict(text, 1, 0)).toEqual(model.predict(text, -1, 0).slice(0, 1));
  });
});
