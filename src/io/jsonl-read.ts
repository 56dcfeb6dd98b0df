/** Reading one slice of a JSONL file (plain, gzip or zstd) as batches of parsed rows. */
import { createScan, finishScan, type ScannedBatch, type ScanState, scanChunk } from './jsonl-scan.js';
import { readChunks } from './line-source.js';
import type { ReadOptions, RowBatch, Slice } from './types.js';

/**
 * Yields batches of parsed rows. Uncompressed: bytes [slice.start, slice.end), where a line belongs to the
 * slice containing its first byte (a slice starting inside a line skips to the next line; the last line may
 * run past slice.end). Compressed (gzip/zstd): the whole file (slice is 0..size). pos[i] = byte offset of the
 * line's first byte in the decompressed stream. Bad lines come back in `bad` (where = `shard:line`), never
 * thrown; a broken stream throws inputError.
 */
export async function* readJsonlSlice(slice: Slice, opts: ReadOptions): AsyncGenerator<RowBatch> {
  const compressed = slice.compression !== 'none';
  if (compressed && slice.start !== 0) {
    throw new Error(
      `readJsonlSlice: ${slice.shard} is ${slice.compression}; expected one slice from 0, got ${slice.start}`,
    );
  }
  // Reading from the byte before `start` tells whether `start` begins a line (that byte is a newline).
  const skipFirst = slice.start > 0;
  const readFrom = skipFirst ? slice.start - 1 : 0;
  const st = createScan(
    opts.batchBytes,
    compressed ? Number.POSITIVE_INFINITY : slice.end,
    readFrom,
    skipFirst,
    opts.keepRaw ?? true,
  );
  if (st.done) return;
  const label = lineLabeler(slice, st);
  for await (const chunk of readChunks(slice.path, slice.shard, slice.compression, readFrom)) {
    scanChunk(st, chunk);
    yield* drain(st, label);
    if (st.done) break;
  }
  finishScan(st);
  yield* drain(st, label);
}

/** The 1-based line number of a byte offset in an uncompressed file (counts newlines before it). */
export async function lineNumberAt(path: string, offset: number): Promise<number> {
  let line = 1;
  if (offset <= 0) return line;
  let seen = 0;
  for await (const chunk of readChunks(path, path, 'none')) {
    const n = Math.min(chunk.length, offset - seen);
    let nl = chunk.indexOf(10);
    while (nl !== -1 && nl < n) {
      line++;
      nl = chunk.indexOf(10, nl + 1);
    }
    seen += n;
    if (seen >= offset) break;
  }
  return line;
}

type Labeler = (scanned: ScannedBatch) => Promise<void>;

async function* drain(st: ScanState, label: Labeler): AsyncGenerator<RowBatch> {
  while (st.ready.length > 0) {
    const scanned = st.ready.shift()!;
    if (scanned.badLines.length > 0) await label(scanned);
    yield scanned.batch;
  }
}

/**
 * Fills `where` of bad records. A slice from byte 0 knows its line numbers; a later slice finds its first
 * line's number once, by counting newlines from the file start, and only when it meets a bad record.
 */
function lineLabeler(slice: Slice, st: ScanState): Labeler {
  let firstLine = slice.start === 0 ? 1 : undefined;
  return async (scanned) => {
    firstLine ??= await lineNumberAt(slice.path, st.firstLineStart);
    const { bad } = scanned.batch;
    for (let i = 0; i < bad.length; i++) bad[i]!.where = `${slice.shard}:${firstLine + scanned.badLines[i]!}`;
  };
}
