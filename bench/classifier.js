// Suite `classifier`: the quality classifier (src/classify, stage classify-quality).
// - held-out ROC AUC on DCLM's human labels (majority_data, 499 pages): train on 70%, score 30%, seeds 1..5;
// - training time (CLI, all 499 pages);
// - inference MB/s: a pure scoring loop over in-memory texts, and `datamill run` with the stage, 1 worker.
// The inference corpus tiles the real English web documents of ../shared/data (C4, DCLM, raw CC).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, parseSize, ROOT, saveSuite, tiledCorpus, timedRun, WEB, webTexts, writeRecipe } from './lib.js';

const LABELS = path.join(WEB, 'dclm_quality_labels', 'majority_data.jsonl.gz');
const SOURCES = [
  'llamafactory_c4_demo.jsonl.gz',
  'dclm_quality_labels/majority_data.jsonl.gz',
  'dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
];

function realCorpus(bytes) {
  return tiledCorpus(`classifier-real-${bytes}`, webTexts(SOURCES), bytes, 4);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function fiveSeedAuc(lib) {
  const examples = await lib.data.loadExamples(
    { files: [LABELS], pos: [], neg: [], text_field: 'text', label_field: 'label', positive: null },
    () => {},
  );
  const buf = new lib.features.FeatureBuffer();
  const aucs = [];
  const trainMs = [];
  for (const seed of [1, 2, 3, 4, 5]) {
    const train = lib.data.splitSide(examples, 0.3, seed, 'train');
    const test = lib.data.splitSide(examples, 0.3, seed, 'holdout');
    const t0 = performance.now();
    const model = lib.train.trainModel(
      train,
      { config: lib.defaults.DEFAULT_CONFIG, ...lib.defaults.DEFAULT_SGD, seed },
      { text_field: 'text', label_field: 'label', positive: null, holdout: 0.3 },
    );
    trainMs.push(performance.now() - t0);
    aucs.push(
      lib.metrics.rocAuc(
        test.map((e) => lib.model.score(model, e.text, buf)),
        test.map((e) => e.y),
      ),
    );
  }
  const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
  const std = Math.sqrt(aucs.reduce((s, a) => s + (a - mean) ** 2, 0) / aucs.length);
  const r4 = (x) => +x.toFixed(4);
  return {
    seeds: [1, 2, 3, 4, 5],
    auc: aucs.map(r4),
    auc_mean: r4(mean),
    auc_min: r4(Math.min(...aucs)),
    auc_max: r4(Math.max(...aucs)),
    auc_std: r4(std),
    train_ms_350_docs: Math.round(median(trainMs)),
  };
}

/** Scores every text of the corpus in memory, 3 times; MB/s of UTF-8 text, median run. */
function scoringLoop(lib, model, dir) {
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).text),
    );
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const buf = new lib.features.FeatureBuffer();
  const rates = [];
  let check = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const t of texts) check += lib.model.score(model, t, buf);
    rates.push(bytes / 1e6 / ((performance.now() - t0) / 1000));
  }
  return {
    text_mb: +(bytes / 1e6).toFixed(1),
    docs: texts.length,
    mb_per_s: +median(rates).toFixed(1),
    check,
  };
}

export async function runClassifier({ bytes }) {
  if (!existsSync(LABELS)) {
    console.log(`classifier: skipped, ${LABELS} not found`);
    return;
  }
  const dist = (m) => import(path.join(ROOT, 'dist', 'classify', `${m}.js`));
  const lib = {
    data: await dist('data'),
    defaults: await dist('defaults'),
    features: await dist('features'),
    metrics: await dist('metrics'),
    model: await dist('model'),
    modelFile: await dist('model-file'),
    train: await dist('train'),
  };
  const auc = await fiveSeedAuc(lib);
  console.log(
    `classifier: 5-seed held-out AUC ${auc.auc_mean} (${auc.auc_min}..${auc.auc_max}, std ${auc.auc_std})`,
  );

  mkdirSync(OUT, { recursive: true });
  const modelFile = path.join(OUT, 'classifier-dclm.dmqc');
  const t0 = performance.now();
  const { execFileSync } = await import('node:child_process');
  execFileSync(
    'node',
    ['bin/datamill.js', 'classifier', 'train', '--label-field', 'label', '-o', modelFile, LABELS],
    {
      cwd: ROOT,
    },
  );
  const train_cli_s = +((performance.now() - t0) / 1000).toFixed(2);
  const model = await lib.modelFile.loadModel(modelFile);

  const size = parseSize(bytes) > 100e6 ? '100MB' : bytes;
  const dir = realCorpus(size);
  const loop = scoringLoop(lib, model, dir);
  console.log(`classifier: scoring loop ${loop.mb_per_s} MB/s over ${loop.text_mb} MB of text`);

  // annotate: the score is a new row field, so every row is re-serialized; filter: score_field null keeps
  // rows untouched, and kept JSONL lines are copied verbatim.
  // passthrough: the same corpus with no stage, for what reading and writing alone cost.
  const runs = {};
  for (const [name, options] of [
    ['passthrough', null],
    ['annotate', `{model: ${modelFile}}`],
    ['filter', `{model: ${modelFile}, threshold: 0.5, score_field: null}`],
  ]) {
    const recipe = writeRecipe(
      `classifier-${name}-w1`,
      `inputs:\n  - path: ${dir}\noutput:\n  dir: ../out/classifier-${name}-w1\n  format: jsonl\n  compression: none\nruntime:\n  task_bytes: 16MB\n  token_count: off\nstages:${options === null ? ' []\n' : `\n  - stage: classify-quality\n    options: ${options}\n`}`,
    );
    const r = timedRun(recipe, 1);
    const stage = r.summary.stages.find((s) => s.id === 'classify-quality');
    const mb = r.summary.input_bytes / 1e6;
    runs[name] = {
      wall_s: r.wall_s,
      docs: r.summary.documents.read,
      kept: r.summary.documents.out,
      mb_per_s: +(mb / r.wall_s).toFixed(1),
      ...(stage && {
        stage_s: +(stage.wall_ms / 1000).toFixed(2),
        stage_mb_per_s: +(mb / (stage.wall_ms / 1000)).toFixed(1),
      }),
      peak_rss_mb: r.peak_rss_mb,
    };
    console.log(`classifier: datamill run ${name} w1 ${JSON.stringify(runs[name])}`);
  }
  saveSuite('classifier', {
    corpus: 'tiled real English web text (C4, DCLM, raw CC)',
    corpus_bytes: size,
    ...auc,
    train_cli_s_499_docs: train_cli_s,
    model_bytes: readFileSync(modelFile).length,
    scoring_loop: { text_mb: loop.text_mb, docs: loop.docs, mb_per_s: loop.mb_per_s },
    runs_w1: runs,
  });
}
