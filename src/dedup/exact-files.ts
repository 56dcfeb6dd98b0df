import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Observe → reduce record: [hash hi u32][hash lo u32][rank f64][task u32][ordinal u32], little-endian. */
export const EXACT_RECORD_BYTES = 24;

export function partialFile(workDir: string, task: number, bucket: number): string {
  return path.join(workDir, 'partials', `t${task}-b${bucket}.bin`);
}

export function decisionFile(workDir: string, bucket: number): string {
  return path.join(workDir, 'decisions', `b${bucket}.bin`);
}

/** Order of records in a run: by hash, then rank (lower keeps), then manifest position. */
export function recordLess(a: DataView, ai: number, b: DataView, bi: number): boolean {
  const ah = a.getUint32(ai, true),
    bh = b.getUint32(bi, true);
  if (ah !== bh) return ah < bh;
  const al = a.getUint32(ai + 4, true),
    bl = b.getUint32(bi + 4, true);
  if (al !== bl) return al < bl;
  const ar = a.getFloat64(ai + 8, true),
    br = b.getFloat64(bi + 8, true);
  if (ar !== br) return ar < br;
  const at = a.getUint32(ai + 16, true),
    bt = b.getUint32(bi + 16, true);
  if (at !== bt) return at < bt;
  return a.getUint32(ai + 20, true) < b.getUint32(bi + 20, true);
}

/** Decision entry value: high bit set = drop; low 31 bits = cluster size. */
export const DROP_BIT = 0x80000000;

/**
 * Encodes one bucket's decision: `[u32 tasks][u32 offsets × (tasks+1)][entries: u32 ordinal, u32 value]`,
 * entries grouped by task and sorted by ordinal, so an applier reads only its own range.
 */
export function encodeDecision(
  tasks: number,
  entries: { task: number; ordinal: number; value: number }[],
): Buffer {
  entries.sort((x, y) => x.task - y.task || x.ordinal - y.ordinal);
  const head = 4 + 4 * (tasks + 1);
  const buf = Buffer.alloc(head + entries.length * 8);
  buf.writeUInt32LE(tasks, 0);
  let e = 0;
  for (let t = 0; t <= tasks; t++) {
    while (e < entries.length && entries[e]!.task < t) e++;
    buf.writeUInt32LE(e, 4 + 4 * t);
  }
  entries.forEach((x, i) => {
    buf.writeUInt32LE(x.ordinal, head + 8 * i);
    buf.writeUInt32LE(x.value >>> 0, head + 8 * i + 4);
  });
  return buf;
}

/** Reads task `task`'s entries of one bucket's decision into `into` (ordinal → value). */
export function readDecision(file: string, task: number, into: Map<number, number>): void {
  const buf = readFileSync(file);
  const tasks = buf.readUInt32LE(0);
  if (task >= tasks) throw new Error(`${file}: decision covers ${tasks} tasks, asked for task ${task}`);
  const head = 4 + 4 * (tasks + 1);
  const from = buf.readUInt32LE(4 + 4 * task);
  const to = buf.readUInt32LE(4 + 4 * (task + 1));
  for (let i = from; i < to; i++)
    into.set(buf.readUInt32LE(head + 8 * i), buf.readUInt32LE(head + 8 * i + 4));
}
