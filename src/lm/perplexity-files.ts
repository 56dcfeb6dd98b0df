/**
 * Exchange files of filter-perplexity's global phase, under the stage's work dir:
 * `scores/t<task>.bin` = [u32 n][f64 perplexity × n][u32 group × n] (NaN = not scored), read back by the
 * applier so nothing is scored twice; `groups/t<task>.json` = the task's group names and, per group, the
 * histogram of finite perplexities; `cutoffs.json` = the reduce's cut-offs per group.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Cutoffs } from './perplexity-buckets.js';

export function scoresFile(workDir: string, task: number): string {
  return path.join(workDir, 'scores', `t${task}.bin`);
}

export function groupsFile(workDir: string, task: number): string {
  return path.join(workDir, 'groups', `t${task}.json`);
}

export function cutoffsFile(workDir: string): string {
  return path.join(workDir, 'cutoffs.json');
}

/** groups/t<task>.json. */
export interface TaskGroups {
  names: string[];
  /** Per group (same order as names): [perplexity, documents] pairs. */
  histograms: [number, number][][];
}

/** cutoffs.json. */
export interface CutoffTable {
  percentiles: [number, number];
  groups: Record<string, Cutoffs & { documents: number }>;
}

export function encodeScores(scores: Float64Array, groups: Uint32Array, n: number): Buffer {
  const buf = Buffer.alloc(4 + n * 12);
  buf.writeUInt32LE(n, 0);
  for (let i = 0; i < n; i++) buf.writeDoubleLE(scores[i] as number, 4 + i * 8);
  const g0 = 4 + n * 8;
  for (let i = 0; i < n; i++) buf.writeUInt32LE(groups[i] as number, g0 + i * 4);
  return buf;
}

export function readScores(file: string): { scores: Float64Array; groups: Uint32Array } {
  const buf = readFileSync(file);
  const n = buf.readUInt32LE(0);
  const scores = new Float64Array(n);
  const groups = new Uint32Array(n);
  for (let i = 0; i < n; i++) scores[i] = buf.readDoubleLE(4 + i * 8);
  const g0 = 4 + n * 8;
  for (let i = 0; i < n; i++) groups[i] = buf.readUInt32LE(g0 + i * 4);
  return { scores, groups };
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
