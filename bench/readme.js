// Rewrites the benchmark tables in README.md from bench/results.json (run after `npm run bench`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.js';

const results = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8'));
const readmePath = path.join(ROOT, 'README.md');
let readme = readFileSync(readmePath, 'utf8');

const LABELS = {
  jsonl: 'JSONL → JSONL',
  jsonl_gz: 'JSONL.gz → JSONL.gz',
  parquet: 'Parquet (zstd) → Parquet (zstd)',
};

function ioTable(io) {
  const rows = [
    `| input → output | 1 worker | 1 worker on 1 core | 2 workers | 2 vs 1 (vs 1 core) | cores used (1 / 2 workers) | peak RSS (1 / 2 workers) |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, c] of Object.entries(io.cases)) {
    rows.push(
      `| ${LABELS[name] ?? name} | ${c.w1.mb_per_s} MB/s, ${c.w1.docs_per_s.toLocaleString('en-US')} docs/s | ${oneCore(c)} | ${c.w2.mb_per_s} MB/s, ${c.w2.docs_per_s.toLocaleString('en-US')} docs/s | ${c.speedup_2_over_1}× (${c.speedup_2_over_one_core ?? '–'}×) | ${c.w1.cores_used ?? '–'} / ${c.w2.cores_used ?? '–'} | ${c.w1.peak_rss_mb} / ${c.w2.peak_rss_mb} MB |`,
    );
  }
  rows.push(
    '',
    `Corpus: ${io.corpus_bytes} of text; measured ${io.date.slice(0, 10)} at commit ${io.commit}${medianNote(Object.values(io.cases)[0])}. Cores used = CPU seconds of all threads / wall seconds: one worker already keeps 1.1–1.2 of the 2 cores busy (V8's GC helper threads, libuv's file I/O threads, the main thread), which bounds what a second worker can add. "1 worker on 1 core" pins the whole process to one CPU (\`taskset -c 0\`): the per-core baseline, against which the figure in parentheses compares 2 workers on 2 cores.`,
  );
  return rows.join('\n');
}

/** The pinned one-worker run (older results lack it). */
function oneCore(c) {
  const r = c.w1_one_core;
  return r ? `${r.mb_per_s} MB/s, ${r.docs_per_s.toLocaleString('en-US')} docs/s` : '–';
}

function filtersTable(f) {
  const stages = Object.keys(f.runs.w1.stage_wall_s);
  const rows = [
    '| workers | MB/s | docs/s | kept | peak RSS |',
    '|---|---|---|---|---|',
    ...['w1', 'w1_one_core', 'w2']
      .filter((w) => f.runs[w])
      .map((w) => {
        const r = f.runs[w];
        return `| ${w === 'w1_one_core' ? '1, on 1 core' : w.slice(1)} | ${r.mb_per_s} | ${r.docs_per_s.toLocaleString('en-US')} | ${r.kept.toLocaleString('en-US')} of ${r.docs.toLocaleString('en-US')} | ${r.peak_rss_mb} MB |`;
      }),
    '',
    `Time per stage with 1 worker (s, summed over tasks): ${stages.map((s) => `${s} ${f.runs.w1.stage_wall_s[s]}`).join(', ')}.`,
    `2 workers vs 1: ${f.speedup_2_over_1}×; vs 1 worker on 1 core: ${f.speedup_2_over_one_core ?? '–'}×. Corpus: ${f.corpus}, ${f.corpus_bytes}; measured ${f.date.slice(0, 10)} at commit ${f.commit}${medianNote(f.runs)}.`,
  ];
  return rows.join('\n');
}

function filterStagesTable(f) {
  const c = f.chain_minus_lid_w1;
  return [
    '| stage (alone, in process) | MB/s (wall) | MB per CPU second | kept |',
    '|---|---|---|---|',
    ...Object.entries(f.alone).map(
      ([s, r]) => `| ${s} | ${r.mb_per_s} | ${r.mb_per_cpu_s} | ${(r.kept_share * 100).toFixed(1)}% |`,
    ),
    '',
    `Chain minus language ID through the CLI, 1 worker, ${f.chain_bytes}: ${c.mb_per_s} MB/s (${c.wall_s} s wall, ${c.user_s} s user CPU); per stage (s): ${Object.entries(
      c.stage_wall_s,
    )
      .map(([s, t]) => `${s} ${t}`)
      .join(', ')}; outside the stages (read, parse, write, ledger): ${c.outside_stages_s} s.`,
    `Alone: ${(f.alone_bytes / 1e6).toFixed(0)} MB of ${f.corpus}, best of 2; measured ${f.date.slice(0, 10)} at commit ${f.commit}. ${f.provisional}`,
  ].join('\n');
}

function qualityTable(q) {
  return [
    '| human label (DCLM majority_data) | pages | fineweb.yaml keeps | fineweb.yaml drops |',
    '|---|---|---|---|',
    `| keep | ${q.labelled_keep} | ${(q.keep_kept_share * 100).toFixed(1)}% | ${(100 - q.keep_kept_share * 100).toFixed(1)}% |`,
    `| discard | ${q.labelled_discard} | ${(100 - q.discard_dropped_share * 100).toFixed(1)}% | ${(q.discard_dropped_share * 100).toFixed(1)}% |`,
    '',
    `Measured ${q.date.slice(0, 10)} at commit ${q.commit}. Reported, not tuned on: the thresholds are the reference defaults.`,
  ].join('\n');
}

function classifierTable(c) {
  const run = (name) => c.runs_w1[name];
  const stageCell = (r) =>
    r.stage_mb_per_s === undefined ? '–' : `${r.stage_mb_per_s} MB/s (${r.stage_s} s)`;
  return [
    '| measure | figure |',
    '|---|---|',
    `| held-out ROC AUC, DCLM majority_data, 70/30 split, seeds 1–5 | mean **${c.auc_mean}**, min ${c.auc_min}, max ${c.auc_max}, std ${c.auc_std} (${c.auc.join(', ')}) |`,
    `| training, ~350 documents (in process) / 499 documents (\`classifier train\`, incl. start-up) | ${c.train_ms_350_docs} ms / ${c.train_cli_s_499_docs} s; model file ${(c.model_bytes / 1e6).toFixed(2)} MB |`,
    `| inference, pure scoring loop (1 core, ${c.scoring_loop.text_mb} MB of text in memory) | **${c.scoring_loop.mb_per_s} MB/s** |`,
    '',
    '| `datamill run`, 1 worker | MB/s end to end | stage time | kept |',
    '|---|---|---|---|',
    ...['passthrough', 'annotate', 'filter'].map(
      (n) =>
        `| ${n} | ${run(n).mb_per_s} | ${stageCell(run(n))} | ${run(n).kept.toLocaleString('en-US')} of ${run(n).docs.toLocaleString('en-US')} |`,
    ),
    '',
    `Corpus: ${c.corpus}, ${c.corpus_bytes}; measured ${c.date.slice(0, 10)} at commit ${c.commit}.`,
  ].join('\n');
}

function lmTrainTable(t) {
  const row = (label, r) =>
    `| ${label} | ${r.memory} | ${r.wall_s} s (CPU ${r.cpu_s} s) | ${r.mb_per_s} MB/s | ${r.peak_rss_mb} MB | ${r.counts.map((c) => c.toLocaleString('en-US')).join(' / ')} | ${r.spilled_records.toLocaleString('en-US')} | ${r.arpa_mb} MB |`;
  return [
    '| model | `--memory` | wall (CPU) | text MB/s | peak RSS | n-grams per order | records spilled | ARPA |',
    '|---|---|---|---|---|---|---|---|',
    row('3-gram', t.runs.o3),
    row('5-gram', t.runs.o5),
    row('5-gram', t.runs.o5_256MB),
    '',
    `Corpus: ${t.corpus}, ${t.corpus_bytes} of text (${t.runs.o3.tokens.toLocaleString('en-US')} tokens, vocabulary ${t.runs.o3.vocab.toLocaleString('en-US')}); measured ${t.date.slice(0, 10)} at commit ${t.commit}. ${t.provisional}`,
  ].join('\n');
}

function minhashTable(m) {
  const rows = [];
  if (m.accuracy) {
    rows.push(
      '| recipe options | precision | recall | pairwise F1 |',
      '|---|---|---|---|',
      ...Object.values(m.accuracy.configs).map(
        (c) =>
          `| \`${c.options.replace(/,? ?annotate: true,? ?/, ' ').replace(/\{\s+\}/, '{}')}\`${c.options.includes('threshold') ? '' : ' (14 × 8, DataTrove)'} | ${c.precision} | ${c.recall} | **${c.f1}** |`,
      ),
      '',
      `Accuracy corpus: ${m.accuracy.corpus}; ${m.accuracy.true_pairs.toLocaleString('en-US')} true pairs (exact word 5-gram Jaccard ≥ 0.8); predicted pairs = pairs in the same cluster.`,
      '',
    );
  }
  rows.push(
    '| documents (text) | 1 worker | 1 worker on 1 core | 2 workers | 2 vs 1 (vs 1 core) | peak RSS (1 / 2 workers) |',
    '|---|---|---|---|---|---|',
    ...m.scale.map(
      (s) =>
        `| ${s.docs.toLocaleString('en-US')} (${s.text_mb} MB) | ${s.w1.mb_per_s} MB/s, ${s.w1.docs_per_s.toLocaleString('en-US')} docs/s | ${oneCore(s)} | ${s.w2.mb_per_s} MB/s, ${s.w2.docs_per_s.toLocaleString('en-US')} docs/s | ${s.speedup_2_over_1}× (${s.speedup_2_over_one_core ?? '–'}×) | ${s.w1.peak_rss_mb} / ${s.w2.peak_rss_mb} MB |`,
    ),
    '',
    `Default options (14 × 8), end to end (read, shingle, sign, bucket, cluster, write); ~2 KB synthetic English documents in families of near-duplicates; measured ${m.date.slice(0, 10)} at commit ${m.commit}${medianNote(m.scale[0])}.`,
  );
  return rows.join('\n');
}

/** ", median of N runs" when the suite repeated each configuration (bench/lib.js medianOfRuns). */
function medianNote(runs) {
  const n = runs?.w1?.wall_s_runs?.length ?? 1;
  return n > 1
    ? `; each figure is the median of ${n} interleaved runs (all wall times in bench/results.json)`
    : '';
}

function lidTable(l) {
  const row = (name, f) =>
    `| ${name} | ${f.mb} MB, ${f.docs.toLocaleString('en-US')} docs | ${f.first_pass.mb_per_s_user} MB/s (${f.first_pass.user_s} s user, ${f.first_pass.wall_s} s wall) | ${f.warm.mb_per_s_user} MB/s (${f.warm.user_s} s user, ${f.warm.wall_s} s wall) |`;
  return [
    '| text | size | first pass (cold token cache) | later passes (best) |',
    '|---|---|---|---|',
    row('English web (C4, DCLM, raw CC)', l.web),
    row('UDHR 388 + lingua 75 languages', l.multilingual),
    '',
    `MB/s of UTF-8 text per second of user CPU, one thread, k = 1. Measured ${l.date.slice(0, 10)} at commit ${l.commit}.`,
  ].join('\n');
}

function perplexityTable(p) {
  const m = p.model_web;
  const run = (name, label) => {
    const r = p.runs_w1[name];
    return `| ${label} | ${r.mb_per_s} MB/s (${r.wall_s} s) | ${r.kept.toLocaleString('en-US')} of ${r.docs.toLocaleString('en-US')} | ${r.peak_rss_mb} MB |`;
  };
  return [
    '| measure | figure |',
    '|---|---|',
    `| scoring loop, 1 core, cc_net normalisation on (${p.loop_text_mb} MB of pages in memory) | **${p.loop_mb_per_s} MB/s** (${p.loop_mb_per_s_no_normalize} MB/s without normalisation; ${p.loop_mb_per_s_weather} MB/s with the small sphinx4 weather 3-gram) |`,
    `| 3-gram model: n-grams per order | ${m.counts.map((c) => c.toLocaleString('en-US')).join(' / ')} (ARPA ${m.arpa_mb} MB) |`,
    `| ARPA load (one per worker thread) | ${m.load_s} s, ${m.ngrams_per_s.toLocaleString('en-US')} n-grams/s |`,
    `| memory | ${m.bytes_per_ngram} bytes per n-gram (${m.mb} MB); sphinx4 weather 3-gram: ${p.model_weather.bytes_per_ngram} |`,
    '',
    '| `datamill run`, 1 worker | MB/s end to end (wall) | kept | peak RSS |',
    '|---|---|---|---|',
    run('max', '`max: 1000` (map stage)'),
    run('percentiles', '`buckets: percentiles, drop_buckets: [tail]` (global phase)'),
    '',
    `Corpus: ${p.corpus}, ${p.corpus_bytes}; model: \`datamill lm train --order 3 --normalize\` on other real English text of ../shared/data; measured ${p.date.slice(0, 10)} at commit ${p.commit}. ${p.provisional}`,
  ].join('\n');
}

const tables = {
  io: ioTable,
  filters: filtersTable,
  lid: lidTable,
  'filter-stages': filterStagesTable,
  quality: qualityTable,
  classifier: classifierTable,
  'lm-train': lmTrainTable,
  perplexity: perplexityTable,
  minhash: minhashTable,
};
for (const [suite, render] of Object.entries(tables)) {
  if (!results.suites[suite]) continue;
  const re = new RegExp(`<!-- bench:${suite} -->\\n[\\s\\S]*?<!-- /bench:${suite} -->`);
  const block = `<!-- bench:${suite} -->\n${render(results.suites[suite])}\n<!-- /bench:${suite} -->`;
  readme = readme.replace(re, () => block);
}
writeFileSync(readmePath, readme);
console.log('README.md benchmark tables updated from bench/results.json');
