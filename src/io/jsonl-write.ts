/** Writing rows as JSONL into rotated, atomically renamed part files (plain, gzip or zstd). */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { abortPart, closePart, EXTENSIONS, type OpenPart, openPart, writeToPart } from './jsonl-part.js';
import { stringifyRow } from './jsonl-stringify.js';
import type { PartWriter, WriterOptions } from './types.js';

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

  async function put(chunk: Uint8Array): Promise<void> {
    if (part === undefined) {
      if (!dirReady) await mkdir(opts.dir, { recursive: true });
      dirReady = true;
      const name = `${opts.prefix}-${String(done.length).padStart(4, '0')}${EXTENSIONS[opts.compression]}`;
      part = openPart(path.join(opts.dir, name), opts.compression);
    }
    await writeToPart(part, chunk);
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
    async write(rows) {
      if (rows.length === 0) return;
      const lines = rows.map(stringifyRow);
      // One string and one Buffer per batch: large writes, and no per-row Buffer on the common path.
      const buf = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
      const room = opts.targetPartBytes - (part?.bytes ?? 0);
      if (buf.length < room) return put(buf);
      let from = 0;
      let at = 0;
      for (const line of lines) {
        at += Buffer.byteLength(line, 'utf8') + 1;
        if ((part?.bytes ?? 0) + (at - from) >= opts.targetPartBytes) {
          await put(buf.subarray(from, at));
          await endPart();
          from = at;
        }
      }
      if (at > from) await put(buf.subarray(from, at));
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
