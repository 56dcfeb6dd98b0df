import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { estimateJaccard } from './minhash-core.js';
import {
  MINHASH_RECORD_BYTES,
  type MinhashSample,
  minhashPartialFile,
  minhashRecordLess,
  minhashSampleFile,
  minhashSignatureFile,
  sigFromBase64,
} from './minhash-files.js';
import { mergeHashGroups, RunReader } from './runs.js';

export interface MinhashReduceOutput {
  counters: Record<string, number>;
  /** Flat (taskA, ordinalA, taskB, ordinalB) quadruples. */
  edges: number[];
  /** Up to SAMPLE_PAIRS candidate pairs whose signatures were sampled, with their estimated Jaccard. */
  samplePairs: SamplePair[];
}

export interface SamplePair {
  kept_candidate: string;
  duplicate: string;
  estimated_jaccard: number;
}

/** Per band: with 14 bands, up to 70 pairs (the report dedupes pairs found by several bands). */
const SAMPLE_PAIRS = 5;

/** The sampled documents of every task, by `task:ordinal`; read once per thread (all bands use them). */
const sampleCache = new Map<string, Map<string, MinhashSample>>();

function loadSamples(workDir: string, observeTasks: number): Map<string, MinhashSample> {
  let key = workDir;
  for (let t = 0; t < observeTasks; t++) {
    const file = minhashSampleFile(workDir, t);
    key += existsSync(file) ? `|${statSync(file).mtimeMs}` : '|-';
  }
  const cached = sampleCache.get(key);
  if (cached) return cached;
  const out = new Map<string, MinhashSample>();
  for (let t = 0; t < observeTasks; t++) {
    const file = minhashSampleFile(workDir, t);
    if (!existsSync(file)) continue;
    for (const s of JSON.parse(readFileSync(file, 'utf8')) as MinhashSample[])
      out.set(`${t}:${s.ordinal}`, s);
  }
  sampleCache.clear();
  sampleCache.set(key, out);
  return out;
}

/** Reads single signatures (K u32) by (task, ordinal) from the observers' signature files. */
class SignatureReader {
  private fds = new Map<number, number>();
  private buf: Buffer;

  constructor(
    private readonly workDir: string,
    private readonly k: number,
  ) {
    this.buf = Buffer.alloc(k * 4);
  }

  read(task: number, ordinal: number): Uint32Array {
    let fd = this.fds.get(task);
    if (fd === undefined) {
      fd = openSync(minhashSignatureFile(this.workDir, task), 'r');
      this.fds.set(task, fd);
    }
    const n = readSync(fd, this.buf, 0, this.buf.length, ordinal * this.k * 4);
    if (n !== this.buf.length)
      throw new Error(`dedup-minhash: no signature for task ${task} document ${ordinal}`);
    const out = new Uint32Array(this.k);
    for (let i = 0; i < this.k; i++) out[i] = this.buf.readUInt32LE(4 * i);
    return out;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
  }
}

/**
 * Merges every task's sorted run of one band; each group of equal band hashes (size > 1) gives edges from its
 * first member (manifest order) to every other member. With `verify` (K = signature length), an edge is kept
 * only when the signatures' estimated Jaccard reaches `threshold`.
 */
export function reduceMinhashBand(
  workDir: string,
  band: number,
  observeTasks: number,
  verify: { k: number; threshold: number } | undefined,
): MinhashReduceOutput {
  const readers: RunReader[] = [];
  for (let t = 0; t < observeTasks; t++)
    readers.push(new RunReader(minhashPartialFile(workDir, t, band), MINHASH_RECORD_BYTES));
  const sigs = verify ? new SignatureReader(workDir, verify.k) : undefined;
  const edges: number[] = [];
  let samples: Map<string, MinhashSample> | undefined;
  const samplePairs: SamplePair[] = [];
  let groups = 0;
  let candidates = 0;
  let rejected = 0;
  try {
    const docs = mergeHashGroups(
      readers,
      minhashRecordLess,
      (v, at) => [v.getUint32(at + 8, true), v.getUint32(at + 12, true)] as const,
      (_hi, _lo, group) => {
        if (group.length < 2) return;
        groups++;
        const [t0, o0] = group[0]!;
        if (samplePairs.length < SAMPLE_PAIRS) {
          samples ??= loadSamples(workDir, observeTasks);
          samplePairs.push(...pairsOf(group, samples, SAMPLE_PAIRS - samplePairs.length));
        }
        const s0 = sigs?.read(t0, o0);
        for (let i = 1; i < group.length; i++) {
          const [t, o] = group[i]!;
          candidates++;
          if (sigs && s0 && estimateJaccard(s0, sigs.read(t, o)) < verify!.threshold) {
            rejected++;
            continue;
          }
          edges.push(t0, o0, t, o);
        }
      },
    );
    return {
      counters: {
        band_records: docs,
        candidate_groups: groups,
        candidate_edges: candidates,
        edges_rejected_by_verify: rejected,
        edges_kept: edges.length / 4,
      },
      edges,
      samplePairs,
    };
  } finally {
    sigs?.close();
  }
}

/** Pairs (first member, other) of one sampled bucket, with the MinHash estimate of their Jaccard. */
function pairsOf(
  group: readonly (readonly [number, number])[],
  samples: Map<string, MinhashSample>,
  max: number,
): SamplePair[] {
  const first = samples.get(`${group[0]![0]}:${group[0]![1]}`);
  if (!first) return [];
  const a = sigFromBase64(first.sig);
  const out: SamplePair[] = [];
  for (let i = 1; i < group.length && out.length < max; i++) {
    const other = samples.get(`${group[i]![0]}:${group[i]![1]}`);
    if (!other) continue;
    const j = estimateJaccard(a, sigFromBase64(other.sig));
    out.push({ kept_candidate: first.id, duplicate: other.id, estimated_jaccard: Number(j.toFixed(3)) });
  }
  return out;
}
