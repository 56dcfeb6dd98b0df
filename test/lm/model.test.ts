import { describe, expect, it } from 'vitest';
import { NgramModelBuilder, UNKNOWN_MISSING_LOG10 } from '../../src/lm/model.js';

/** A 3-gram toy model; expected values below are worked out by hand from these entries. */
function toy(withUnk: boolean) {
  const b = new NgramModelBuilder(3);
  b.add(['<s>'], -99, -0.5);
  b.add(['a'], -0.5, -0.2);
  b.add(['b'], -0.7, -0.1);
  b.add(['</s>'], -0.6);
  if (withUnk) b.add(['<unk>'], -2);
  b.add(['<s>', 'a'], -0.2, -0.3);
  b.add(['a', 'b'], -0.1, -0.05);
  b.add(['b', '</s>'], -0.4);
  b.add(['<s>', 'a', 'b'], -0.05);
  return b.build();
}

describe('NgramModel (toy, by hand)', () => {
  it.each([
    // <s> a: bigram -0.2 | <s> a b: trigram -0.05 | b </s>: bigram "b </s>" -0.4 (context "a b" bo -0.05 added)
    [['a', 'b'], true, [-0.2, -0.05, -0.4 - 0.05], [2, 3, 2]],
    // b after <s>: no "<s> b" -> bo(<s>) -0.5 + p(b) -0.7; </s> after "<s> b": "b </s>" -0.4, no bo (context "<s> b" absent)
    [['b'], true, [-0.5 - 0.7, -0.4], [1, 2]],
    // c is OOV: p(<unk>) -2 + bo("a b") -0.05 + bo(b) -0.1; then </s> after <unk>: -0.6 + bo(<unk>) 0
    [['a', 'b', 'c'], true, [-0.2, -0.05, -2 - 0.15, -0.6], [2, 3, 1, 1]],
    // same without <unk> in the model: KenLM's -100
    [['a', 'b', 'c'], false, [-0.2, -0.05, UNKNOWN_MISSING_LOG10 - 0.15, -0.6], [2, 3, 1, 1]],
    // empty sentence: </s> after <s>: no "<s> </s>" -> bo(<s>) -0.5 + -0.6
    [[], true, [-1.1], [1]],
  ])('%j (unk %s)', (words, withUnk, probs, lengths) => {
    const m = toy(withUnk);
    const scores = m.scoreWords(words);
    expect(scores.map((s) => s.ngramLength)).toEqual(lengths);
    scores.forEach((s, i) => {
      expect(s.log10Prob).toBeCloseTo(probs[i] as number, 5);
    });
    const total = probs.reduce((a, b) => a + b, 0);
    expect(m.scoreSentence(words).log10Prob).toBeCloseTo(total, 5);
  });

  it('counts entries per order and reports <unk>', () => {
    expect(toy(true).counts).toEqual([5, 3, 1]);
    expect(toy(true).hasUnk).toBe(true);
    expect(toy(false).counts).toEqual([4, 3, 1]);
    expect(toy(false).hasUnk).toBe(false);
    expect(toy(false).scoreSentence(['a', 'zz', 'yy']).oov).toBe(2);
  });

  it('refuses a word used in a higher order without a unigram', () => {
    const b = new NgramModelBuilder(2);
    b.add(['a'], -1);
    b.add(['a', 'b'], -1);
    expect(() => b.build()).toThrow(/"b" has no unigram/);
  });
});
