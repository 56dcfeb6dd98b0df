import { describe, expect, it } from 'vitest';
import { metricProblem, parseMetric } from '../../src/check/metrics.js';
import { type ReportView, rate, resolveMetric } from '../../src/check/resolve.js';

// The shape of a real report.json (pipelines/quickstart.yaml on sample-data/), trimmed.
const report: ReportView = {
  documents: { read: 3022, quarantined: 4, out: 2893, dropped: 125 },
  input_bytes: 7209332,
  tokens: { tokenizer: 'cl100k_base', mode: 'sample', estimated_total: 1399090, counted_docs: 210 },
  stages: [
    {
      id: 'normalize',
      in: 3018,
      out: 3018,
      dropped: {},
      dropped_total: 0,
      counters: { changed: 32, changed_bom: 8 },
      metric_summary: {},
    },
    {
      id: 'filter-length',
      in: 3018,
      out: 2923,
      dropped: { too_few_words: 90, too_many_words: 5 },
      dropped_total: 95,
      counters: {},
      metric_summary: { words: { count: 3018, mean: 358.3, min: 1, p50: 256, p90: 608.9, max: 8526 } },
    },
    { id: 'dedup-exact', in: 2923, out: 2893, dropped: { exact_duplicate: 30 }, dropped_total: 30 },
    {
      id: 'late',
      in: 0,
      out: 0,
      dropped: {},
      dropped_total: 0,
      metric_summary: { s: { count: 0, mean: null } },
    },
  ],
  reduce: { 'dedup-exact': { counters: { documents: 2923, duplicate_clusters: 24 } } },
  domains: {
    web: { docs_in: 1425, docs_out: 1357, chars_out: 3214242, tokens_estimated: 683838 },
    'cc.2024': { docs_in: 0, docs_out: 0, chars_out: 0, tokens_estimated: 0 },
  },
};

describe('resolveMetric', () => {
  it.each<[string, number | undefined]>([
    ['documents.read', 3022],
    ['documents.quarantined', 4],
    ['documents.out', 2893],
    ['documents.dropped', 125],
    ['documents.kept_rate', 2893 / 3022],
    ['documents.drop_rate', 125 / 3022],
    ['documents.quarantine_rate', 4 / 3022],
    ['input_bytes', 7209332],
    ['tokens.estimated_total', 1399090],
    ['tokens.counted_docs', 210],
    ['stages.filter-length.in', 3018],
    ['stages.filter-length.out', 2923],
    ['stages.filter-length.dropped', 95],
    ['stages.filter-length.drop_rate', 95 / 3018],
    ['stages.filter-length.reasons.too_many_words', 5],
    // A reason or counter that never fired is not in report.json: it counts 0.
    ['stages.filter-length.reasons.never_seen', 0],
    ['stages.normalize.counters.changed_bom', 8],
    ['stages.normalize.counters.none', 0],
    ['stages.dedup-exact.counters.x', 0],
    ['stages.dedup-exact.reduce.duplicate_clusters', 24],
    ['stages.dedup-exact.reduce.missing', 0],
    ['stages.filter-length.metrics.words.p50', 256],
    ['stages.filter-length.metrics.words.max', 8526],
    // Nothing to divide: 0, not NaN.
    ['stages.late.drop_rate', 0],
    ['domains.web.docs_in', 1425],
    ['domains.web.kept_rate', 1357 / 1425],
    ['domains.cc.2024.kept_rate', 0],
    ['domains.web.tokens_estimated', 683838],
    // Not in the report: undefined (the check fails).
    ['stages.nope.in', undefined],
    ['stages.normalize.reduce.documents', undefined],
    ['stages.filter-length.metrics.chars.mean', undefined],
    ['stages.late.metrics.s.mean', undefined],
    ['domains.forum.docs_in', undefined],
  ])('%s = %s', (path, expected) => {
    const parsed = parseMetric(path);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(resolveMetric(report, parsed.metric)).toBe(expected);
  });

  it('rate over nothing is 0', () => {
    expect(rate(0, 0)).toBe(0);
    expect(rate(1, 4)).toBe(0.25);
  });
});

describe('parseMetric', () => {
  it.each([
    ['stages.a.metrics.dm.score.mean', { kind: 'metrics', id: 'a', name: 'dm.score', stat: 'mean' }],
    ['domains.a.b.c.docs_out', { kind: 'domain', domain: 'a.b.c', field: 'docs_out' }],
    ['stages.x.reasons.too_short', { kind: 'reasons', id: 'x', name: 'too_short' }],
  ])('%s', (path, metric) => {
    expect(parseMetric(path)).toEqual({ ok: true, metric });
  });

  it.each([
    ['', 'expected names between the dots, got an empty one'],
    ['documents..read', 'expected names between the dots'],
    ['document.read', 'unknown metric "document", did you mean "documents"?'],
    ['quality', 'expected metric: one of documents, input_bytes, tokens, stages, domains, got "quality"'],
    ['documents', 'expected documents field: one of read, quarantined'],
    ['documents.kept_rat', 'unknown documents field "kept_rat", did you mean "kept_rate"?'],
    ['documents.kept', 'expected documents field: one of read, quarantined, out, dropped, kept_rate'],
    ['documents.read.x', 'expected documents field'],
    ['input_bytes.total', 'expected input_bytes alone'],
    ['tokens.total', 'expected tokens field: one of estimated_total, counted_docs, got "total"'],
    ['stages', 'expected stages.<id>.<field>, got no stage id'],
    [
      'stages.a',
      'expected stage field: one of in, out, dropped, drop_rate, reasons, counters, reduce, metrics, got nothing',
    ],
    ['stages.a.dropped_rate', 'unknown stage field "dropped_rate", did you mean "drop_rate"?'],
    ['stages.a.reasons', 'expected stages.a.reasons.<name>, got 0 names'],
    ['stages.a.counters.x.y', 'expected stages.a.counters.<name>, got 2 names'],
    ['stages.a.metrics.words', 'expected statistic: one of count, mean, min, p50, p90, max, got nothing'],
    ['stages.a.metrics.words.median', 'unknown statistic "median", did you mean "mean"?'],
    ['domains.web', 'expected domain field'],
    ['domains.web.keptrate', 'unknown domain field "keptrate", did you mean "kept_rate"?'],
  ])('%j fails: %s', (path, message) => {
    const parsed = parseMetric(path);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('metricProblem', () => {
  const ctx = { stageIds: ['normalize', 'min-length', 'dedup-exact'], domains: ['web', 'input1'] };
  it.each([
    ['stages.min-length.drop_rate', undefined],
    ['domains.input1.kept_rate', undefined],
    ['documents.out', undefined],
    ['stages.min-lenght.in', 'no stage with id "min-lenght" in this recipe, did you mean "min-length"?'],
    [
      'stages.filter-length.in',
      'no stage with id "filter-length" in this recipe, expected one of normalize, min-length, dedup-exact',
    ],
    ['domains.wbe.docs_in', 'no domain "wbe" in this recipe, did you mean "web"?'],
    ['domains.books.docs_in', 'no domain "books" in this recipe, expected one of web, input1'],
    ['documents.quarantine', 'did you mean "quarantined"?'],
  ])('%s', (path, problem) => {
    const got = metricProblem(path, ctx);
    if (problem === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(problem);
  });
});
