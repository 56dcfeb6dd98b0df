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
    `| input → output | 1 worker | 2 workers | 2 vs 1 | peak RSS (1 / 2 workers) |`,
    '|---|---|---|---|---|',
  ];
  for (const [name, c] of Object.entries(io.cases)) {
    rows.push(
      `| ${LABELS[name] ?? name} | ${c.w1.mb_per_s} MB/s, ${c.w1.docs_per_s.toLocaleString('en-US')} docs/s | ${c.w2.mb_per_s} MB/s, ${c.w2.docs_per_s.toLocaleString('en-US')} docs/s | ${c.speedup_2_over_1}× | ${c.w1.peak_rss_mb} / ${c.w2.peak_rss_mb} MB |`,
    );
  }
  rows.push(
    '',
    `Corpus: ${io.corpus_bytes} of text; measured ${io.date.slice(0, 10)} at commit ${io.commit}.`,
  );
  return rows.join('\n');
}

const tables = { io: ioTable };
for (const [suite, render] of Object.entries(tables)) {
  if (!results.suites[suite]) continue;
  const re = new RegExp(`(<!-- bench:${suite} -->\\n)[\\s\\S]*?(\\n<!-- /bench:${suite} -->)`);
  readme = readme.replace(re, `$1${render(results.suites[suite])}$2`);
}
writeFileSync(readmePath, readme);
console.log('README.md benchmark tables updated from bench/results.json');
