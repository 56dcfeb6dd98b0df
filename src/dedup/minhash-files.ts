import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Observe → reduce record: [band hash hi u32][band hash lo u32][task u32][ordinal u32], little-endian. */
export const MINHASH_RECORD_BYTES = 16;

/** Sorted run of one task's band hashes for one band (= one reduce task). */
export function minhashPartialFile(workDir: string, task: number, band: number): string {
  return path.join(workDir, 'partials', `t${task}-b${band}.bin`);
}

/** One u32: the number of documents task `task` observed (global index = documents of earlier tasks + ordinal). */
export function minhashCountFile(workDir: string, task: number): string {
  return path.join(workDir, 'counts', `t${task}.bin`);
}

/** With `keep: priority`: every document's priority rank (f64 little-endian, lower is kept), by ordinal. */
export function minhashRankFile(workDir: string, task: number): string {
  return path.join(workDir, 'ranks', `t${task}.bin`);
}

/** With `verify`: every document's full signature (K u32, little-endian), indexed by ordinal. */
export function minhashSignatureFile(workDir: string, task: number): string {
  return path.join(workDir, 'signatures', `t${task}.bin`);
}

/**
 * Documents whose band-0 bucket is sampled (1 in 64 buckets), and the first 8192 / tasks documents of each
 * task, keep their id and signature in `samples/t<task>.json`, so the report can show duplicate pairs with
 * their estimated Jaccard; both members of a band-0 pair share the bucket, so every pair of a sampled
 * bucket has both signatures. ~7 MB at 1M documents.
 */
export function minhashSampleFile(workDir: string, task: number): string {
  return path.join(workDir, 'samples', `t${task}.json`);
}

export interface MinhashSample {
  ordinal: number;
  id: string;
  /** The signature, u32 little-endian, base64. */
  sig: string;
}

export function isSampledBucket(bandHashHi: number): boolean {
  return (bandHashHi & 63) === 0;
}

export function sigBase64(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function sigFromBase64(s: string): Uint32Array {
  const b = Buffer.from(s, 'base64');
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

/** One band's candidate edges: `[u32 observeTasks][edges: u32 taskA, ordinalA, taskB, ordinalB]`. */
export function minhashEdgeFile(workDir: string, band: number): string {
  return path.join(workDir, 'edges', `b${band}.bin`);
}

/** Order of records in a run: by band hash, then manifest position (task, ordinal). */
export function minhashRecordLess(a: DataView, ai: number, b: DataView, bi: number): boolean {
  for (let k = 0; k < MINHASH_RECORD_BYTES; k += 4) {
    const x = a.getUint32(ai + k, true),
      y = b.getUint32(bi + k, true);
    if (x !== y) return x < y;
  }
  return false;
}

export function encodeEdges(observeTasks: number, edges: number[]): Buffer {
  const buf = Buffer.alloc(4 + edges.length * 4);
  buf.writeUInt32LE(observeTasks, 0);
  for (let i = 0; i < edges.length; i++) buf.writeUInt32LE(edges[i]!, 4 + 4 * i);
  return buf;
}

/** A band's edges as flat (taskA, ordinalA, taskB, ordinalB) quadruples, and the observe task count. */
export function readEdges(file: string): { observeTasks: number; edges: Uint32Array } {
  const buf = readFileSync(file);
  const observeTasks = buf.readUInt32LE(0);
  const edges = new Uint32Array((buf.length - 4) / 4);
  for (let i = 0; i < edges.length; i++) edges[i] = buf.readUInt32LE(4 + 4 * i);
  return { observeTasks, edges };
}
