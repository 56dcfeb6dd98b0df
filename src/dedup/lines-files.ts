import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Observe → reduce record: [hash hi u32][hash lo u32][task u32][ordinal u32][line u32], little-endian. */
export const LINES_RECORD_BYTES = 20;

export function linesPartialFile(workDir: string, task: number, bucket: number): string {
  return path.join(workDir, 'partials', `t${task}-b${bucket}.bin`);
}

/** Per task and bucket: texts of lines the task itself saw repeated, for the report's top lines. */
export function linesSampleFile(workDir: string, task: number, bucket: number): string {
  return path.join(workDir, 'samples', `t${task}-b${bucket}.json`);
}

export function linesDecisionFile(workDir: string, bucket: number): string {
  return path.join(workDir, 'decisions', `b${bucket}.bin`);
}

/** A 53-bit number standing for a 64-bit hash: exact enough to look up sampled texts, no BigInt. */
export function hashKey(hi: number, lo: number): number {
  return hi * 0x200000 + (lo >>> 11);
}

/** Order of records in a run: by hash, then manifest position (task, ordinal, line). */
export function linesRecordLess(a: DataView, ai: number, b: DataView, bi: number): boolean {
  for (let k = 0; k < LINES_RECORD_BYTES; k += 4) {
    const x = a.getUint32(ai + k, true),
      y = b.getUint32(bi + k, true);
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Encodes one bucket's removals: `[u32 tasks][u32 offsets × (tasks+1)][entries: u32 ordinal, u32 line]`,
 * grouped by task and sorted by (ordinal, line), so an applier reads only its own range.
 */
export function encodeLinesDecision(tasks: number, removed: Uint32Array[]): Buffer {
  const head = 4 + 4 * (tasks + 1);
  let total = 0;
  for (const r of removed) total += r.length / 2;
  const buf = Buffer.alloc(head + total * 8);
  buf.writeUInt32LE(tasks, 0);
  let e = 0;
  for (let t = 0; t < tasks; t++) {
    buf.writeUInt32LE(e, 4 + 4 * t);
    const r = removed[t]!;
    for (let i = 0; i < r.length; i++) buf.writeUInt32LE(r[i]!, head + 4 * (2 * e + i));
    e += r.length / 2;
  }
  buf.writeUInt32LE(e, 4 + 4 * tasks);
  return buf;
}

/** Task `task`'s removals of one bucket, as flat (ordinal, line) pairs sorted by ordinal then line. */
export function readLinesDecision(file: string, task: number): Uint32Array {
  const buf = readFileSync(file);
  const tasks = buf.readUInt32LE(0);
  if (task >= tasks) throw new Error(`${file}: decision covers ${tasks} tasks, asked for task ${task}`);
  const head = 4 + 4 * (tasks + 1);
  const from = buf.readUInt32LE(4 + 4 * task);
  const to = buf.readUInt32LE(4 + 4 * (task + 1));
  const out = new Uint32Array((to - from) * 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(head + 4 * (2 * from + i));
  return out;
}
