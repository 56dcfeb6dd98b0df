/**
 * Adapter for hyparquet-writer: the only module that imports it. Rows are buffered into one row group at a
 * time (about `rowGroupBytes`), written to `<prefix>-NNNN.parquet` under a temp name, and renamed on close.
 * Every decision (row group cut, part rotation, schema) depends only on the rows, so output is reproducible.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileWriter, ParquetWriter, type SchemaElement as WriterElement } from 'hyparquet-writer';
import { commitTemp, removeQuietly, tempPathFor } from './atomic.js';
import { NUMBER_COLUMNS_KEY } from './parquet-footer.js';
import { addRow, columnValues, emptyGroup, fitsPlan, type GroupBuffer, seenKinds } from './parquet-group.js';
import { type ColumnPlan, inferPlan, type SchemaElement } from './parquet-schema.js';
import { planFromSource, sourceColumns } from './parquet-source-schema.js';
import type { Compression, PartWriter, WriterOptions } from './types.js';
import { zstdCompressSync } from './zstd.js';

/**
 * Default estimated bytes per row group. Memory, not compression, sets it: a worker holds the group's rows
 * and their encoded bytes while it is written, and 2 workers converting the bench's 2 GB of Parquet peaked at
 * 554–561 MB RSS with 16 MB groups, 459–463 MB with 4 MB, for 0.7% larger output at the same speed
 * (`npm run bench -- --suite io`). DataTrove's ParquetWriter writes 1,000 documents per group (~3–4 MB of web
 * text).
 */
export const ROW_GROUP_BYTES = 4 * 1024 * 1024;

const CODEC = { none: 'UNCOMPRESSED', gzip: 'GZIP', zstd: 'ZSTD' } as const;

const COMPRESSORS = {
  ZSTD: (input: Uint8Array) => zstdCompressSync(input),
  GZIP: (input: Uint8Array) => gzipSync(input),
};

interface OpenPart {
  final: string;
  temp: string;
  writer: ParquetWriter;
  plan: ColumnPlan[];
  /** Estimated uncompressed bytes received so far. */
  bytes: number;
}

/** The part's schema: the root, then each column's subtree; INT64 columns written from numbers are listed. */
function partSchema(plan: ColumnPlan[]): { schema: SchemaElement[]; numbers: string[] } {
  const schema: SchemaElement[] = [{ name: 'root', num_children: plan.length }];
  for (const column of plan) schema.push(...column.elements);
  const numbers = plan.filter((c) => c.prepare === 'bigint').map((c) => c.name);
  return { schema, numbers };
}

/**
 * Writes rows into rotated parts `<dir>/<prefix>-0000.parquet`, `-0001`, ...; a part rotates once it has
 * received about `targetPartBytes`, or early when a row group brings a new column or a value its schema
 * cannot hold. Columns named by `sourceSchema` keep their source elements; the others are inferred. INT64
 * columns written from JS numbers are listed under NUMBER_COLUMNS_KEY, so the reader gives numbers back,
 * not bigints. Writes no file when no row is written. Peak memory: one row group.
 */
export function createParquetWriter(opts: WriterOptions): PartWriter {
  if (opts.format !== 'parquet')
    throw new Error(`createParquetWriter: expected format parquet, got ${opts.format}`);
  const source = sourceColumns(opts.sourceSchema);
  const groupBytes = opts.rowGroupBytes ?? ROW_GROUP_BYTES;
  const codec = CODEC[opts.compression satisfies Compression];
  const parts: string[] = [];
  let group: GroupBuffer = emptyGroup();
  let part: OpenPart | undefined;

  function planFor(seen: Map<string, number>): ColumnPlan[] {
    return [...seen].map(([name, kinds]) => {
      const subtree = source.get(name);
      return (subtree && planFromSource(subtree, kinds)) ?? inferPlan(name, kinds);
    });
  }

  function openPart(plan: ColumnPlan[]): OpenPart {
    const final = path.join(opts.dir, `${opts.prefix}-${String(parts.length).padStart(4, '0')}.parquet`);
    const temp = tempPathFor(final);
    const { schema, numbers } = partSchema(plan);
    const kvMetadata = numbers.length
      ? [{ key: NUMBER_COLUMNS_KEY, value: JSON.stringify(numbers) }]
      : undefined;
    const writer = new ParquetWriter({
      writer: fileWriter(temp),
      schema: schema as WriterElement[],
      codec,
      compressors: COMPRESSORS,
      createdBy: 'datamill',
      kvMetadata,
    });
    return { final, temp, writer, plan, bytes: 0 };
  }

  async function closePart(): Promise<void> {
    if (part === undefined) return;
    const { writer, temp, final } = part;
    await writer.finish();
    await commitTemp(temp, final);
    // Cleared only once renamed, so abort() still finds the temp file if finishing failed.
    part = undefined;
    parts.push(final);
  }

  async function flushGroup(): Promise<void> {
    const rows = group.rows;
    if (rows.length === 0) return;
    const seen = seenKinds(group);
    if (part !== undefined && !fitsPlan(part.plan, seen)) await closePart();
    part ??= openPart(planFor(seen));
    const current = part;
    const columnData = current.plan.map((c) => ({ name: c.name, data: columnValues(rows, c) }));
    try {
      await current.writer.write({ columnData, rowGroupSize: rows.length });
    } catch (e) {
      // A value the plan let through but the encoder refused (e.g. 2^40 into an INT32 source column): a bug.
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`${current.final}: cannot write a row group of ${rows.length} rows (${why})`, {
        cause: e,
      });
    }
    current.bytes += group.bytes;
    group = emptyGroup();
    if (current.bytes >= opts.targetPartBytes) await closePart();
  }

  return {
    async write(rows) {
      for (const row of rows) {
        addRow(group, row);
        const partBytes = part?.bytes ?? 0;
        if (group.bytes >= groupBytes || partBytes + group.bytes >= opts.targetPartBytes) await flushGroup();
      }
    },
    async close() {
      await flushGroup();
      await closePart();
      return [...parts];
    },
    async abort() {
      group = emptyGroup();
      const open = part;
      part = undefined;
      if (open !== undefined) await removeQuietly(open.temp);
    },
  };
}
