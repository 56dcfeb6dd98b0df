import type { Slice } from '../io/types.js';
import type { ManifestFile } from './manifest.js';

/** A source task: one slice of one input file. The list is a pure function of the manifest and task size. */
export interface SourceTask {
  input: number;
  slice: Slice;
}

/**
 * Cuts the manifest into tasks of about `taskBytes`: uncompressed JSONL by byte range (the reader cuts at
 * newlines), Parquet by runs of whole row groups, Arrow by record batches; compressed JSONL cannot be
 * entered mid-stream, so it is one task per file.
 */
export function planSourceTasks(files: ManifestFile[], taskBytes: number): SourceTask[] {
  const tasks: SourceTask[] = [];
  for (const f of files) {
    const base = { path: f.path, shard: f.shard, format: f.format, compression: f.compression };
    if (f.format === 'jsonl') {
      const n = f.compression === 'none' ? Math.max(1, Math.ceil(f.bytes / taskBytes)) : 1;
      for (let k = 0; k < n; k++) {
        const end = k === n - 1 ? f.bytes : (k + 1) * taskBytes;
        tasks.push({ input: f.input, slice: { ...base, start: k * taskBytes, end } });
      }
    } else if (f.format === 'parquet') {
      for (const [start, end] of groupUnits(f.units ?? [], taskBytes)) {
        tasks.push({ input: f.input, slice: { ...base, start, end } });
      }
    } else {
      // Arrow batches carry no byte sizes in the footer; one task per file keeps every batch in order.
      tasks.push({ input: f.input, slice: { ...base, start: 0, end: f.units?.length ?? 0 } });
    }
  }
  return tasks;
}

/** Greedy runs of consecutive units whose bytes sum to about `limit` (a run holds at least one unit). */
export function groupUnits(units: number[], limit: number): [number, number][] {
  if (units.length === 0) return [[0, 0]];
  const runs: [number, number][] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (i > start && sum + u > limit) {
      runs.push([start, i]);
      start = i;
      sum = 0;
    }
    sum += u;
  }
  runs.push([start, units.length]);
  return runs;
}
