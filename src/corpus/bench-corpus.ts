/**
 * CLI: writes a large synthetic English web corpus for throughput benchmarks.
 * `node dist/corpus/bench-corpus.js --out DIR --bytes 500MB --format jsonl|jsonl.gz|parquet
 *  [--doc-bytes 2000] [--seed 1] [--files N]`
 */
import { formatBytes, parseBytes } from '../core/bytes.js';
import { usageError } from '../errors.js';
import { BENCH_FORMATS, type BenchFormat, writeBenchCorpus } from './bench-write.js';
import { intFlag, MAX_SEED, parseFlags, runScript } from './cli.js';

const HELP = `usage: node dist/corpus/bench-corpus.js --out DIR --bytes SIZE --format FORMAT [options]

Writes about SIZE of English web-page text (~2 KB documents; fields id, text, url, domain, date, meta) as
DIR/part-00000.<format>, part-00001... Documents depend only on the seed and their index.

  --out DIR          output directory (created if missing)
  --bytes SIZE       total document text, e.g. 500MB, 2GiB (UTF-8 bytes of the text fields)
  --format FORMAT    jsonl, jsonl.gz or parquet (zstd)
  --doc-bytes N      mean document text size in bytes (default: 2000)
  --seed N           generator seed, 0 to 4294967295 (default: 1)
  --files N          number of files (default: one per 64 MB of text, at least 1)
`;

/** One file per 64 MB of text by default: enough files for every core of a benchmark machine. */
const DEFAULT_FILE_BYTES = 64_000_000;

await runScript('bench-corpus', async () => {
  const flags = parseFlags('bench-corpus', process.argv.slice(2), {
    out: { type: 'string' },
    bytes: { type: 'string' },
    format: { type: 'string' },
    'doc-bytes': { type: 'string' },
    seed: { type: 'string' },
    files: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flags.help) {
    process.stdout.write(HELP);
    return;
  }
  if (flags.out === undefined) throw usageError('bench-corpus: --out DIR is required (see --help)');
  if (flags.bytes === undefined)
    throw usageError('bench-corpus: --bytes SIZE is required, e.g. --bytes 500MB');
  const format = (flags.format ?? '') as BenchFormat;
  if (!BENCH_FORMATS.includes(format)) {
    throw usageError(
      `bench-corpus: --format: expected one of ${BENCH_FORMATS.join(', ')}, got "${flags.format ?? ''}"`,
    );
  }
  const bytes = parseBytes(flags.bytes);
  const files = intFlag('--files', flags.files, Math.max(1, Math.ceil(bytes / DEFAULT_FILE_BYTES)), 1);
  const options = {
    out: flags.out,
    bytes,
    format,
    docBytes: intFlag('--doc-bytes', flags['doc-bytes'], 2000, 100),
    seed: intFlag('--seed', flags.seed, 1, 0, MAX_SEED),
    files,
  };
  const r = await writeBenchCorpus(options, (f) => process.stderr.write(`bench-corpus: wrote ${f}\n`));
  const mbps = (ms: number) => (r.textBytes / 1e6 / (ms / 1000)).toFixed(0);
  process.stderr.write(
    `bench-corpus: ${r.docs} documents, ${formatBytes(r.textBytes)} of text in ${r.files.length} files; ` +
      `generator ${mbps(r.generateMs)} MB/s (after ${Math.round(r.setupMs)} ms of set-up), ` +
      `end to end ${mbps(r.wallMs)} MB/s (${Math.round(r.wallMs)} ms)\n`,
  );
});
