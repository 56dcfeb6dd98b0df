/**
 * Adapter for hyparquet and hyparquet-compressors: the only module that imports them. Reads the footer, then
 * one row group at a time through byte-range reads, so memory follows the row group, not the file.
 */
import { gunzipSync } from 'node:zlib';
import {
  type Compressors,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from 'hyparquet';
import { compressors as jsCodecs } from 'hyparquet-compressors';
import { inputError } from '../errors.js';
import { bigintsToNumbers, type GroupColumns, groupBatches } from './parquet-batch.js';
import { openRangeFile, type RangeFile } from './parquet-file.js';
import {
  type FooterRowGroup,
  groupBytes,
  leafPaths,
  MAX_COLUMN_CHUNK_BYTES,
  numberColumns,
  rowGroupProblem,
} from './parquet-footer.js';
import { type Chunk, type ColumnSize, planWindows, sliceChunks, subRange } from './parquet-window.js';
import type { ReadOptions, RowBatch, Slice } from './types.js';
import { zstdDecompressSync } from './zstd.js';

/** What the planner needs from a footer: rows per row group, sizes, and the schema for the writer. */
export interface ParquetInfo {
  /** Sum of the row groups' row counts (a footer total that disagrees is ignored). */
  numRows: number;
  rowGroups: { numRows: number; compressedBytes: number }[];
  /** Opaque: hyparquet's SchemaElement[], passed to the writer as `sourceSchema`. */
  schema: unknown;
}

type Codec = (input: Uint8Array, outputLength: number) => Uint8Array;

/** Refuses oversized pages before allocating, and never feeds an empty page body to a codec. */
function guarded(codec: Codec): Codec {
  return (input, outputLength) => {
    if (outputLength > MAX_COLUMN_CHUNK_BYTES) {
      throw new Error(`page decodes to ${outputLength} bytes, over the ${MAX_COLUMN_CHUNK_BYTES} byte limit`);
    }
    // An all-null DataPageV2 can have a zero-byte body; snappy rejects it ("invalid snappy length header").
    if (input.length === 0) return new Uint8Array(0);
    return codec(input, outputLength);
  };
}

function fromJs(codec: Codec | undefined): Codec {
  if (codec === undefined) throw new Error('hyparquet-compressors lacks a codec this adapter expects');
  return guarded(codec);
}

/**
 * Native zstd and zlib: 2.2x and 1.5x the pure-JS decoders here (packages.md section 1d). Snappy stays on
 * hyparquet-compressors' WASM decoder: 200 MB/s of text against 125 MB/s for hyparquet's built-in JS one.
 */
const CODECS: Compressors = {
  SNAPPY: fromJs(jsCodecs.SNAPPY),
  BROTLI: fromJs(jsCodecs.BROTLI),
  LZ4: fromJs(jsCodecs.LZ4),
  LZ4_RAW: fromJs(jsCodecs.LZ4_RAW),
  ZSTD: guarded((input) => zstdDecompressSync(input)),
  // One output chunk of the page's size: no concatenation copy (+15% on GZIP files here).
  GZIP: guarded((input, n) =>
    gunzipSync(input, { maxOutputLength: Math.max(n, 1), chunkSize: Math.max(n, 64) }),
  ),
};

interface ParquetSource {
  file: RangeFile;
  metadata: FileMetaData;
  leaves: Set<string>;
  shard: string;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Opens a file and parses its footer; throws inputError for anything that is not a readable Parquet file. */
async function openParquet(path: string, shard: string): Promise<ParquetSource> {
  const file = await openRangeFile(path, shard);
  try {
    const size = file.byteLength;
    const magic = size >= 12 ? Buffer.from(await file.slice(size - 4, size)).toString('latin1') : '';
    if (magic === 'PARE') {
      throw inputError(shard, 'encrypted Parquet file ("PARE" footer), expected an unencrypted file');
    }
    if (magic !== 'PAR1') {
      throw inputError(shard, `not a Parquet file: expected "PAR1" at the end of the file (${size} bytes)`);
    }
    let metadata: FileMetaData;
    let leaves: Set<string>;
    try {
      metadata = await parquetMetadataAsync(file);
      leaves = leafPaths(parquetSchema(metadata));
    } catch (e) {
      throw inputError(shard, `malformed footer (${message(e)})`, e);
    }
    return { file, metadata, leaves, shard };
  } catch (e) {
    await file.close();
    throw e;
  }
}

function checkGroup(source: ParquetSource, index: number, where: string): void {
  const group = source.metadata.row_groups[index]!;
  const problem = rowGroupProblem(group, source.leaves, source.file.byteLength, MAX_COLUMN_CHUNK_BYTES);
  if (problem !== undefined) throw inputError(where, problem);
}

/** Reads only the footer and checks every row group's entry; rejects what readParquetSlice would refuse. */
export async function parquetInfo(path: string, shard = path): Promise<ParquetInfo> {
  const source = await openParquet(path, shard);
  try {
    const groups = source.metadata.row_groups;
    for (let i = 0; i < groups.length; i++) checkGroup(source, i, `${shard} row group ${i}`);
    const rowGroups = groups.map((g) => ({
      numRows: Number(g.num_rows),
      compressedBytes: groupBytes(g, 'compressed'),
    }));
    const numRows = rowGroups.reduce((n, g) => n + g.numRows, 0);
    return { numRows, rowGroups, schema: source.metadata.schema };
  } finally {
    await source.file.close();
  }
}

/**
 * A default TextDecoder drops a leading U+FEFF from every value it decodes, silently changing texts that
 * start with a BOM; values are read exactly as stored.
 */
const exactUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const PARSERS = {
  stringFromBytes: (bytes: Uint8Array | undefined) => bytes && exactUtf8.decode(bytes),
};

/**
 * Decodes rows [start, start + rows) of `columns` (top-level names) into a map of value arrays. The rows lie
 * inside one row group; hyparquet hands over whole pages, which are trimmed to the range.
 */
async function readColumns(
  source: ParquetSource,
  columns: string[],
  start: number,
  rows: number,
  where: string,
) {
  const chunks = new Map<string, Chunk[]>();
  try {
    await parquetRead({
      file: source.file,
      metadata: source.metadata,
      columns,
      rowStart: start,
      rowEnd: start + rows,
      compressors: CODECS,
      parsers: PARSERS,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const list = chunks.get(columnName);
        const chunk = { data: columnData, rowStart };
        if (list === undefined) chunks.set(columnName, [chunk]);
        else list.push(chunk);
      },
    });
  } catch (e) {
    throw inputError(where, `corrupt page (${message(e)})`, e);
  }
  const out = new Map<string, ArrayLike<unknown>>();
  for (const name of columns) {
    const values = sliceChunks(chunks.get(name) ?? [], start, rows);
    if (values === undefined) {
      throw inputError(
        where,
        `column ${name} lacks values for rows ${start}..${start + rows}, expected ${rows}`,
      );
    }
    out.set(name, values);
  }
  return out;
}

/** Sizes of the top-level columns of a row group, for planWindows. */
function columnSizes(source: ParquetSource, group: FooterRowGroup): ColumnSize[] {
  const bytes = new Map<string, number>();
  for (const c of group.columns) {
    const name = c.meta_data?.path_in_schema[0];
    if (name !== undefined)
      bytes.set(name, (bytes.get(name) ?? 0) + Number(c.meta_data?.total_uncompressed_size ?? 0));
  }
  return parquetSchema(source.metadata).children.map((node) => ({
    name: node.element.name,
    bytes: bytes.get(node.element.name) ?? 0,
    flat: node.children.length === 0 && node.element.repetition_type !== 'REPEATED',
  }));
}

/**
 * Yields one row group as row batches, reading its large flat columns window by window (parquet-window.ts)
 * and the rest once. `first` is the file row index of the group's first row.
 */
async function* groupRows(source: ParquetSource, g: number, first: number, opts: ReadOptions) {
  const group = source.metadata.row_groups[g]!;
  const where = `${source.shard} row group ${g}`;
  const rows = Number(group.num_rows);
  if (rows === 0) return;
  const total = groupBytes(group, 'uncompressed');
  const plan = planWindows(columnSizes(source, group), rows);
  const whole = plan.whole.length > 0 ? await readColumns(source, plan.whole, first, rows, where) : new Map();
  const numbers = numberColumns(source.metadata.key_value_metadata);
  const schema = parquetSchema(source.metadata).children;
  for (let at = 0; at < rows; at += plan.step) {
    const n = Math.min(plan.step, rows - at);
    const windowed =
      plan.windowed.length > 0 ? await readColumns(source, plan.windowed, first + at, n, where) : undefined;
    const columns: GroupColumns = { names: [], values: [] };
    for (const node of schema) {
      const name = node.element.name;
      const values = windowed?.get(name) ?? subRange(whole.get(name)!, at, n);
      columns.names.push(name);
      columns.values.push(
        numbers.has(name) && node.children.length === 0 ? bigintsToNumbers(values) : values,
      );
    }
    // The group's bytes shared among windows in proportion to rows: they sum to exactly `total`.
    const bytes = Math.round((total * (at + n)) / rows) - Math.round((total * at) / rows);
    yield* groupBatches(columns, first + at, n, opts.batchBytes, bytes);
  }
}

/**
 * Streams row groups [slice.start, slice.end) as batches of about `opts.batchBytes` decoded text, in file
 * order. Rows hold every top-level column (nested ones as JS objects and arrays); `pos` is the row's index in
 * the file; `bytes` is the row group's uncompressed size shared among its batches.
 */
export async function* readParquetSlice(slice: Slice, opts: ReadOptions): AsyncGenerator<RowBatch> {
  const source = await openParquet(slice.path, slice.shard);
  try {
    const groups = source.metadata.row_groups;
    if (!(slice.start >= 0 && slice.start <= slice.end && slice.end <= groups.length)) {
      throw new Error(
        `${slice.shard}: row groups ${slice.start}..${slice.end} requested, the file has ${groups.length}`,
      );
    }
    let first = 0;
    for (let g = 0; g < slice.start; g++) first += Number(groups[g]!.num_rows);
    if (slice.start === 0) warnRowCount(source.metadata, slice.shard, opts);
    for (let g = slice.start; g < slice.end; g++) {
      checkGroup(source, g, `${slice.shard} row group ${g}`);
      yield* groupRows(source, g, first, opts);
      first += Number(groups[g]!.num_rows);
    }
  } finally {
    await source.file.close();
  }
}

function warnRowCount(metadata: FileMetaData, shard: string, opts: ReadOptions): void {
  const sum = metadata.row_groups.reduce((n, g) => n + g.num_rows, 0n);
  if (sum !== metadata.num_rows) {
    opts.warn(
      `${shard}: footer says ${metadata.num_rows} rows, its row groups hold ${sum}; reading the row groups`,
    );
  }
}
