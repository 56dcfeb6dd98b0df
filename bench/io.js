// Suite `io`: read → (no stages) → write passthrough for JSONL, JSONL.gz and Parquet, 1 and 2 workers.
import { corpus, freshPageCache, medianOfRuns, saveSuite, timedRun, writeRecipe } from './lib.js';

const CASES = [
  { name: 'jsonl', format: 'jsonl', out: 'format: jsonl\n  compression: none' },
  { name: 'jsonl_gz', format: 'jsonl.gz', out: 'format: jsonl\n  compression: gzip' },
  { name: 'parquet', format: 'parquet', out: 'format: parquet\n  compression: zstd' },
];

// 2 GB by default (the floor is 500 MB): a run's fixed start-up and report (~0.5 s) is a fifth of
// a 500 MB passthrough, which would measure start-up rather than throughput scaling.
export function runIo({ bytes, repeat }) {
  const size = bytes === '500MB' ? '2GB' : bytes;
  const results = { corpus_bytes: size, cases: {} };
  for (const c of CASES) {
    const dir = corpus(`io-${c.name}`, c.format, size, 16);
    const runs = medianOfRuns(repeat, ({ key, workers, oneCore }) => {
      const recipe = writeRecipe(
        `io-${c.name}-w${workers}`,
        `inputs:\n  - path: ${dir}\noutput:\n  dir: ../out/io-${c.name}-w${workers}\n  ${c.out}\nruntime:\n  task_bytes: 64MB\n  token_count: off\nstages: []\n`,
      );
      freshPageCache(dir);
      const r = timedRun(recipe, workers, { oneCore });
      const mb = r.summary.input_bytes / 1e6;
      const run = {
        wall_s: r.wall_s,
        docs: r.summary.documents.read,
        input_mb: Math.round(mb),
        mb_per_s: +(mb / r.wall_s).toFixed(1),
        docs_per_s: Math.round(r.summary.documents.read / r.wall_s),
        peak_rss_mb: r.peak_rss_mb,
        cpu_s: r.cpu_s,
        cores_used: +(r.cpu_s / r.wall_s).toFixed(2),
      };
      console.log(
        `io ${c.name} ${key}: ${run.mb_per_s} MB/s, ${run.docs_per_s} docs/s, peak RSS ${r.peak_rss_mb} MB`,
      );
      return run;
    });
    runs.speedup_2_over_1 = +(runs.w2.mb_per_s / runs.w1.mb_per_s).toFixed(2);
    runs.speedup_2_over_one_core = +(runs.w2.mb_per_s / runs.w1_one_core.mb_per_s).toFixed(2);
    results.cases[c.name] = runs;
  }
  saveSuite('io', results);
}
