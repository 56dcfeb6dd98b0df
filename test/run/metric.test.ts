import { describe, expect, it } from 'vitest';
import {
  addValue,
  emptyMetric,
  isUnitScale,
  type Metric,
  mergeMetric,
  quantile,
  reviveMetric,
} from '../../src/run/metric.js';
import { metricHistogram } from '../../src/run/report-html-blocks.js';

function metricOf(values: number[]): Metric {
  const m = emptyMetric();
  for (const v of values) addValue(m, v);
  return m;
}

/** The number of bars of a histogram (one <rect> each) and its axis title. */
function bars(m: Metric): { bars: number; title: string } {
  const svg = metricHistogram(m, 'x').markup;
  return {
    bars: svg.match(/<rect /g)?.length ?? 0,
    title: /aria-label="histogram of ([^"]*)"/.exec(svg)![1]!,
  };
}

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

describe('metrics of values in [0, 1] (scores, ratios)', () => {
  const scores = Array.from({ length: 2000 }, (_, i) => 0.5 + ((i * 7919) % 500) / 1000);

  it.each([
    ['scores in [0.5, 1)', true, scores],
    ['0 and 1 included', true, [0, 1, 0.5]],
    ['a value above 1', false, [0.5, 1.5]],
    ['a negative value', false, [-0.1, 0.5]],
    ['lengths', false, [3, 50, 700]],
    ['no values', false, []],
  ])('%s: linear scale = %s', (_name, unit, values) => {
    expect(isUnitScale(metricOf(values))).toBe(unit);
  });

  it('merging in any split equals adding everything to one metric', () => {
    const all = metricOf(scores);
    const parts = [
      metricOf(scores.slice(0, 3)),
      metricOf(scores.slice(3, 1500)),
      metricOf(scores.slice(1500)),
    ];
    const merged = emptyMetric();
    for (const p of parts.reverse()) mergeMetric(merged, JSON.parse(JSON.stringify(p)));
    // The sum is added in another order: equal up to rounding.
    expect(merged.sum).toBeCloseTo(all.sum, 9);
    expect({ ...merged, sum: 0 }).toEqual({ ...all, sum: 0 });
  });

  it('quantiles come from the linear bins: within 0.001, not a log bin (19%)', () => {
    const m = metricOf(scores);
    expect(quantile(m, 0.5)).toBeCloseTo(0.75, 2);
    expect(Math.abs(quantile(m, 0.9) - 0.95)).toBeLessThanOrEqual(0.0011);
  });

  it('a metric from stats written without linear bins reads on the log scale', () => {
    const m = metricOf(scores);
    delete m.unit;
    expect(isUnitScale(reviveMetric(m))).toBe(false);
    expect(bars(m).title).toBe('x (log scale)');
  });

  it.each([
    ['scores over [0.5, 1): 0.01 wide bars', scores, 50],
    ['a ratio bounded at 0.045: 0.001 wide bars', Array.from({ length: 450 }, (_, i) => i / 10000), 45],
    ['one value', [0.3], 1],
  ])('histogram of %s', (_name, values, n) => {
    expect(bars(metricOf(values))).toEqual({ bars: n, title: 'x (linear scale)' });
  });

  it('log scale for lengths', () => {
    expect(bars(metricOf([3, 50, 700])).title).toBe('x (log scale)');
  });
});
