// Shared helpers for benchmark suites: corpus generation, timed CLI runs, results file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = path.join(ROOT, 'bench', 'corpus');
export const OUT = path.join(ROOT, 'bench', 'out');
const RESULTS = path.join(ROOT, 'bench', 'results.json');

/** '200MB' → 200000000 (powers of 1000, like the CLI). */
export function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)\s*(kB|MB|GB)$/i.exec(s);
  if (!m) throw new Error(`bench: expected a size like 200MB, got ${s}`);
  return Math.round(Number(m[1]) * { kb: 1e3, mb: 1e6, gb: 1e9 }[m[2].toLowerCase()]);
}

/** Generates (once) a seeded benchmark corpus; returns its directory. */
export function corpus(name, format, bytes, files) {
  const dir = path.join(CORPUS, `${name}-${bytes}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  mkdirSync(dir, { recursive: true });
  const args = [
    'dist/corpus/bench-corpus.js',
    '--out',
    dir,
    '--bytes',
    bytes,
    '--format',
    format,
    '--files',
    String(files),
    '--seed',
    '1',
  ];
  execFileSync('node', args, { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

/**
 * Same starting conditions for every timed run: dirty pages written back, and (as root) the page cache
 * emptied then refilled with the run's input only. A page cache full of other benchmark corpora made the
 * kernel reclaim pages on every write: 2-worker JSONL passthrough measured 0.9x one worker with 6 s of
 * system time, 1.4x with 1.7 s once memory was free.
 */
export function freshPageCache(inputDir) {
  spawnSync('sync');
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '3');
  } catch {
    return; // not root: measure with the cache as it is
  }
  spawnSync('sh', ['-c', `cat ${JSON.stringify(inputDir)}/* > /dev/null`]);
}

/**
 * Runs `datamill run` under GNU time into a fresh run directory (an existing one with the same plan would
 * be resumed, and a finished run takes no time); returns wall seconds, CPU seconds, peak RSS (MB) and the
 * --json summary. `oneCore` pins the whole process (worker, main thread, GC and I/O helper threads) to CPU 0
 * with taskset: the per-core baseline. Unpinned, one worker keeps 1.1–1.2 of the 2 cores busy, so
 * "2 workers / 1 worker" measures 2 cores against ~1.2, not against one.
 */
export function timedRun(recipeFile, workers, { oneCore = false } = {}) {
  const runDir = path.join(OUT, 'runs', `${path.basename(recipeFile, '.yaml')}`);
  rmSync(runDir, { recursive: true, force: true });
  const timed = [
    '/usr/bin/time',
    '-f',
    '%e %M %U %S',
    'node',
    'bin/datamill.js',
    'run',
    recipeFile,
    '--out',
    runDir,
    '--workers',
    String(workers),
    '--quiet',
    '--json',
  ];
  const [command, ...args] = oneCore ? ['taskset', '-c', '0', ...timed] : timed;
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`datamill failed (${r.status}):\n${r.stderr}`);
  const timeLine = r.stderr.trim().split('\n').pop();
  const [wall, rssKb, user, sys] = timeLine.split(' ').map(Number);
  return {
    wall_s: wall,
    peak_rss_mb: Math.round(rssKb / 1024),
    // CPU seconds of every thread (workers, GC helpers, I/O threads, main): cpu_s / wall_s is the cores used.
    cpu_s: +(user + sys).toFixed(2),
    summary: JSON.parse(r.stdout),
    runDir,
  };
}

/**
 * Times each of SCALING_RUNS `repeat` times, interleaved (1 worker, 1 on one core, 2, then again, so drift
 * in the machine falls on every configuration), and keeps for each the run of median wall time, with all
 * its wall times in `wall_s_runs`. Single runs moved the 2-worker ratio by ±5–10% here (MinHash at 1M
 * documents: one core 39.0–43.6 s over three runs, 2 workers 23.1–23.2 s).
 */
export function medianOfRuns(repeat, measure) {
  const all = {};
  for (let i = 0; i < repeat; i++) for (const cfg of SCALING_RUNS) (all[cfg.key] ??= []).push(measure(cfg));
  const out = {};
  for (const [key, runs] of Object.entries(all)) {
    const sorted = [...runs].sort((a, b) => a.wall_s - b.wall_s);
    out[key] = { ...sorted[(sorted.length - 1) >> 1], wall_s_runs: runs.map((r) => r.wall_s) };
  }
  return out;
}

/** The runs each scaling benchmark makes: 1 worker, 1 worker pinned to one core, 2 workers. */
export const SCALING_RUNS = [
  { key: 'w1', workers: 1, oneCore: false },
  { key: 'w1_one_core', workers: 1, oneCore: true },
  { key: 'w2', workers: 2, oneCore: false },
];

export function writeRecipe(name, yaml) {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

/** Merges one suite's results into bench/results.json, keeping the other suites' figures. */
export function saveSuite(suite, results) {
  const all = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : { suites: {} };
  all.machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    mem_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {}
  all.suites[suite] = { date: new Date().toISOString(), commit, ...results };
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

/** ../shared/data/web: real English web text for the suites that tile it. */
export const WEB = path.resolve(ROOT, '..', 'shared', 'data', 'web');

/** Non-empty `text` fields of gzipped JSONL files under WEB. */
export function webTexts(files) {
  return files.flatMap((f) =>
    gunzipSync(readFileSync(path.join(WEB, f)))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).text)
      .filter((t) => typeof t === 'string' && t.length > 0),
  );
}

/**
 * Tiles `texts` with fresh ids `doc-N` into `files` JSONL files of about `bytes` in total, once (cached as
 * bench/corpus/<name>); `fields(n)` adds fields to document n.
 */
export function tiledCorpus(name, texts, bytes, files, fields = () => ({})) {
  const dir = path.join(CORPUS, name);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  mkdirSync(dir, { recursive: true });
  const target = parseSize(bytes);
  let n = 0;
  let written = 0;
  for (let f = 0; f < files; f++) {
    const lines = [];
    let size = 0;
    while (size < target / files) {
      const line = `${JSON.stringify({ id: `doc-${n}`, text: texts[n % texts.length], ...fields(n) })}\n`;
      lines.push(line);
      size += line.length;
      n++;
    }
    writeFileSync(path.join(dir, `part-${f}.jsonl`), lines.join(''));
    written += size;
  }
  writeFileSync(path.join(dir, '.complete'), `${n} docs, ${written} bytes\n`);
  return dir;
}
