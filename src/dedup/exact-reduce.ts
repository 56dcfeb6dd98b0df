import { DROP_BIT, EXACT_RECORD_BYTES, partialFile, recordLess } from './exact-files.js';
import { mergeHashGroups, RunReader } from './runs.js';

export interface ExactReduceOutput {
  counters: Record<string, number>;
  details: Record<string, unknown>;
  entries: { task: number; ordinal: number; value: number }[];
}

/**
 * Merges every task's sorted run of one bucket; within a run of equal hashes the first record (best
 * rank, then manifest order) is kept and the rest are marked to drop, each carrying the cluster size.
 */
export function reduceExactBucket(workDir: string, bucket: number, observeTasks: number): ExactReduceOutput {
  const readers: RunReader[] = [];
  for (let t = 0; t < observeTasks; t++)
    readers.push(new RunReader(partialFile(workDir, t, bucket), EXACT_RECORD_BYTES));
  const entries: ExactReduceOutput['entries'] = [];
  const sizes: Record<string, number> = {};
  let clusters = 0;
  let duplicates = 0;
  let maxSize = 0;
  const docs = mergeHashGroups(
    readers,
    recordLess,
    (v, at) => ({ task: v.getUint32(at + 16, true), ordinal: v.getUint32(at + 20, true) }),
    (_hi, _lo, group) => {
      const size = group.length;
      if (size < 2) return;
      clusters++;
      duplicates += size - 1;
      if (size > maxSize) maxSize = size;
      sizes[size] = (sizes[size] ?? 0) + 1;
      entries.push({ ...group[0]!, value: size });
      for (let i = 1; i < size; i++) entries.push({ ...group[i]!, value: (DROP_BIT | size) >>> 0 });
    },
  );
  return {
    counters: { documents: docs, duplicate_clusters: clusters, duplicates_dropped: duplicates },
    details: { cluster_sizes: [sizes], max_cluster_size: [maxSize] },
    entries,
  };
}
