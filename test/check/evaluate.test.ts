import { describe, expect, it } from 'vitest';
import { boundText, evaluateChecks, formatValue, withinBounds } from '../../src/check/evaluate.js';
import type { ReportView } from '../../src/check/resolve.js';

describe('withinBounds (inclusive)', () => {
  it.each([
    [0, { max: 0 }, true],
    [1, { max: 0 }, false],
    [-1, { max: 0 }, true],
    [5, { min: 5 }, true],
    [4.999, { min: 5 }, false],
    [0.1, { min: 0.1, max: 0.9 }, true],
    [0.9, { min: 0.1, max: 0.9 }, true],
    [0.95, { min: 0.1, max: 0.9 }, false],
    [0.05, { min: 0.1, max: 0.9 }, false],
    [3, { min: 3, max: 3 }, true],
  ])('%s within %j: %s', (value, bound, expected) => {
    expect(withinBounds(value, bound)).toBe(expected);
  });
});

describe('boundText and formatValue', () => {
  it.each([
    [{ max: 0 }, '≤ 0'],
    [{ min: 1000000 }, '≥ 1000000'],
    [{ min: 0.1, max: 0.25 }, 'between 0.1 and 0.25'],
    [{ max: 1 / 3 }, '≤ 0.333333'],
  ])('%j → %s', (bound, text) => {
    expect(boundText(bound)).toBe(text);
  });

  it.each([
    [undefined, 'n/a'],
    [30, '30'],
    [0.07229996411912451, '0.0723'],
    [0.031436134, '0.0314361'],
    [2 / 3, '0.666667'],
    [1e-9, '1e-9'],
  ])('%s → %s', (v, text) => {
    expect(formatValue(v)).toBe(text);
  });
});

describe('evaluateChecks', () => {
  const report: ReportView = {
    documents: { read: 10, quarantined: 1, out: 8, dropped: 1 },
    input_bytes: 100,
    stages: [{ id: 'dedup', in: 9, out: 8, dropped: { exact_duplicate: 1 }, dropped_total: 1 }],
  };

  it('gives each check its value, result and message, in order', () => {
    const results = evaluateChecks(
      [
        { metric: 'documents.quarantined', max: 0 },
        { name: 'keeps most', metric: 'documents.kept_rate', min: 0.5 },
        { metric: 'stages.dedup.reasons.exact_duplicate', min: 0, max: 1 },
        { metric: 'stages.gone.in', min: 1 },
      ],
      report,
    );
    expect(results.map((r) => [r.name, r.value, r.pass, r.message])).toEqual([
      ['documents.quarantined ≤ 0', 1, false, 'documents.quarantined = 1, expected ≤ 0'],
      ['keeps most', 0.8, true, 'documents.kept_rate = 0.8, expected ≥ 0.5'],
      [
        'stages.dedup.reasons.exact_duplicate between 0 and 1',
        1,
        true,
        'stages.dedup.reasons.exact_duplicate = 1, expected between 0 and 1',
      ],
      // A check whose value the report does not hold fails: a gate that cannot measure must not pass.
      ['stages.gone.in ≥ 1', undefined, false, 'stages.gone.in: not in the report, expected ≥ 1'],
    ]);
  });

  it('fails a malformed metric with the parser message', () => {
    const [r] = evaluateChecks([{ metric: 'documents.kept_rat', max: 1 }], report);
    expect(r!.pass).toBe(false);
    expect(r!.message).toContain('did you mean "kept_rate"?');
  });
});
