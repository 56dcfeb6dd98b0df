/**
 * A gzip compressor that runs on the calling thread, in fixed-size blocks, as pigz does: each BLOCK bytes of
 * input are raw-deflated with the previous block's last 32 KiB as preset dictionary and end with a sync
 * flush, so the blocks concatenate into one ordinary gzip member (RFC 1952) that any gunzip reads, at
 * gzip's compression ratio.
 *
 * Why not `zlib.createGzip`: its stream deflates 16 KiB at a time on libuv's thread pool, and each piece
 * needs a turn of the worker's event loop, which the worker rarely gives while it parses the next batch.
 * With 2 workers the compressors stalled, and the JSONL.gz benchmark kept only 1.65 of 2 cores busy
 * (1.57x one core). Here the worker's own thread compresses, so a worker is one busy core.
 *
 * Output depends only on the bytes written (blocks are cut at fixed offsets, not at write boundaries), so
 * it is identical however the writes were batched, and for any worker count.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Uncompressed bytes per block: big enough that per-block set-up (~0.1 ms) is lost in ~30 ms of deflate. */
export const BLOCK = 1 << 20;
/** deflate's window: the most a block can refer back into the one before. */
const WINDOW = 32 * 1024;
/** ID1 ID2, CM = deflate, no flags, MTIME 0 (reproducible), XFL 0, OS 3 (Unix), as zlib writes at level 6. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

export class GzipBlocks extends Transform {
  private readonly block = Buffer.allocUnsafe(BLOCK);
  private filled = 0;
  private dictionary: Buffer | undefined;
  private crc = 0;
  private size = 0;
  private started = false;

  constructor(private readonly level: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      let at = 0;
      while (at < chunk.length) {
        const n = Math.min(chunk.length - at, BLOCK - this.filled);
        chunk.copy(this.block, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === BLOCK) this.deflate(false);
      }
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.deflate(true);
      const trailer = Buffer.allocUnsafe(8);
      trailer.writeUInt32LE(this.crc >>> 0, 0);
      trailer.writeUInt32LE(this.size >>> 0, 4); // ISIZE: the input size modulo 2^32
      this.push(trailer);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  /** Compresses the filled part of the block (the last one ends the deflate stream). */
  private deflate(last: boolean): void {
    if (!this.started) {
      this.push(HEADER);
      this.started = true;
    }
    const input = this.block.subarray(0, this.filled);
    this.crc = crc32(input, this.crc);
    this.size = (this.size + input.length) % 0x100000000;
    const out = deflateRawSync(input, {
      level: this.level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      ...(this.dictionary === undefined ? {} : { dictionary: this.dictionary }),
    });
    // The next block may refer back into this one's last window (a copy: `block` is overwritten).
    if (!last) this.dictionary = Buffer.from(input.subarray(Math.max(0, input.length - WINDOW)));
    this.filled = 0;
    this.push(out);
  }
}
