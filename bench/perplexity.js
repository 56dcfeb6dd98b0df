// Suite `perplexity`: filter-perplexity with a 3-gram model. The model is trained by `datamill lm train
// --order 3 --normalize` on real English text of ../shared/data (C4 demo, Wikipedia demo, State of the Union
// and inaugural addresses); the scored corpus tiles other real web pages (DCLM-labelled pages, raw Common
// Crawl) with fresh ids, so the model meets unseen n-grams as it would in production.
// Figures: ARPA load time and bytes per n-gram (in process), the pure scoring loop (MB of text per second,
// one core), and `datamill run` with 1 worker: scoring by max (map stage) and percentile buckets (global).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, ROOT, saveSuite, tiledCorpus, timedRun, webTexts, writeRecipe } from './lib.js';

const TRAIN = [
  'llamafactory_c4_demo.jsonl.gz',
  'llamafactory_wiki_demo.jsonl.gz',
  'nltk_state_union.jsonl.gz',
  'nltk_inaugural.jsonl.gz',
];
const SCORE = [
  'dclm_quality_labels/majority_data.jsonl.gz',
  'dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
];
const NOTE = 'KenLM itself was not run here (no KenLM package in Debian).';

/** Trains the bench model once (kept under bench/out). */
function model() {
  const arpa = path.join(OUT, 'perplexity-web-3gram.arpa');
  if (existsSync(arpa)) return arpa;
  mkdirSync(OUT, { recursive: true });
  const train = path.join(OUT, 'perplexity-train.jsonl');
  writeFileSync(
    train,
    webTexts(TRAIN)
      .map((text) => `${JSON.stringify({ text })}\n`)
      .join(''),
  );
  const r = spawnSync(
    'node',
    ['bin/datamill.js', 'lm', 'train', '--order', '3', '--normalize', '-o', arpa, train],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`lm train failed:\n${r.stderr}`);
  return arpa;
}

function scoreCorpus(bytes) {
  return tiledCorpus(`perplexity-real-${bytes}`, webTexts(SCORE), bytes, 4);
}

/** In process: load time, bytes per n-gram, and the scoring loop over the scored pages held in memory. */
async function inProcess(arpa) {
  const { loadArpa } = await import('../dist/lm/arpa-read.js');
  const { CCNET_PERPLEXITY, scoreDocument } = await import('../dist/lm/perplexity.js');
  const load = async (file) => {
    const t0 = performance.now();
    const m = await loadArpa(file, { warn: () => {} });
    const s = (performance.now() - t0) / 1000;
    const ngrams = m.counts.reduce((a, b) => a + b, 0);
    return {
      m,
      figures: {
        counts: m.counts,
        load_s: +s.toFixed(2),
        ngrams_per_s: Math.round(ngrams / s),
        bytes_per_ngram: +(m.bytes / ngrams).toFixed(1),
        mb: +(m.bytes / 1e6).toFixed(1),
      },
    };
  };
  const web = await load(arpa);
  const weather = await load(
    path.resolve(ROOT, '..', 'shared', 'data', 'arpa', 'cmusphinx', 'sphinx4_weather.lm'),
  );
  const pages = webTexts(SCORE);
  const mb = pages.reduce((a, t) => a + Buffer.byteLength(t), 0) / 1e6;
  const o = CCNET_PERPLEXITY;
  const loop = (m, opts) => {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (const t of pages) scoreDocument(m, t, opts);
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    return +(mb / best).toFixed(1);
  };
  return {
    model_web: { ...web.figures, arpa_mb: +(statSync(arpa).size / 1e6).toFixed(1) },
    model_weather: weather.figures,
    loop_text_mb: +mb.toFixed(1),
    loop_mb_per_s: loop(web.m, o),
    loop_mb_per_s_no_normalize: loop(web.m, { ...o, normalize: false }),
    loop_mb_per_s_weather: loop(weather.m, o),
  };
}

function run(name, dir, arpa, options) {
  const recipe = writeRecipe(
    `perplexity-${name}`,
    `inputs:\n  - path: ${dir}\noutput:\n  dir: ../out/perplexity-${name}\n  format: jsonl\n  compression: none\nruntime:\n  task_bytes: 16MB\n  token_count: off\nstages:\n  - stage: filter-perplexity\n    options: { model: ${JSON.stringify(arpa)}, ${options} }\n`,
  );
  const r = timedRun(recipe, 1);
  const mb = r.summary.input_bytes / 1e6;
  const stageMs = r.summary.stages.reduce((a, s) => a + s.wall_ms, 0);
  rmSync(r.runDir, { recursive: true, force: true });
  return {
    wall_s: r.wall_s,
    mb_per_s: +(mb / r.wall_s).toFixed(1),
    stage_s: +(stageMs / 1000).toFixed(2),
    stage_mb_per_s: +(mb / (stageMs / 1000)).toFixed(1),
    docs: r.summary.documents.read,
    kept: r.summary.documents.out,
    peak_rss_mb: r.peak_rss_mb,
  };
}

export async function runPerplexity({ bytes }) {
  const size = bytes === '500MB' ? '100MB' : bytes;
  const arpa = model();
  const dir = scoreCorpus(size);
  const results = {
    corpus: 'tiled real web pages (DCLM-labelled, raw Common Crawl)',
    corpus_bytes: size,
    ...(await inProcess(arpa)),
  };
  console.log(
    `perplexity loop: ${results.loop_mb_per_s} MB/s; load ${results.model_web.load_s} s, ${results.model_web.bytes_per_ngram} B/n-gram`,
  );
  results.runs_w1 = {
    max: run('max', dir, arpa, 'max: 1000'),
    percentiles: run('percentiles', dir, arpa, 'buckets: percentiles, drop_buckets: [tail]'),
  };
  console.log(
    `perplexity run: max ${results.runs_w1.max.mb_per_s} MB/s, percentiles ${results.runs_w1.percentiles.mb_per_s} MB/s`,
  );
  results.provisional = NOTE;
  saveSuite('perplexity', results);
}

if (import.meta.url === `file://${process.argv[1]}`)
  await runPerplexity({ bytes: process.argv[2] ?? '100MB' });
