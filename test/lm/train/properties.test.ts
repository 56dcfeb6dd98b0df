import { describe, expect, it } from 'vitest';
import { log10P, randomCorpus, train } from './helpers.js';

describe('lm train: a proper distribution after back-off (seeded random corpora)', () => {
  it.each([
    [5, 1, 300, 40],
    [1, 2, 300, 40],
    [2, 3, 400, 60],
    [3, 4, 200, 30],
    [4, 5, 200, 25],
  ])('seed %i, order %i: every context sums to 1', async (seed, order, n, v) => {
    const { entries } = await train(randomCorpus(seed, n, v), order);
    const vocab = [...entries.keys()].filter((k) => !k.includes(' ') && k !== '<s>');
    // Every context: the empty one and each entry of order < N that is a context (not ending in </s>/<unk>).
    const contexts = [[], ...[...entries.keys()].map((k) => k.split(' '))].filter(
      (c) => c.length < order && c.at(-1) !== '</s>' && c.at(-1) !== '<unk>',
    );
    expect(contexts.length).toBeGreaterThanOrEqual(order === 1 ? 1 : vocab.length - 1);
    for (const ctx of contexts) {
      let sum = 0;
      for (const w of vocab) sum += 10 ** log10P(entries, ctx, w);
      // float32 log10 values printed to full precision: errors of a few 1e-7 per term.
      expect(Math.abs(sum - 1), ctx.join(' ')).toBeLessThan(2e-5);
    }
  });
});

describe('lm train: memory budget and determinism', () => {
  const corpus = randomCorpus(7, 1500, 300);

  it.each([2, 3, 5])(
    'order %i: a 24 kB budget (spilled runs, cascaded merges) gives the same ARPA bytes',
    async (order) => {
      const big = await train(corpus, order);
      const small = await train(corpus, order, 24_000);
      expect(big.summary.spilled_records).toBe(0);
      expect(small.summary.spilled_records).toBeGreaterThan(10_000);
      expect(small.arpa).toBe(big.arpa);
    },
  );

  it('two runs give the same bytes', async () => {
    const a = await train(corpus, 4);
    const b = await train(corpus, 4);
    expect(a.arpa).toBe(b.arpa);
  });

  it('skips lines without words and the reserved <s>, </s>, <unk> (lmplz refuses them)', async () => {
    const plain = await train(['a b', 'b c a'], 3);
    const noisy = await train(['a <s> b', '   ', '', 'b c </s> a <unk>'], 3);
    expect(noisy.arpa).toBe(plain.arpa);
    expect(noisy.summary.skipped_specials).toBe(3);
    expect(noisy.summary.sentences).toBe(2);
  });
});
