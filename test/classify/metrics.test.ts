import { describe, expect, it } from 'vitest';
import { evaluate, rocAuc } from '../../src/classify/metrics.js';
import { rng } from '../helpers/xorshift.js';

/** AUC by definition: over all (positive, negative) pairs, 1 when the positive scores higher, 1/2 on ties. */
function pairwiseAuc(scores: number[], labels: number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      sum += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return sum / pairs;
}

describe('rocAuc', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'equals the pairwise count on seeded scores with ties (seed %i)',
    (seed) => {
      const r = rng(seed);
      const n = 20 + Math.floor(r() * 200);
      // Few distinct values (tenths) so ties are frequent, within and across classes.
      const scores = Array.from({ length: n }, () => Math.floor(r() * 10) / 10);
      const labels = scores.map((s) => (r() < 0.3 + 0.4 * s ? 1 : 0));
      expect(rocAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
    },
  );

  it.each<[number[], number[], number]>([
    [[0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    [[0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    [[0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
    [[0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
  ])('%j with labels %j is %f', (scores, labels, auc) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(auc, 12);
  });

  it('is NaN with one class only', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('evaluate', () => {
  it('counts at the threshold (score ≥ threshold predicts positive)', () => {
    const r = evaluate([0.9, 0.6, 0.5, 0.4, 0.2, 0.7], [1, 1, 0, 1, 0, 0], 0.5);
    expect(r).toMatchObject({
      docs: 6,
      positives: 3,
      negatives: 3,
      true_positives: 2,
      false_negatives: 1,
      false_positives: 2,
      true_negatives: 1,
    });
    expect(r.accuracy).toBeCloseTo(3 / 6);
    expect(r.precision).toBeCloseTo(2 / 4);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });
});
