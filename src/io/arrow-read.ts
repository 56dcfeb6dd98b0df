/**
 * Adapter for apache-arrow, the only module that imports it: Arrow IPC files and streams (the Hugging Face
 * `datasets` cache is the stream format) read as plain JS rows.
 */
import { open } from 'node:fs/promises';
import {
  CompressionType,
  compressionRegistry,
  type DataType,
  type RecordBatch,
  RecordBatchReader,
  Type,
  type Vector,
} from 'apache-arrow';
import { inputError } from '../errors.js';
import { readFailure } from './line-source.js';
import type { ReadOptions, RowBatch, Slice } from './types.js';
import { zstdDecompressSync } from './zstd.js';

/** Record batches and rows of an Arrow IPC file (reads the whole file once; batches are the slice unit). */
export async function arrowInfo(path: string, shard = path): Promise<{ numRows: number; batches: number }> {
  let numRows = 0;
  let batches = 0;
  for await (const batch of recordBatches(path, shard)) {
    numRows += batch.numRows;
    batches++;
  }
  return { numRows, batches };
}

/**
 * Rows of record batches [slice.start, slice.end) as plain objects (structs → objects, lists → arrays,
 * maps → objects, timestamps and dates → Date, Int64 → bigint), in order; pos = absolute row index. A large
 * record batch is split into RowBatches of about opts.batchBytes.
 */
export async function* readArrowSlice(slice: Slice, opts: ReadOptions): AsyncGenerator<RowBatch> {
  if (slice.start >= slice.end) return;
  let index = 0;
  let firstRow = 0;
  for await (const batch of recordBatches(slice.path, slice.shard)) {
    if (index >= slice.start) yield* splitBatch(batch, firstRow, opts.batchBytes);
    firstRow += batch.numRows;
    index++;
    if (index >= slice.end) break;
  }
}

function* splitBatch(batch: RecordBatch, firstRow: number, batchBytes: number): Generator<RowBatch> {
  const bytesPerRow = batch.numRows === 0 ? 0 : batch.data.byteLength / batch.numRows;
  const step = Math.max(1, Math.floor(batchBytes / Math.max(1, bytesPerRow)));
  const getters = batch.schema.fields.map((f, j) => columnGetter(batch.getChildAt(j)!, f.type));
  const names = batch.schema.fields.map((f) => f.name);
  for (let from = 0; from < batch.numRows; from += step) {
    const to = Math.min(batch.numRows, from + step);
    const rows: Record<string, unknown>[] = [];
    const pos: number[] = [];
    for (let i = from; i < to; i++) {
      const row: Record<string, unknown> = {};
      for (let j = 0; j < names.length; j++) row[names[j]!] = getters[j]!(i);
      rows.push(row);
      pos.push(firstRow + i);
    }
    yield { rows, pos, bad: [], bytes: Math.round((to - from) * bytesPerRow) };
  }
}

async function* recordBatches(path: string, shard: string): AsyncGenerator<RecordBatch> {
  // pyarrow may compress IPC buffers with zstd (`compression='zstd'`); LZ4 frames remain unsupported.
  compressionRegistry.set(CompressionType.ZSTD, { decode: zstdDecompressSync });
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw readFailure(shard, 'none', 0, err);
  });
  try {
    const reader = await RecordBatchReader.from(handle);
    for await (const batch of reader) yield batch;
  } catch (err) {
    throw inputError(
      shard,
      `invalid Arrow IPC data (${(err as Error).message}), expected an Arrow IPC file or stream`,
      err,
    );
  } finally {
    await handle.close().catch(() => {});
  }
}

type Getter = (i: number) => unknown;

/** Per-column accessor; UTF-8 columns decode straight from the value buffer (Buffer#toString beats TextDecoder). */
function columnGetter(vector: Vector, type: DataType): Getter {
  const data = vector.data[0];
  if (data !== undefined && (type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8)) {
    const values = data.values as Uint8Array;
    const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    const offsets = data.valueOffsets as ArrayLike<number | bigint>;
    const hasNulls = data.nullCount > 0;
    return (i) => {
      if (hasNulls && !data.getValid(i)) return null;
      return bytes.toString('utf8', Number(offsets[i]), Number(offsets[i + 1]));
    };
  }
  return (i) => toPlain(vector.get(i), type);
}

/** An Arrow value as plain JS: nested vectors, struct rows and map rows become arrays and objects. */
function toPlain(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const list = value as Vector;
      const child = type.children[0]!.type;
      const out = new Array<unknown>(list.length);
      for (let k = 0; k < list.length; k++) out[k] = toPlain(list.get(k), child);
      return out;
    }
    case Type.Struct: {
      const row = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of type.children) out[f.name] = toPlain(row[f.name], f.type);
      return out;
    }
    case Type.Map: {
      const valueType = type.children[0]!.type.children[1]!.type;
      const out: Record<string, unknown> = {};
      for (const [k, v] of value as Iterable<[unknown, unknown]>) out[String(k)] = toPlain(v, valueType);
      return out;
    }
    case Type.Dictionary:
      return toPlain(value, (type as DataType & { dictionary: DataType }).dictionary);
    case Type.Timestamp:
    case Type.Date:
      return new Date(value as number);
    default:
      return value;
  }
}
