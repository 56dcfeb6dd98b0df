import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { adjustCounts } from '../../../src/lm/train/adjust.js';
import { NgramCounter } from '../../../src/lm/train/count.js';
import { computeDiscount, discountProblem } from '../../../src/lm/train/discount.js';
import { suffixOrder } from '../../../src/lm/train/order.js';
import { RecordSorter } from '../../../src/lm/train/sorter.js';
import { TrainVocab } from '../../../src/lm/train/vocab.js';
import { train } from './helpers.js';

// The toy corpus: three sentences. Ids: <unk> 0, <s> 1, </s> 2, a 3, b 4.
const CORPUS = ['a b', 'a b a', 'b'];

/** Adjusted counts of every order, by words. */
function adjusted(lines: string[], order: number): Map<string, number> {
  const vocab = new TrainVocab();
  const counter = new NgramCounter(order, 1 << 20, os.tmpdir());
  for (const l of lines) {
    const ids = l.split(' ').map((w) => vocab.intern(w));
    counter.addSentence(ids, ids.length);
  }
  const out = Array.from(
    { length: order },
    (_, k) => new RecordSorter(k + 2, suffixOrder(k + 1), 1 << 20, os.tmpdir()),
  );
  const unigram = new Float64Array(vocab.size);
  adjustCounts(order, counter.finish(), out, unigram);
  const m = new Map<string, number>();
  for (const [id, c] of unigram.entries()) m.set(vocab.words[id]!, c);
  for (let k = 2; k <= order; k++) {
    const cur = out[k - 1]!.finish();
    while (cur.next()) m.set([...cur.rec.subarray(0, k)].map((id) => vocab.words[id]).join(' '), cur.rec[k]!);
  }
  return m;
}

describe('adjusted counts (lmplz adjust_counts.cc), computed by hand', () => {
  // Trigram windows: <s> <s> a ×2, <s> a b ×2, a b </s>, a b a, b a </s>, <s> <s> b, <s> b </s>.
  // Trigrams keep raw counts; `<s> <s> x` stands for the bigram `<s> x` (raw count); other bigrams and
  // unigrams count distinct left neighbours among the next order's entries.
  it.each([
    ['<s> a b', 2],
    ['a b </s>', 1],
    ['a b a', 1],
    ['b a </s>', 1],
    ['<s> b </s>', 1],
    ['<s> a', 2],
    ['<s> b', 1],
    ['a b', 1], // <s> a b
    ['b </s>', 2], // a b </s>, <s> b </s>
    ['b a', 1], // a b a
    ['a </s>', 1], // b a </s>
    ['a', 2], // <s> a, b a
    ['b', 2], // a b, <s> b
    ['</s>', 2], // b </s>, a </s>
    ['<s>', 0],
    ['<unk>', 0],
  ])('order 3: %s → %i', (ngram, count) => {
    const m = adjusted(CORPUS, 3);
    expect(m.get(ngram)).toBe(count);
  });

  it('has exactly the hand-listed entries', () => {
    expect(adjusted(CORPUS, 3).size).toBe(16);
  });
});

describe('discounts (Chen & Goodman eq. 26 as in adjust_counts.cc)', () => {
  it.each([
    // t1..t4 → Y = t1/(t1+2t2); D_k = k − (k+1)·Y·t_{k+1}/t_k
    [
      [0, 10, 5, 3, 2],
      [1 - (2 * 0.5 * 5) / 10, 2 - (3 * 0.5 * 3) / 5, 3 - (4 * 0.5 * 2) / 3],
    ],
    [
      [0, 100, 30, 12, 6],
      [1 - (2 * (100 / 160) * 30) / 100, 2 - (3 * (100 / 160) * 12) / 30, 3 - (4 * (100 / 160) * 6) / 12],
    ],
  ])('t=%j', (t, d) => {
    const got = computeDiscount(t);
    for (const [i, x] of d.entries()) expect(got[i + 1]).toBeCloseTo(x, 6);
    expect(discountProblem(t, 2)).toBeNull();
  });

  it.each([
    [[0, 0, 3, 1, 1], /adjusted count 2 because no 1-grams with adjusted count 1/],
    [[0, 3, 3, 0, 0], /adjusted count 4 because no 1-grams with adjusted count 3/],
    [[0, 1, 0, 5, 5], /adjusted count 3 because no 1-grams with adjusted count 2/],
  ])('t=%j cannot be estimated', (t, message) => {
    expect(discountProblem(t, 1)).toMatch(message);
  });
});

describe('probabilities of a bigram model, computed by hand', () => {
  // Bigrams: <s> a ×2, a b ×2, b </s> ×2, b a, a </s>, <s> b (raw counts: highest order).
  // Unigram adjusted counts a = b = </s> = 2 → t1 = 0: both orders fall back to D = 0.5, 1, 1.5.
  // Unigrams: denominator 6, gamma = D2·3/6 = 1/2, uniform = 1/(5 − 1) (no <s>):
  //   p(a) = (2 − 1)/6 + 1/2·1/4 = 7/24, p(<unk>) = 1/8, p(<s>) = 1.
  // Context <s>: a ×2, b ×1 → denominator 3, gamma = (D1 + D2)/3 = 1/2:
  //   p(a|<s>) = 1/3 + 1/2·7/24 = 23/48, p(b|<s>) = 1/6 + 7/48 = 15/48; contexts a and b alike.
  const l = Math.log10;
  it.each([
    ['<unk>', l(1 / 8), 0],
    ['<s>', 0, l(1 / 2)],
    ['</s>', l(7 / 24), 0],
    ['a', l(7 / 24), l(1 / 2)],
    ['b', l(7 / 24), l(1 / 2)],
    ['<s> a', l(23 / 48), undefined],
    ['<s> b', l(15 / 48), undefined],
    ['a b', l(23 / 48), undefined],
    ['a </s>', l(15 / 48), undefined],
    ['b </s>', l(23 / 48), undefined],
    ['b a', l(15 / 48), undefined],
  ])('%s: log10 p %f, back-off %s', async (words, prob, backoff) => {
    const { entries } = await train(CORPUS, 2);
    const e = entries.get(words)!;
    expect(e.prob).toBeCloseTo(prob, 6);
    if (backoff === undefined) expect(e.backoff).toBeUndefined();
    else expect(e.backoff).toBeCloseTo(backoff, 6);
  });

  it('writes lmplz-shaped ARPA: unigrams by id, higher orders in suffix order, fallback warned per order', async () => {
    const { arpa, warnings, summary } = await train(CORPUS, 2);
    const lines = arpa.split('\n');
    expect(lines.slice(0, 4)).toEqual(['\\data\\', 'ngram 1=5', 'ngram 2=6', '']);
    expect(lines.slice(5, 10).map((x) => x.split('\t')[1])).toEqual(['<unk>', '<s>', '</s>', 'a', 'b']);
    expect(lines.slice(12, 18).map((x) => x.split('\t')[1])).toEqual([
      'a </s>',
      'b </s>',
      '<s> a',
      'b a',
      '<s> b',
      'a b',
    ]);
    expect(lines[6]).toBe(`0\t<s>\t-0.30103`);
    expect(arpa.endsWith('\n\\end\\\n')).toBe(true);
    expect(summary.fallback_orders).toEqual([1, 2]);
    expect(warnings.map((w) => /order (\d)$/.exec(w)?.[1])).toEqual(['1', '2']);
  });
});
