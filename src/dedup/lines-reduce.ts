import { readFileSync } from 'node:fs';
import {
  hashKey,
  LINES_RECORD_BYTES,
  linesPartialFile,
  linesRecordLess,
  linesSampleFile,
} from './lines-files.js';
import { mergeHashGroups, RunReader } from './runs.js';

export interface LinesReduceOptions {
  mode: 'first' | 'boilerplate';
  min_count: number;
}

/** One of a bucket's most repeated lines; `line` is null when no task saw it twice (no sampled text). */
export interface TopLine {
  line: string | null;
  count: number;
  hash: string;
}

export interface LinesReduceOutput {
  counters: Record<string, number>;
  details: Record<string, unknown>;
  /** Per observe task: flat (ordinal, line) pairs to remove, sorted. */
  removed: Uint32Array[];
}

/** Lines reported per bucket; the run's overall top lines are among them (report.json lists all buckets'). */
export const TOP_LINES = 20;

/**
 * Merges every task's sorted run of one bucket. Per hash: `first` removes every occurrence after the first in
 * manifest order (task, ordinal, line); `boilerplate` removes all occurrences when there are ≥ min_count.
 */
export function reduceLinesBucket(
  workDir: string,
  bucket: number,
  observeTasks: number,
  o: LinesReduceOptions,
): LinesReduceOutput {
  const readers: RunReader[] = [];
  for (let t = 0; t < observeTasks; t++)
    readers.push(new RunReader(linesPartialFile(workDir, t, bucket), LINES_RECORD_BYTES));
  const removed: number[][] = Array.from({ length: observeTasks }, () => []);
  const top: { hi: number; lo: number; count: number }[] = [];
  let distinct = 0;
  let repeated = 0;
  let marked = 0;
  const lines = mergeHashGroups(
    readers,
    linesRecordLess,
    (v, at) => [v.getUint32(at + 8, true), v.getUint32(at + 12, true), v.getUint32(at + 16, true)] as const,
    (hi, lo, group) => {
      const count = group.length;
      distinct++;
      if (count > 1) repeated++;
      const from = o.mode === 'first' ? 1 : count >= o.min_count ? 0 : count;
      for (let i = from; i < count; i++) {
        const [task, ordinal, line] = group[i]!;
        removed[task]!.push(ordinal, line);
      }
      marked += count - from;
      if (count > 1) keepTop(top, hi, lo, count);
    },
  );
  return {
    counters: {
      lines_observed: lines,
      distinct_lines: distinct,
      repeated_distinct_lines: repeated,
      lines_marked_for_removal: marked,
    },
    details: { top_lines: topWithText(workDir, bucket, observeTasks, top) },
    removed: removed.map(sortPairs),
  };
}

/** Keeps the TOP_LINES largest counts, ties by hash, in descending order. */
function keepTop(
  top: { hi: number; lo: number; count: number }[],
  hi: number,
  lo: number,
  count: number,
): void {
  if (top.length === TOP_LINES && top[TOP_LINES - 1]!.count >= count) return;
  let i = top.length;
  while (i > 0 && top[i - 1]!.count < count) i--;
  top.splice(i, 0, { hi, lo, count });
  if (top.length > TOP_LINES) top.pop();
}

/** Attaches the text the observers sampled for each top hash (the first task's text in manifest order). */
function topWithText(
  workDir: string,
  bucket: number,
  observeTasks: number,
  top: { hi: number; lo: number; count: number }[],
): TopLine[] {
  const wanted = new Map<number, string | null>(top.map((t) => [hashKey(t.hi, t.lo), null]));
  for (let t = 0; t < observeTasks; t++) {
    const sample = JSON.parse(readFileSync(linesSampleFile(workDir, t, bucket), 'utf8')) as [
      number,
      number,
      string,
    ][];
    for (const [key, , text] of sample) if (wanted.get(key) === null) wanted.set(key, text);
  }
  return top.map((t) => ({
    line: wanted.get(hashKey(t.hi, t.lo)) ?? null,
    count: t.count,
    hash: t.hi.toString(16).padStart(8, '0') + t.lo.toString(16).padStart(8, '0'),
  }));
}

/** Sorts flat (ordinal, line) pairs. */
function sortPairs(flat: number[]): Uint32Array {
  const n = flat.length / 2;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => flat[2 * a]! - flat[2 * b]! || flat[2 * a + 1]! - flat[2 * b + 1]!);
  const out = new Uint32Array(flat.length);
  idx.forEach((i, k) => {
    out[2 * k] = flat[2 * i]!;
    out[2 * k + 1] = flat[2 * i + 1]!;
  });
  return out;
}
