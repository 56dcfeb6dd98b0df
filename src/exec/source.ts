import type { Doc } from '../core/doc.js';
import { badRecordError } from '../errors.js';
import { lineNumberAt, readJsonlSlice } from '../io/jsonl-read.js';
import { readParquetSlice } from '../io/parquet-read.js';
import type { BadRecord, ReadOptions, RowBatch, Slice } from '../io/types.js';
import { type DocSpec, toDocs } from './to-docs.js';

export interface SourceBatch {
  docs: Doc[];
  bad: BadRecord[];
  /** Records read (documents + bad records) and bytes consumed, for accounting and progress. */
  records: number;
  bytes: number;
}

async function* readSlice(slice: Slice, opts: ReadOptions): AsyncGenerator<RowBatch> {
  if (slice.format === 'parquet') yield* readParquetSlice(slice, opts);
  else if (slice.format === 'arrow') {
    // Loaded on demand: apache-arrow costs ~0.1 s per thread, and most runs have no Arrow input.
    const { readArrowSlice } = await import('../io/arrow-read.js');
    yield* readArrowSlice(slice, opts);
  } else yield* readJsonlSlice(slice, opts);
}

/**
 * Documents of one input slice. A bad record fails the task with its location unless the recipe says
 * `on_bad_record: quarantine`, in which case it is handed on to be quarantined and counted.
 */
export async function* readInputDocs(
  slice: Slice,
  spec: DocSpec,
  opts: ReadOptions,
  quarantine: boolean,
  keepRaw = true,
): AsyncGenerator<SourceBatch> {
  for await (const batch of readSlice(slice, { ...opts, keepRaw })) {
    // Lines kept only for verbatim output: otherwise dropped before the stages run, so they die young.
    if (!keepRaw) batch.raw = undefined;
    const bad = [...batch.bad];
    const docs = toDocs(batch, slice, spec, bad);
    if (bad.length > 0 && !quarantine) {
      const first = bad[0]!;
      const where = await lineOf(slice, first.where);
      const more = bad.length > 1 ? ` (and ${bad.length - 1} more in this batch)` : '';
      throw badRecordError(
        where,
        `${first.message}${more}; set runtime.on_bad_record: quarantine to set bad records aside and continue`,
      );
    }
    yield { docs, bad, records: batch.rows.length + batch.bad.length, bytes: batch.bytes };
  }
}

/** `file@offset` → `file:line` for uncompressed JSONL (counting newlines is cheap on this rare path). */
async function lineOf(slice: Slice, where: string): Promise<string> {
  const at = where.lastIndexOf('@');
  if (slice.format !== 'jsonl' || at < 0) return where;
  const offset = Number(where.slice(at + 1));
  if (slice.compression !== 'none') return `${slice.shard}: record at decompressed byte ${offset}`;
  return `${slice.shard}:${await lineNumberAt(slice.path, offset)}`;
}
