/**
 * `datamill lm train`: an interpolated modified Kneser–Ney model (KenLM lmplz's estimate, no pruning) from
 * text files or a run's output, written as ARPA (gzip when the name ends in .gz) through a temp file.
 */
import os from 'node:os';
import { formatBytes, parseBytes } from '../core/bytes.js';
import { usageError } from '../errors.js';
import { ArpaWriter, formatFloat32 } from '../lm/arpa-write.js';
import { CCNET_DEFAULTS, ccnetNormalize } from '../lm/ccnet-normalize.js';
import { checkInputs, type InputStats, runDataFiles, sentenceLines } from '../lm/train/sentences.js';
import { LmTrainer, type TrainSummary } from '../lm/train/train.js';

export interface LmTrainFlags {
  order: number;
  out: string;
  /** Byte size string ("1GB"); counting table and sort buffers share it. */
  memory: string;
  textField: string;
  fromRun?: string;
  discountFallback: boolean;
  normalize?: boolean;
  tmpDir?: string;
  json?: boolean;
}

export async function lmTrainCommand(files: string[], flags: LmTrainFlags): Promise<void> {
  const t0 = performance.now();
  const warn = (m: string) => process.stderr.write(`datamill: warning: ${m}\n`);
  if (!Number.isInteger(flags.order) || flags.order < 1 || flags.order > 5)
    throw usageError(`lm train: --order must be 1..5, got ${flags.order}`);
  if (!/\.arpa(\.gz)?$/.test(flags.out))
    throw usageError(`lm train: --out must end in .arpa or .arpa.gz, got ${flags.out}`);
  const inputs = [...files, ...(flags.fromRun !== undefined ? await runDataFiles(flags.fromRun) : [])];
  await checkInputs(inputs);
  const memoryBytes = parseBytes(flags.memory);
  const trainer = new LmTrainer({
    order: flags.order,
    memoryBytes,
    tmpDir: flags.tmpDir ?? os.tmpdir(),
    discountFallback: flags.discountFallback,
    warn,
  });
  const stats: InputStats = { files: 0, documents: 0, bytes: 0, missing_text: 0, bad_records: 0 };
  for await (const line of sentenceLines(inputs, { textField: flags.textField, warn }, stats))
    trainer.addLine(flags.normalize === true ? ccnetNormalize(line, CCNET_DEFAULTS) : line);
  if (stats.missing_text > 0)
    warn(`lm train: ${stats.missing_text} records without a string "${flags.textField}" field skipped`);
  const writer = new ArpaWriter(flags.order, flags.tmpDir ?? os.tmpdir(), trainer.vocab.words);
  let summary: TrainSummary;
  try {
    summary = trainer.finish((k, ids, p, b) => writer.entry(k, ids, p, b));
    await writer.finish(flags.out);
  } catch (err) {
    writer.abort();
    throw err;
  }
  const report = {
    out: flags.out,
    order: flags.order,
    input: stats,
    ...summary,
    wall_ms: Math.round(performance.now() - t0),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    memory_budget_bytes: memoryBytes,
  };
  if (flags.json === true) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const lines = [
    `wrote ${flags.out}: order ${flags.order}, ${report.counts.map((c, i) => `${i + 1}-grams ${c}`).join(', ')}`,
    `input: ${stats.files} files, ${stats.documents} documents, ${formatBytes(stats.bytes)}; ${report.sentences} sentences, ${report.tokens} tokens, vocabulary ${report.vocab}`,
    ...report.discounts.map(
      (d, i) =>
        `discounts ${i + 1}-grams: D1=${formatFloat32(d[1])} D2=${formatFloat32(d[2])} D3+=${formatFloat32(d[3])}${report.fallback_orders.includes(i + 1) ? ' (fallback)' : ''}`,
    ),
    `spilled records: ${report.spilled_records}; wall ${(report.wall_ms / 1000).toFixed(1)} s; peak RSS ${report.peak_rss_mb} MB (budget ${formatBytes(memoryBytes)})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
