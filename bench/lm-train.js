// Suite `lm-train`: `datamill lm train` (lmplz's interpolated modified Kneser–Ney) on about 100 MB of text,
// order 3 and order 5 with the default 1 GB budget, and order 5 with a 256 MB budget (sorted runs spilled
// to disk). Corpus: the seeded synthetic English web-page generator (src/corpus/bench-corpus.ts); each
// document's lines are sentences. Wall time, CPU time and peak RSS from GNU time.

import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { corpus, OUT, ROOT, saveSuite } from './lib.js';

const NOTE = 'lmplz itself was not run here (no KenLM package in Debian).';

function train(dir, order, memory) {
  const out = path.join(OUT, `lm-train-${order}.arpa`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => path.join(dir, f));
  const args = [
    '-f',
    '%e %M %U %S',
    'node',
    'bin/datamill.js',
    'lm',
    'train',
    '--order',
    String(order),
    '-o',
    out,
  ];
  const r = spawnSync('/usr/bin/time', [...args, '--memory', memory, '--json', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`lm train failed (${r.status}):\n${r.stderr}`);
  const [wall, rssKb, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  const s = JSON.parse(r.stdout);
  const arpaBytes = statSync(out).size;
  rmSync(out, { force: true });
  return {
    memory,
    wall_s: wall,
    // CPU seconds (user + system) move less than wall time when other processes share the cores.
    cpu_s: +(user + sys).toFixed(1),
    peak_rss_mb: Math.round(rssKb / 1024),
    text_mb: +(s.input.bytes / 1e6).toFixed(1),
    mb_per_s: +(s.input.bytes / 1e6 / wall).toFixed(2),
    tokens: s.tokens,
    vocab: s.vocab,
    counts: s.counts,
    spilled_records: s.spilled_records,
    arpa_mb: +(arpaBytes / 1e6).toFixed(1),
  };
}

export function runLmTrain({ bytes }) {
  const size = bytes === '500MB' ? '100MB' : bytes;
  const dir = corpus('lm-train', 'jsonl', size, 2);
  const runs = {};
  for (const [name, order, memory] of [
    ['o3', 3, '1GB'],
    ['o5', 5, '1GB'],
    ['o5_256MB', 5, '256MB'],
  ]) {
    runs[name] = train(dir, order, memory);
    console.log(`lm-train ${name}: ${runs[name].wall_s} s, ${runs[name].peak_rss_mb} MB peak RSS`);
  }
  saveSuite('lm-train', {
    corpus: 'synthetic English web text (bench-corpus, seed 1)',
    corpus_bytes: size,
    runs,
    provisional: NOTE,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) runLmTrain({ bytes: process.argv[2] ?? '100MB' });
