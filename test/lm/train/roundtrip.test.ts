import { describe, expect, it } from 'vitest';
import { loadArpa } from '../../../src/lm/arpa-read.js';
import { NgramModelBuilder } from '../../../src/lm/model.js';
import { rng } from '../../helpers/xorshift.js';
import { log10P, randomCorpus, train } from './helpers.js';

describe('lm train → ARPA → loadArpa scores like the model in memory', () => {
  it.each([
    [11, 2],
    [12, 3],
    [13, 5],
  ])('seed %i, order %i', async (seed, order) => {
    const corpus = randomCorpus(seed, 400, 80);
    const { file, entries } = await train(corpus, order);
    const builder = new NgramModelBuilder(order);
    for (const [words, e] of entries) builder.add(words.split(' '), e.prob, e.backoff ?? 0);
    const memory = builder.build();
    const loaded = await loadArpa(file, { warn: () => {} });
    expect(loaded.counts).toEqual(memory.counts);
    // Training sentences, fresh ones and ones with unknown words (<unk>).
    const r = rng(seed);
    const probes = [...corpus.slice(0, 50), ...randomCorpus(seed + 100, 50, 90)].map((l) =>
      l.split(' ').map((w) => (r() < 0.05 ? `oov${w}` : w)),
    );
    let oov = 0;
    for (const words of probes) {
      const a = memory.scoreSentence(words);
      const b = loaded.scoreSentence(words);
      oov += a.oov;
      expect(b.oov).toBe(a.oov);
      // ARPA carries each float32 in its shortest round-trip form, so the loaded values are the same floats.
      expect(Math.abs(b.log10Prob - a.log10Prob)).toBeLessThan(1e-9);
    }
    expect(oov).toBeGreaterThan(0);
    // And the scorer agrees with back-off evaluated directly on the entries (unknown words as <unk>).
    for (const words of probes.slice(0, 20)) {
      const ids = ['<s>', ...words.map((w) => (entries.has(w) ? w : '<unk>')), '</s>'];
      let sum = 0;
      for (let i = 1; i < ids.length; i++)
        sum += log10P(entries, ids.slice(Math.max(0, i - order + 1), i), ids[i]!);
      expect(memory.scoreSentence(words).log10Prob).toBeCloseTo(sum, 4);
    }
  });
});
