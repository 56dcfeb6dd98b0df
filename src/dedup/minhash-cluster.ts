import { readFileSync, statSync } from 'node:fs';
import { minhashCountFile, minhashEdgeFile, minhashRankFile, readEdges } from './minhash-files.js';

/** Union-find over global document indices: Int32Array parents, union by size, path compression. */
export class UnionFind {
  readonly parent: Int32Array;
  readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    let r = x;
    while (p[r] !== r) r = p[r]!;
    while (p[x] !== r) {
      const next = p[x]!;
      p[x] = r;
      x = next;
    }
    return r;
  }

  union(x: number, y: number): void {
    let a = this.find(x);
    let b = this.find(y);
    if (a === b) return;
    if (this.size[a]! < this.size[b]!) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a]! += this.size[b]!;
  }
}

/** Result of clustering: per global index, the cluster's kept document and its size. */
export interface Clusters {
  /** Global index of each task's first document. */
  offsets: number[];
  /** Per global index: the kept document's global index (lowest rank, then smallest index, in its cluster). */
  keeper: Int32Array;
  /** Per global index: the size of its cluster (1 = no near-duplicate). */
  size: Int32Array;
}

/**
 * Clusters from every band's edge file. Kept: the member with the lowest priority rank (`byPriority`: the
 * observers' rank files), ties and otherwise the smallest global index (manifest order).
 */
export function buildClusters(workDir: string, bands: number, byPriority = false): Clusters {
  const parts = Array.from({ length: bands }, (_, b) => readEdges(minhashEdgeFile(workDir, b)));
  const observeTasks = parts[0]?.observeTasks ?? 0;
  const offsets: number[] = [];
  let n = 0;
  for (let t = 0; t < observeTasks; t++) {
    offsets.push(n);
    n += readFileSync(minhashCountFile(workDir, t)).readUInt32LE(0);
  }
  const uf = new UnionFind(n);
  for (const { edges } of parts)
    for (let i = 0; i < edges.length; i += 4)
      uf.union(offsets[edges[i]!]! + edges[i + 1]!, offsets[edges[i + 2]!]! + edges[i + 3]!);
  const rank = byPriority ? readRanks(workDir, offsets.length, n) : undefined;
  const keeper = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  const best = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    // Indices rise, so a later member replaces the best only with a strictly lower rank.
    if (best[r] === -1 || (rank && rank[i]! < rank[best[r]!]!)) best[r] = i;
  }
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    keeper[i] = best[r]!;
    size[i] = uf.size[r]!;
  }
  return { offsets, keeper, size };
}

function readRanks(workDir: string, tasks: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let at = 0;
  for (let t = 0; t < tasks; t++) {
    const b = readFileSync(minhashRankFile(workDir, t));
    out.set(new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)), at);
    at += b.length / 8;
  }
  return out;
}

/** One clustering per thread and run: tasks of the same worker thread share it. */
const cache = new Map<string, Clusters>();

export function clustersFor(workDir: string, bands: number, byPriority = false): Clusters {
  let key = `${workDir}|${byPriority}`;
  for (let b = 0; b < bands; b++) {
    const st = statSync(minhashEdgeFile(workDir, b));
    key += `|${st.mtimeMs}:${st.size}`;
  }
  let c = cache.get(key);
  if (c === undefined) {
    c = buildClusters(workDir, bands, byPriority);
    cache.clear();
    cache.set(key, c);
  }
  return c;
}
