// Suite `filters`: the pipelines/fineweb.yaml chain on English web text, 1 and 2 workers.
// The corpus tiles the real English web documents of ../shared/data (C4, DCLM-labelled pages, raw
// Common Crawl) with fresh ids up to the requested size; without ../shared it uses the synthetic generator.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  corpus,
  freshPageCache,
  medianOfRuns,
  ROOT,
  saveSuite,
  tiledCorpus,
  timedRun,
  WEB,
  webTexts,
  writeRecipe,
} from './lib.js';

const SOURCES = [
  'llamafactory_c4_demo.jsonl.gz',
  'dclm_quality_labels/majority_data.jsonl.gz',
  'dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
];

export function realCorpus(bytes) {
  return tiledCorpus(`filters-real-${bytes}`, webTexts(SOURCES), bytes, 8, (n) => ({
    url: `https://example.com/page/${n}`,
  }));
}

export function runFilters({ bytes, repeat }) {
  // 1 GB by default: on 200 MB (~10 s a run) each worker's warm-up (V8 compiling the same hot functions in
  // every isolate, ~0.3 CPU s) and the serial start-up weighed 5-8% and hid the steady state a corpus of
  // many GB runs at (2 workers: 1.64x one core on 200 MB, 1.85x on 1 GB). `--bytes 200MB` measures the small one.
  const size = bytes === '500MB' ? '1GB' : bytes;
  const real = existsSync(WEB);
  const dir = real ? realCorpus(size) : corpus('filters-synthetic', 'jsonl', size, 8);
  const stages = readFileSync(path.join(ROOT, 'pipelines', 'fineweb.yaml'), 'utf8').split(/^stages:\n/m)[1];
  const results = {
    corpus: real ? 'tiled real English web text (C4, DCLM, raw CC)' : 'synthetic',
    corpus_bytes: size,
    runs: {},
  };
  results.runs = medianOfRuns(repeat, ({ key, workers, oneCore }) => {
    const recipe = writeRecipe(
      `filters-w${workers}`,
      `inputs:\n  - path: ${dir}\noutput:\n  dir: ../out/filters-w${workers}\n  format: jsonl\n  compression: none\nruntime:\n  task_bytes: 16MB\n  token_count: off\nstages:\n${stages}`,
    );
    freshPageCache(dir);
    const r = timedRun(recipe, workers, { oneCore });
    const mb = r.summary.input_bytes / 1e6;
    const run = {
      wall_s: r.wall_s,
      docs: r.summary.documents.read,
      kept: r.summary.documents.out,
      mb_per_s: +(mb / r.wall_s).toFixed(1),
      docs_per_s: Math.round(r.summary.documents.read / r.wall_s),
      peak_rss_mb: r.peak_rss_mb,
      cpu_s: r.cpu_s,
      cores_used: +(r.cpu_s / r.wall_s).toFixed(2),
      stage_wall_s: Object.fromEntries(r.summary.stages.map((s) => [s.id, +(s.wall_ms / 1000).toFixed(2)])),
    };
    console.log(
      `filters ${key}: ${run.mb_per_s} MB/s, kept ${r.summary.documents.out}/${r.summary.documents.read}`,
    );
    return run;
  });
  results.speedup_2_over_1 = +(results.runs.w2.mb_per_s / results.runs.w1.mb_per_s).toFixed(2);
  results.speedup_2_over_one_core = +(results.runs.w2.mb_per_s / results.runs.w1_one_core.mb_per_s).toFixed(
    2,
  );
  saveSuite('filters', results);
}
