// Suite `filter-stages`: each heuristic filter of pipelines/fineweb.yaml alone, in process, on the tiled
// English web corpus of the `filters` suite (MB/s of input text per stage, wall and user CPU), then the whole
// chain minus language ID through the CLI with 1 worker (wall, user CPU, per-stage times, and what the
// stages leave: reading, parsing, writing, the ledger).
// Direct use for before/after comparisons: `node bench/filter-stages.js [--root DIR] [--mb 50] [--cli]`,
// where DIR holds a build in DIR/dist and DIR/bin (default: this checkout); prints JSON, saves nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { realCorpus } from './filters.js';
import { OUT, ROOT, saveSuite, writeRecipe } from './lib.js';

/** pipelines/fineweb.yaml's stages after filter-language, with its options (the recipe's own text below). */
const STAGES = [
  ['filter-url', {}],
  ['filter-gopher-repetition', {}],
  ['filter-gopher-quality', {}],
  ['filter-c4', { filter_no_terminal_punct: false }],
  ['filter-fineweb', {}],
  ['redact-pii', { types: ['email', 'ip_address'] }],
];

/** JSONL lines of the corpus up to `bytes` (whole lines), as read from disk. */
function corpusLines(dir, bytes) {
  const lines = [];
  let size = 0;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (line === '' || size >= bytes) continue;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
  }
  return { lines, bytes: size };
}

/** Fresh documents (new strings, as a reader makes them) in batches of about 1 MB of text (runtime.batch_bytes). */
function batches(lines) {
  const out = [];
  let batch = [];
  let size = 0;
  for (const line of lines) {
    const row = JSON.parse(line);
    batch.push({ id: row.id, text: row.text, row });
    size += row.text.length;
    if (size >= 1e6) {
      out.push(batch);
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

const ctx = { drop() {}, count() {}, observe() {} };

/** Each stage alone on fresh documents: wall and user CPU seconds of its `process` calls, best of `repeats`. */
async function stagesAlone(root, corpus, repeats) {
  const { validate } = await import(pathToFileURL(path.join(root, 'dist/core/schema.js')).href);
  const out = {};
  for (const [name, options] of STAGES) {
    const def = (await import(pathToFileURL(path.join(root, 'dist/stages', `${name}.js`)).href)).default;
    const parsed = validate(def.options, options);
    if (!parsed.ok) throw new Error(`bench: ${name}: invalid options`);
    let best;
    for (let r = 0; r < repeats; r++) {
      const work = batches(corpus.lines);
      const proc = await def.create(parsed.value, {
        stageId: name,
        seed: 1,
        taskIndex: 0,
        taskCount: 1,
        warn() {},
      });
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let kept = 0;
      for (const b of work) kept += (await proc.process(b, ctx)).length;
      const wall = (performance.now() - t0) / 1000;
      const user = process.cpuUsage(cpu0).user / 1e6;
      if (best === undefined || wall < best.wall_s) best = { wall_s: wall, user_s: user, kept };
    }
    const mb = corpus.bytes / 1e6;
    out[name] = {
      wall_s: +best.wall_s.toFixed(3),
      user_s: +best.user_s.toFixed(3),
      mb_per_s: +(mb / best.wall_s).toFixed(1),
      mb_per_cpu_s: +(mb / best.user_s).toFixed(1),
      kept_share: +(best.kept / corpus.lines.length).toFixed(3),
    };
  }
  return out;
}

/** The chain minus language ID through the CLI, 1 worker: wall, user and system CPU, per-stage wall. */
function chainRun(root, dir) {
  const recipe = readFileSync(path.join(ROOT, 'pipelines', 'fineweb.yaml'), 'utf8');
  const stages = recipe.split(/^stages:\n/m)[1].replace(/ {2}- stage: filter-language\n( {4}.*\n)+/, '');
  const file = writeRecipe(
    'filter-stages-chain',
    `inputs:\n  - path: ${dir}\noutput:\n  dir: ../out/filter-stages-chain\n  format: jsonl\n  compression: none\nruntime:\n  task_bytes: 16MB\n  token_count: off\nstages:\n${stages}`,
  );
  const runDir = path.join(OUT, 'runs', 'filter-stages-chain');
  rmSync(runDir, { recursive: true, force: true });
  const args = ['-f', '%e %U %S %M', 'node', path.join(root, 'bin/datamill.js'), 'run', file];
  args.push('--out', runDir, '--workers', '1', '--quiet', '--json');
  const r = spawnSync('/usr/bin/time', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`datamill failed (${r.status}):\n${r.stderr}`);
  const [wall, user, sys, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  const summary = JSON.parse(r.stdout);
  const stageWall = Object.fromEntries(summary.stages.map((s) => [s.id, +(s.wall_ms / 1000).toFixed(2)]));
  const inStages = Object.values(stageWall).reduce((a, b) => a + b, 0);
  return {
    wall_s: wall,
    user_s: user,
    sys_s: sys,
    peak_rss_mb: Math.round(rssKb / 1024),
    mb_per_s: +(summary.input_bytes / 1e6 / wall).toFixed(1),
    docs: summary.documents.read,
    kept: summary.documents.out,
    stage_wall_s: stageWall,
    outside_stages_s: +(wall - inStages).toFixed(2),
  };
}

/** `npm run bench -- --suite filter-stages`: 50 MB in process (best of 2), the 200 MB chain through the CLI. */
export async function runFilterStages() {
  const dir = realCorpus('200MB');
  const corpus = corpusLines(dir, 50e6);
  const results = {
    corpus: 'tiled real English web text (C4, DCLM, raw CC), as the filters suite',
    alone_bytes: corpus.bytes,
    alone: await stagesAlone(ROOT, corpus, 2),
    chain_bytes: '200MB',
    chain_minus_lid_w1: chainRun(ROOT, dir),
    provisional: '',
  };
  for (const [s, r] of Object.entries(results.alone)) console.log(`filter-stages ${s}: ${r.mb_per_s} MB/s`);
  saveSuite('filter-stages', results);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const args = process.argv.slice(2);
  const flag = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
  const root = path.resolve(flag('root', ROOT));
  const dir = realCorpus('200MB');
  const out = { root };
  if (!args.includes('--cli-only'))
    out.alone = await stagesAlone(
      root,
      corpusLines(dir, Number(flag('mb', '50')) * 1e6),
      Number(flag('repeats', '1')),
    );
  if (args.includes('--cli') || args.includes('--cli-only')) out.chain = chainRun(root, dir);
  console.log(JSON.stringify(out, null, 1));
}
