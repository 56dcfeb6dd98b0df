import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readJsonlSlice } from './jsonl-read.js';
import { parquetInfo, readParquetSlice } from './parquet-read.js';
import { sniffFile } from './sniff.js';
import type { RowBatch, Slice } from './types.js';

/** The whole of one file as a slice, its format sniffed from its bytes. */
export async function wholeFileSlice(file: string, warn: (m: string) => void): Promise<Slice> {
  const sniffed = await sniffFile(file);
  if (sniffed.warning) warn(sniffed.warning);
  const shard = path.relative(process.cwd(), file) || file;
  const base = { path: file, shard, format: sniffed.format, compression: sniffed.compression, start: 0 };
  if (sniffed.format === 'parquet')
    return { ...base, end: (await parquetInfo(file, shard)).rowGroups.length };
  if (sniffed.format === 'arrow') {
    const { arrowInfo } = await import('../io/arrow-read.js');
    return { ...base, end: (await arrowInfo(file, shard)).batches };
  }
  return { ...base, end: (await stat(file)).size };
}

/** Row batches of a whole file, whatever its format. */
export async function* fileRows(file: string, warn: (m: string) => void): AsyncGenerator<RowBatch> {
  const slice = await wholeFileSlice(file, warn);
  const opts = { batchBytes: 1 << 20, warn };
  if (slice.format === 'parquet') yield* readParquetSlice(slice, opts);
  else if (slice.format === 'arrow') yield* (await import('../io/arrow-read.js')).readArrowSlice(slice, opts);
  else yield* readJsonlSlice(slice, opts);
}
