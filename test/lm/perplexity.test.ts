import { describe, expect, it } from 'vitest';
import { NgramModelBuilder } from '../../src/lm/model.js';
import {
  CCNET_PERPLEXITY,
  documentPerplexity,
  type PerplexityOptions,
  perplexity,
  roundPy1,
  scoreDocument,
} from '../../src/lm/perplexity.js';

/** The toy 3-gram of model.test.ts; per-sentence values worked out by hand there. */
function toy() {
  const b = new NgramModelBuilder(3);
  b.add(['<s>'], -99, -0.5);
  b.add(['a'], -0.5, -0.2);
  b.add(['b'], -0.7, -0.1);
  b.add(['</s>'], -0.6);
  b.add(['<unk>'], -2);
  b.add(['<s>', 'a'], -0.2, -0.3);
  b.add(['a', 'b'], -0.1, -0.05);
  b.add(['b', '</s>'], -0.4);
  b.add(['<s>', 'a', 'b'], -0.05);
  return b.build();
}

const CCNET: PerplexityOptions = CCNET_PERPLEXITY;

describe('document perplexity (cc_net DocLM)', () => {
  // "a b" = -0.2 -0.05 -0.45 = -0.7 over 3; "b" = -1.2 -0.4 = -1.6 over 2; an empty line = -1.1 over 1.
  it.each([
    ['A  B\n\nb', false, -2.3, 5, 2.9],
    ['A  B\n\nb', true, -3.4, 6, 3.7],
    ['  \u00c1 b ', false, -0.7, 3, 1.7],
  ])('%j (score empty lines: %s)', (text, scoreEmpty, log10, length, rounded) => {
    const model = toy();
    const o = { ...CCNET, score_empty_lines: scoreEmpty };
    const s = scoreDocument(model, text, o);
    expect(s.log10Prob).toBeCloseTo(log10, 5);
    expect(s.length).toBe(length);
    expect(perplexity(s.log10Prob, s.length)).toBeCloseTo(10 ** (-log10 / length), 6);
    expect(documentPerplexity(model, text, o)).toBe(rounded);
  });

  it('without normalisation an upper-case word is OOV', () => {
    const s = scoreDocument(toy(), 'A', { ...CCNET, normalize: false });
    // <unk> after <s>: -2 + bo(<s>) -0.5; </s> after <unk>: -0.6
    expect(s.log10Prob).toBeCloseTo(-3.1, 6);
  });

  it('a document with no scored line has no perplexity', () => {
    expect(documentPerplexity(toy(), '\n  \n', CCNET)).toBeNaN();
  });

  // Python round(x, 1) values, from CPython.
  it.each([
    [1.45, 1.4],
    [2.25, 2.2],
    [2.75, 2.8],
    [0.15, 0.1],
    [1234.25, 1234.2],
    [12.35, 12.3],
    [99.96, 100],
  ])('roundPy1(%d) = %d as Python round(x, 1)', (x, y) => {
    expect(roundPy1(x)).toBe(y);
  });
});
