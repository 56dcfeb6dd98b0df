/** A report of filters plus dedup-minhash and dedup-exact, for the renderers' tests. */
import { addValue, emptyMetric, type Metric, quantile } from '../../src/run/metric.js';
import type { Report } from '../../src/run/report.js';

function metric(values: number[]): Metric {
  const m = emptyMetric();
  for (const v of values) addValue(m, v);
  return m;
}

function summary(m: Metric) {
  return {
    count: m.count,
    mean: m.sum / m.count,
    min: m.min,
    p50: quantile(m, 0.5),
    p90: quantile(m, 0.9),
    max: m.max,
  };
}

/** A report of filters plus dedup-minhash and dedup-exact, with `evil` in every string that comes from data. */
export function fixture(evil: string): Report {
  const words = metric(Array.from({ length: 500 }, (_, i) => 5 + ((i * 37) % 900)));
  const score = metric(Array.from({ length: 200 }, (_, i) => (i % 100) / 100));
  const stage = (
    id: string,
    inn: number,
    dropped: Record<string, number>,
    extra: Partial<Report['stages'][number]> = {},
  ) => {
    const d = Object.values(dropped).reduce((a, b) => a + b, 0);
    return {
      id,
      stage: id,
      dropped_total: d,
      in: inn,
      out: inn - d,
      dropped,
      wall_ms: 1234.5,
      counters: {},
      metrics: {},
      metric_summary: {},
      drop_samples: {},
      ...extra,
    };
  };
  return {
    datamill: '0.1.0',
    recipe: `/r/${evil}.yaml`,
    recipe_hash: 'ab'.repeat(32),
    seed: 42,
    documents: { read: 1000, quarantined: 10, out: 700, dropped: 290, balanced: true },
    input_bytes: 5_000_000,
    stages: [
      stage(
        'filter-length',
        990,
        { too_few_words: 150, [evil]: 40 },
        {
          metrics: { words, [evil]: score },
          metric_summary: { words: summary(words), [evil]: summary(score) },
          counters: { [`lang_${evil}`]: 7, changed: 3 },
          drop_samples: {
            too_few_words: [
              { id: `web#${evil}`, value: 3, text: `short ${evil}\nsecond | line`, chars: 60 },
              { id: 'web#2', value: 4, text: `${'a'.repeat(299)}…`, chars: 5000 },
            ],
            [evil]: [{ id: 'forum#9', value: evil, detail: `cluster_id=${evil}`, text: evil, chars: 40 }],
          },
        },
      ),
      stage(evil, 800, { near_duplicate: 60 }),
      stage('dedup-exact', 740, { exact_duplicate: 40 }),
    ],
    reduce: {
      [evil]: {
        counters: { band_records: 9000, edges_kept: 60 },
        details: {
          shape: [{ bands: 14, rows: 8, permutations: 112, verify: false, verify_threshold: 0.8 }],
          s_curve: [0.5, 0.6, 0.7, 0.8, 0.9].map((s) => ({
            similarity: s,
            p_candidate: Number((1 - (1 - s ** 8) ** 14).toFixed(4)),
          })),
          duplicate_pairs_sample: [
            { kept_candidate: `web#${evil}`, duplicate: 'web#2', estimated_jaccard: 0.9 },
          ],
        },
      },
      'dedup-exact': {
        counters: { documents: 740, duplicate_clusters: 30, duplicates_dropped: 40 },
        details: {
          cluster_sizes: [{ 2: 25, 3: 5 }, { 2: 1 }],
          max_cluster_size: [3, 2],
          top_lines: [
            { line: `x ${evil}`, count: 9 },
            { line: 'y', count: 30 },
          ],
          nested: [{ a: { b: [evil] } }],
          cutoffs: [{ web: { head: 1, tail: 2 } }],
        },
      },
    },
    domains: {
      web: {
        docs_in: 600,
        docs_out: 400,
        chars_out: 2e6,
        token_docs: 30,
        token_chars: 9000,
        tokens: 2000,
        tokens_estimated: 444_444,
      },
      [evil]: {
        docs_in: 400,
        docs_out: 300,
        chars_out: 1e6,
        token_docs: 20,
        token_chars: 6000,
        tokens: 1500,
        tokens_estimated: 250_000,
      },
    },
    tokens: { tokenizer: 'cl100k_base', mode: 'sample', estimated_total: 694_444, counted_docs: 50 },
    output_files: ['data/part-00000-0000.jsonl', `ledger/${evil}.parquet`],
    tasks: 12,
    task_wall_ms: 4567,
    timing: {
      wall_s: 3.25,
      busy_s: 3,
      started_at: '2026-01-02T03:04:05.000Z',
      ended_at: '2026-01-02T03:04:08.250Z',
      phases: [
        { phase: '0-map', tasks: 8, wall_s: 2.5, task_s: 4 },
        { phase: `1-reduce-${evil}`, tasks: 4, wall_s: 0.75, task_s: 0.567 },
      ],
    },
  };
}
