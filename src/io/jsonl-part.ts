/** One output part file: a temp file in the final directory, optionally compressed, renamed when closed. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Transform, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { commitTemp, removeQuietly, tempPathFor } from './atomic.js';
import { GzipBlocks } from './gzip-blocks.js';
import type { Compression } from './types.js';
import { zstdCompressStream } from './zstd.js';

/** gzip -6 is gzip's own default: the usual size/speed balance, and what `gzip` users expect. */
const GZIP_LEVEL = 6;
/**
 * Bytes a part may hold in flight before a write waits: with the stream default (16 kB) every batch of
 * megabytes waited for its write to reach the file, and the worker sat idle meanwhile; with room for a
 * batch, encoding the next batch overlaps the write of this one.
 */
const WRITE_BUFFER_BYTES = 16 * 1024 * 1024;
/** zstd's default level (see zstd.ts for the measured speed). */
const ZSTD_LEVEL = 3;

export interface OpenPart {
  finalPath: string;
  tempPath: string;
  /** Where bytes go: the compressor, or the file itself. */
  sink: Writable;
  /** Settles when every byte has reached the file (or the first failure). */
  flushed: Promise<void>;
  /** Uncompressed bytes written so far, for rotation. */
  bytes: number;
}

export const EXTENSIONS: Record<Compression, string> = {
  none: '.jsonl',
  gzip: '.jsonl.gz',
  zstd: '.jsonl.zst',
};

/** Opens `finalPath`'s temp file. The gzip header carries mtime 0, so equal input gives equal bytes. */
export function openPart(finalPath: string, compression: Compression): OpenPart {
  const tempPath = tempPathFor(finalPath);
  const file = createWriteStream(tempPath, { highWaterMark: WRITE_BUFFER_BYTES });
  let sink: Writable = file;
  let flushed: Promise<void>;
  if (compression === 'none') {
    flushed = finished(file);
  } else {
    const compressor: Transform =
      compression === 'gzip' ? new GzipBlocks(GZIP_LEVEL) : zstdCompressStream(ZSTD_LEVEL);
    sink = compressor;
    flushed = pipeline(compressor, file);
  }
  // Failures are reported by the next write or by close; this only stops an unhandled rejection meanwhile.
  flushed.catch(() => {});
  return { finalPath, tempPath, sink, flushed, bytes: 0 };
}

/**
 * Writes one chunk, waiting for the stream to drain when it asks to (backpressure). `written` is called
 * once the stream no longer needs the chunk's bytes (so its buffer may be reused).
 */
export async function writeToPart(part: OpenPart, chunk: Uint8Array, written?: () => void): Promise<void> {
  part.bytes += chunk.length;
  if (!part.sink.write(chunk, written)) {
    await Promise.race([once(part.sink, 'drain'), part.flushed]);
  }
}

/** Ends the stream, waits for the bytes to land and renames the temp file into place. */
export async function closePart(part: OpenPart): Promise<void> {
  part.sink.end();
  await part.flushed;
  await commitTemp(part.tempPath, part.finalPath);
}

/** Stops writing and removes the temp file; never throws, since it runs while handling another failure. */
export async function abortPart(part: OpenPart): Promise<void> {
  part.sink.destroy();
  await part.flushed.catch(() => {});
  await removeQuietly(part.tempPath);
}
