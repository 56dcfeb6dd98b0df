/**
 * Byte ranges of a local file, for the Parquet reader: one open handle, one positioned read per range, so a
 * row group is read without the rest of the file and without stream chunks to concatenate.
 */
import { open } from 'node:fs/promises';
import { DatamillError, inputError } from '../errors.js';

/** The shape hyparquet calls an AsyncBuffer: a length and ranges read on demand. */
export interface RangeFile {
  byteLength: number;
  /** Bytes [start, end) in a fresh ArrayBuffer; inputError when the file ends before `end`. */
  slice(start: number, end?: number): Promise<ArrayBuffer>;
  close(): Promise<void>;
}

/** Opens `path` for range reads; a missing file is DatamillError 'input_missing' naming `shard`. */
export async function openRangeFile(path: string, shard: string): Promise<RangeFile> {
  const handle = await open(path, 'r').catch((e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DatamillError('input_missing', `${shard}: file not found`, { cause: e });
    throw e;
  });
  const size = await handle.stat().then(
    (s) => s.size,
    async (e: unknown) => {
      await handle.close();
      throw e;
    },
  );
  return {
    byteLength: size,
    async slice(start: number, end = size) {
      const out = new Uint8Array(Math.max(0, end - start));
      let done = 0;
      while (done < out.length) {
        const { bytesRead } = await handle.read(out, done, out.length - done, start + done);
        if (bytesRead === 0) throw inputError(shard, `truncated file: bytes ${start}..${end} past its end`);
        done += bytesRead;
      }
      return out.buffer;
    },
    close: () => handle.close(),
  };
}
