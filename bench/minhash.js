// Suite `minhash`: dedup-minhash accuracy (pairwise F1 on a generated near-duplicate corpus built from real
// web text, truth = exact word 5-gram Jaccard ≥ 0.8) and speed / peak RSS at 100k and 1M documents of
// ~2 KB English (synthetic bases: ../shared has only ~2.5k real documents), 1 and 2 workers.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BenchDocs } from '../dist/corpus/bench-docs.js';
import { realDedupBases } from '../dist/corpus/dedup-bases.js';
import { dedupCorpus } from '../dist/corpus/dedup-corpus.js';
import { clustersFromRun } from '../dist/corpus/dedup-eval.js';
import { scoreClusters, truePairs } from '../dist/corpus/dedup-truth.js';
import { CORPUS, freshPageCache, medianOfRuns, saveSuite, timedRun, writeRecipe } from './lib.js';

const SHARED = path.resolve(CORPUS, '..', '..', '..', 'shared', 'data');
/** Writes the corpus as `files` JSONL files in manifest order; returns the ids in that order. */
function writeCorpus(dir, rows, files) {
  mkdirSync(dir, { recursive: true });
  const per = Math.ceil(rows.length / files);
  for (let f = 0; f < files; f++) {
    const part = rows.slice(f * per, (f + 1) * per);
    writeFileSync(path.join(dir, `part-${f}.jsonl`), part.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
}

function recipe(name, input, options, workers) {
  return writeRecipe(
    name,
    `inputs:\n  - path: ${input}/*.jsonl\noutput:\n  dir: out\n  format: jsonl\n  compression: none\nruntime:\n  workers: ${workers}\nstages:\n  - stage: dedup-minhash\n    options: ${options}\n`,
  );
}

export const ACCURACY_CONFIGS = {
  datatrove_14x8: '{ annotate: true }',
  threshold_0_8: '{ threshold: 0.8, annotate: true }',
  threshold_0_8_verify: '{ threshold: 0.8, verify: true, annotate: true }',
};

async function accuracy() {
  const bases = realDedupBases(SHARED);
  const all = [...dedupCorpus(1, Number.POSITIVE_INFINITY, (f) => bases[f], bases.length)];
  const dir = path.join(CORPUS, 'minhash-accuracy');
  writeCorpus(dir, all, 4);
  const truth = truePairs(
    all.map((r) => r.text),
    0.8,
  );
  const out = {
    corpus: `${all.length} documents: ${bases.length} real web bases (C4, DCLM, raw CC, Pile, speeches) + copies`,
    true_pairs: truth.size,
    configs: {},
  };
  for (const [name, options] of Object.entries(ACCURACY_CONFIGS)) {
    const { runDir, wall_s } = timedRun(recipe(`minhash-acc-${name}`, dir, options, 2), 2);
    const score = scoreClusters(
      await clustersFromRun(
        runDir,
        all.map((r) => r.id),
      ),
      truth,
    );
    out.configs[name] = { options, wall_s, ...round(score) };
    console.log(`minhash accuracy ${name}: F1 ${score.f1.toFixed(3)}`);
  }
  return out;
}

function round(o) {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, Number.isInteger(v) ? v : Number(v.toFixed(4))]),
  );
}

/** ~2 KB synthetic English bases with families of copies; cached under bench/corpus. */
export function scaleCorpus(docs) {
  const dir = path.join(CORPUS, `minhash-${docs}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  mkdirSync(dir, { recursive: true });
  const gen = new BenchDocs(1);
  const files = Math.max(2, Math.round(docs / 50_000));
  const per = Math.ceil(docs / files);
  let f = 0;
  let lines = [];
  let bytes = 0;
  const flush = () => {
    writeFileSync(path.join(dir, `part-${String(f++).padStart(3, '0')}.jsonl`), lines.join(''));
    lines = [];
  };
  for (const r of dedupCorpus(1, docs, (i) => gen.doc(i, 2000).text)) {
    lines.push(`${JSON.stringify({ id: r.id, text: r.text })}\n`);
    bytes += Buffer.byteLength(r.text);
    if (lines.length === per) flush();
  }
  if (lines.length > 0) flush();
  writeFileSync(path.join(dir, '.complete'), `${docs} docs, ${bytes} bytes of text\n`);
  return dir;
}

function scale(docs, repeat) {
  const dir = scaleCorpus(docs);
  const textBytes = Number(/(\d+) bytes/.exec(readFileSync(path.join(dir, '.complete'), 'utf8'))[1]);
  const runs = medianOfRuns(repeat, ({ key, workers, oneCore }) => {
    freshPageCache(dir);
    const r = timedRun(recipe(`minhash-${docs}-w${workers}`, dir, '{}', workers), workers, { oneCore });
    const dropped = r.summary.stages?.find?.((s) => s.id === 'dedup-minhash')?.dropped;
    const run = {
      wall_s: r.wall_s,
      cpu_s: r.cpu_s,
      cores_used: Number((r.cpu_s / r.wall_s).toFixed(2)),
      docs_per_s: Math.round(docs / r.wall_s),
      mb_per_s: Number((textBytes / 1e6 / r.wall_s).toFixed(1)),
      peak_rss_mb: r.peak_rss_mb,
      dropped: dropped ?? null,
    };
    console.log(`minhash ${docs} docs, ${key}: ${run.mb_per_s} MB/s`);
    return run;
  });
  return {
    docs,
    text_mb: Math.round(textBytes / 1e6),
    ...runs,
    speedup_2_over_1: Number((runs.w1.wall_s / runs.w2.wall_s).toFixed(2)),
    speedup_2_over_one_core: Number((runs.w1_one_core.wall_s / runs.w2.wall_s).toFixed(2)),
  };
}

export async function runMinhash({ docs, repeat }) {
  const results = { accuracy: existsSync(SHARED) ? await accuracy() : null, scale: [] };
  for (const n of docs ?? [100_000, 1_000_000]) results.scale.push(scale(n, repeat));
  saveSuite('minhash', results);
}
