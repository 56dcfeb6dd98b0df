/**
 * CLI: regenerates sample-data/ (documents, planted.json, README.md) from a seed.
 * `node dist/corpus/sample-data.js [--out sample-data] [--seed 1]`
 */
import { intFlag, MAX_SEED, parseFlags, runScript } from './cli.js';
import { writeSampleData } from './write-sample.js';

const HELP = `usage: node dist/corpus/sample-data.js [--out DIR] [--seed N]

Writes the synthetic sample corpus: DIR/web/*.jsonl.gz, DIR/forum/*.jsonl.gz, DIR/wiki/*.parquet,
DIR/planted.json and DIR/README.md. The domain folders are replaced. Same seed, same files.

  --out DIR   output directory (default: sample-data)
  --seed N    generator seed, 0 to 4294967295 (default: 1)
`;

await runScript('sample-data', async () => {
  const flags = parseFlags('sample-data', process.argv.slice(2), {
    out: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (flags.help) {
    process.stdout.write(HELP);
    return;
  }
  const out = flags.out ?? 'sample-data';
  const seed = intFlag('--seed', flags.seed, 1, 0, MAX_SEED);
  const started = performance.now();
  const { planted, written } = await writeSampleData(out, seed);
  const c = planted.counts;
  process.stderr.write(
    `sample-data: wrote ${written.length} files to ${out} in ${Math.round(performance.now() - started)} ms: ` +
      `${c.docs} documents, ${c.exact_duplicate_groups} exact-duplicate groups, ${c.near_duplicate_groups} ` +
      `near-duplicate groups, ${c.short} short, ${c.junk} junk, ${c.boilerplate} boilerplate, ` +
      `${c.non_english} non-English, ${c.normalize} normalize\n`,
  );
});
