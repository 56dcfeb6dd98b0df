import { describe, expect, it } from 'vitest';
import { addValue, emptyMetric, mergeMetric, quantile } from '../../src/run/metric.js';

describe('metric', () => {
  it('merging equals adding everything to one metric', () => {
    const a = emptyMetric(),
      b = emptyMetric(),
      all = emptyMetric();
    for (let i = 0; i < 1000; i++) {
      const v = (i * 7919) % 1013;
      addValue(i % 2 ? a : b, v);
      addValue(all, v);
    }
    mergeMetric(a, b);
    expect(a).toEqual(all);
  });
  it('quantiles are within one bin (19%) of the truth', () => {
    const m = emptyMetric();
    for (let i = 1; i <= 10000; i++) addValue(m, i);
    expect(quantile(m, 0.5)).toBeGreaterThan(5000 / 1.19);
    expect(quantile(m, 0.5)).toBeLessThanOrEqual(5000);
    expect(quantile(m, 1)).toBe(10000);
  });
  it('ignores non-finite values', () => {
    const m = emptyMetric();
    addValue(m, Number.NaN);
    addValue(m, Number.POSITIVE_INFINITY);
    expect(m.count).toBe(0);
  });
});
