// Suite `quality`: how pipelines/fineweb.yaml's filters agree with human quality labels (DCLM's
// majority_data: 499 web pages labelled keep=1 / discard=0 by annotators). Reported, never tuned on.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OUT, ROOT, saveSuite, timedRun, writeRecipe } from './lib.js';

const LABELS = path.resolve(
  ROOT,
  '..',
  'shared',
  'data',
  'web',
  'dclm_quality_labels',
  'majority_data.jsonl.gz',
);

export function runQuality() {
  if (!existsSync(LABELS)) {
    console.log(`quality: skipped, ${LABELS} not found`);
    return;
  }
  const rows = gunzipSync(readFileSync(LABELS))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const dir = path.join(OUT, 'quality-in');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'dclm.jsonl'),
    rows.map((r, i) => `${JSON.stringify({ id: `dclm-${i}`, text: r.text, label: r.label })}\n`).join(''),
  );
  const stages = readFileSync(path.join(ROOT, 'pipelines', 'fineweb.yaml'), 'utf8').split(/^stages:\n/m)[1];
  const recipe = writeRecipe(
    'quality',
    `inputs:\n  - path: quality-in\noutput:\n  dir: ../out/quality\n  format: jsonl\n  compression: none\nruntime:\n  token_count: off\nstages:\n${stages}`,
  );
  const { runDir } = timedRun(recipe, 2);
  const outDir = path.join(runDir, 'data');
  const kept = new Set(
    readdirSync(outDir)
      .flatMap((f) => readFileSync(path.join(outDir, f), 'utf8').trim().split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l).id),
  );
  const by = { keep: { n: 0, kept: 0 }, discard: { n: 0, kept: 0 } };
  rows.forEach((r, i) => {
    const b = r.label === 1 ? by.keep : by.discard;
    b.n++;
    if (kept.has(`dclm-${i}`)) b.kept++;
  });
  const results = {
    labelled_keep: by.keep.n,
    labelled_discard: by.discard.n,
    keep_kept_share: +(by.keep.kept / by.keep.n).toFixed(3),
    discard_dropped_share: +(1 - by.discard.kept / by.discard.n).toFixed(3),
  };
  console.log(
    `quality: of ${by.keep.n} "keep" pages, fineweb.yaml keeps ${results.keep_kept_share}; of ${by.discard.n} "discard" pages it drops ${results.discard_dropped_share}`,
  );
  saveSuite('quality', results);
}
