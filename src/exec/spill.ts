import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Doc } from '../core/doc.js';

/**
 * The documents before a global stage, written once so the apply phase can read them back. Frames of
 * `[u32 length][v8-serialized batch]`: v8 serialization keeps every value type a reader produced
 * (BigInt, Date, typed arrays), which JSON would not; the spill never leaves the run directory.
 */
interface SpillBatch {
  ids: string[];
  texts: string[];
  rows: Record<string, unknown>[];
  /** Source lines of JSONL documents (undefined where there is none), so they can still be written verbatim. */
  raws: (string | undefined)[];
}

export function spillFile(dir: string, tag: string): string {
  return path.join(dir, `part-${tag}.spill`);
}

export async function createSpillWriter(file: string) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const out = createWriteStream(tmp);
  const write = (buf: Buffer) =>
    new Promise<void>((resolve, reject) => {
      out.write(buf, (err) => (err ? reject(err) : resolve()));
    });
  return {
    async write(docs: Doc[]): Promise<void> {
      if (docs.length === 0) return;
      const batch: SpillBatch = { ids: [], texts: [], rows: [], raws: [] };
      for (const d of docs) {
        batch.ids.push(d.id);
        batch.texts.push(d.text);
        batch.rows.push(d.row);
        batch.raws.push(d.raw);
      }
      const body = serialize(batch);
      const head = Buffer.allocUnsafe(4);
      head.writeUInt32LE(body.length, 0);
      // Two writes, in order on one stream: a concatenation would copy megabytes into yet another Buffer.
      out.write(head);
      await write(body);
    },
    async close(): Promise<void> {
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      await rename(tmp, file);
    },
    async abort(): Promise<void> {
      out.destroy();
      await rm(tmp, { force: true });
    },
  };
}

/** Reads a spill back as document batches, in the order they were written. */
export async function* readSpill(file: string): AsyncGenerator<Doc[]> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let at = 0;
    while (pending.length - at >= 4) {
      const len = pending.readUInt32LE(at);
      if (pending.length - at - 4 < len) break;
      const batch = deserialize(pending.subarray(at + 4, at + 4 + len)) as SpillBatch;
      at += 4 + len;
      const docs: Doc[] = new Array(batch.ids.length);
      for (let i = 0; i < batch.ids.length; i++) {
        const doc: Doc = { id: batch.ids[i]!, text: batch.texts[i]!, row: batch.rows[i]! };
        const raw = batch.raws[i];
        if (raw !== undefined) doc.raw = raw;
        docs[i] = doc;
      }
      yield docs;
    }
    pending = pending.subarray(at);
  }
  if (pending.length > 0)
    throw new Error(`spill ${file}: truncated frame (${pending.length} trailing bytes)`);
}
