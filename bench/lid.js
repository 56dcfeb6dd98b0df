// Suite `lid`: language ID alone (fastText lid.176, k=1 as filter-language asks), one thread, on
// - web: the English web texts the `filters` suite tiles (C4, DCLM, raw CC; 4.9 MB, 1,469 documents): the first
//   pass (every token seen for the first time: cache misses) and the steady state of later passes, which is
//   what the tiled `filters` corpus shows the stage;
// - multilingual: the UDHR in 388 languages and the 74,141 lingua sentences (75 languages), first and later
//   passes.
// MB/s are UTF-8 text bytes per second of user CPU time (per core); wall seconds are reported beside.
// `node bench/lid.js [--dist <a>] --ab <b>` alternates rounds of the build in dist/ (or <a>) with one in <b> (another
// `tsc --outDir`), A B A B, in one process, and prints the best round of each: a fair comparison on a
// shared machine.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ROOT, saveSuite, webTexts } from './lib.js';

const WEB_SOURCES = [
  'llamafactory_c4_demo.jsonl.gz',
  'dclm_quality_labels/majority_data.jsonl.gz',
  'dolma_cc_raw/CC-MAIN-20190717121559-20190717143559-00140.jsonl.gz',
];
const MULTI = path.resolve(ROOT, '..', 'shared', 'data', 'multilingual');

function multilingualTexts() {
  return ['udhr2_388.jsonl.gz', 'lingua_sentences_75langs.jsonl.gz'].flatMap((f) =>
    gunzipSync(readFileSync(path.join(MULTI, f)))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).text),
  );
}

/** A fresh model (empty token cache) from the build in `dist`. */
async function freshModel(dist) {
  const { FastTextClassifier } = await import(path.join(dist, 'text/fasttext/predict.js'));
  const { lid176Path } = await import(path.join(dist, 'text/fasttext/lid176.js'));
  return FastTextClassifier.fromBytes(readFileSync(lid176Path()), {
    labelPrefix: '__label__',
    joinLines: true,
  });
}

/** One pass of `model` over `texts`: user CPU ms and wall ms. */
function pass(model, texts) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let sink = 0;
  for (const t of texts) sink += model.predict(t, 1, 0)[0]?.score ?? 0;
  const wall = performance.now() - t0;
  return { user: process.cpuUsage(c0).user / 1e3, wall, sink };
}

/** First pass (fresh model) and best of `rounds` later passes, for each build, rounds interleaved. */
async function measure(dists, texts, rounds) {
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const models = [];
  const out = [];
  for (const dist of dists) {
    const model = await freshModel(dist);
    models.push(model);
    const first = pass(model, texts);
    out.push({ first, warm: { user: Infinity, wall: Infinity }, sink: first.sink });
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < dists.length; i++) {
      const p = pass(models[i], texts);
      const w = out[i].warm;
      out[i].warm = { user: Math.min(w.user, p.user), wall: Math.min(w.wall, p.wall) };
    }
  }
  const fig = (t) => ({
    mb_per_s_user: +(mb / (t.user / 1e3)).toFixed(1),
    user_s: +(t.user / 1e3).toFixed(3),
    wall_s: +(t.wall / 1e3).toFixed(3),
  });
  return out.map((o) => ({
    mb: +mb.toFixed(2),
    docs: texts.length,
    first_pass: fig(o.first),
    warm: fig(o.warm),
    score_sum: o.sink,
  }));
}

async function main(dists, rounds) {
  const corpora = { web: webTexts(WEB_SOURCES), multilingual: multilingualTexts() };
  const results = {};
  for (const [name, texts] of Object.entries(corpora)) {
    const figures = await measure(dists, texts, rounds);
    results[name] = figures;
    for (let i = 0; i < dists.length; i++) {
      const f = figures[i];
      console.log(
        `lid ${name} [${path.relative(ROOT, dists[i]) || dists[i]}]: first pass ${f.first_pass.mb_per_s_user} MB/s ` +
          `(user ${f.first_pass.user_s} s, wall ${f.first_pass.wall_s} s), warm ${f.warm.mb_per_s_user} MB/s ` +
          `(user ${f.warm.user_s} s, wall ${f.warm.wall_s} s), ${f.docs} docs, ${f.mb} MB`,
      );
    }
  }
  return results;
}

export async function runLid() {
  const results = await main([path.join(ROOT, 'dist')], 5);
  saveSuite('lid', {
    corpus: 'English web text of the filters suite (C4, DCLM, raw CC); UDHR 388 + lingua 75 languages',
    web: results.web[0],
    multilingual: results.multilingual[0],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? undefined : path.resolve(process.argv[i + 1]);
  };
  const ab = flag('ab');
  if (ab === undefined) await runLid();
  else await main([flag('dist') ?? path.join(ROOT, 'dist'), ab], 7);
}
