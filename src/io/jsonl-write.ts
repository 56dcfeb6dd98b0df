/** Writing rows as JSONL into rotated, atomically renamed part files (plain, gzip or zstd). */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { encodeLines } from './jsonl-encode.js';
import { abortPart, closePart, EXTENSIONS, type OpenPart, openPart, writeToPart } from './jsonl-part.js';
import type { PartWriter, WriterOptions } from './types.js';
import { type SharedBuffer, WriteBuffers } from './write-buffers.js';

/** This thread's output buffers, shared by its writers (one task's parts at a time). */
const buffers = new WriteBuffers();

export { stringifyRow } from './jsonl-stringify.js';

/**
 * Parts are `<dir>/<prefix>-0000.jsonl[.gz|.zst]`, each written to a temp name and renamed on close. A part
 * ends after the row that brings it to opts.targetPartBytes uncompressed bytes, so the same rows give the
 * same parts, byte for byte, however they are batched. No rows, no parts: close() then returns [].
 */
export function createJsonlWriter(opts: WriterOptions): PartWriter {
  const done: string[] = [];
  let part: OpenPart | undefined;
  let dirReady = false;

  async function put(chunk: Uint8Array, shared: SharedBuffer): Promise<void> {
    if (part === undefined) {
      if (!dirReady) await mkdir(opts.dir, { recursive: true });
      dirReady = true;
      const name = `${opts.prefix}-${String(done.length).padStart(4, '0')}${EXTENSIONS[opts.compression]}`;
      part = openPart(path.join(opts.dir, name), opts.compression);
    }
    await writeToPart(part, chunk, shared.hold());
  }

  async function endPart(): Promise<void> {
    if (part === undefined) return;
    const closing = part;
    part = undefined;
    try {
      await closePart(closing);
    } catch (err) {
      await abortPart(closing);
      throw err;
    }
    done.push(closing.finalPath);
  }

  return {
    async write(rows, lines) {
      if (rows.length === 0) return;
      const { shared, sizes } = encodeLines(rows, lines, buffers);
      const buf = shared.buf;
      try {
        let from = 0;
        let at = 0;
        for (const size of sizes) {
          at += size;
          if ((part?.bytes ?? 0) + (at - from) >= opts.targetPartBytes) {
            await put(buf.subarray(from, at), shared);
            await endPart();
            from = at;
          }
        }
        if (at > from) await put(buf.subarray(from, at), shared);
      } finally {
        shared.done();
      }
    },
    async close() {
      await endPart();
      return [...done];
    },
    async abort() {
      const open = part;
      part = undefined;
      if (open !== undefined) await abortPart(open);
    },
  };
}
