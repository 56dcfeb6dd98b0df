import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { clustersFor } from '../dedup/minhash-cluster.js';
import { candidateProbability, optimalParams } from '../dedup/minhash-core.js';
import { encodeEdges, minhashEdgeFile } from '../dedup/minhash-files.js';
import { MinhashObserver } from '../dedup/minhash-observe.js';
import { reduceMinhashBand } from '../dedup/minhash-reduce.js';
import { writeFileAtomic } from '../io/atomic.js';
import { keepOptions, seedOption, stageSeed } from './_options.js';
import { defineStage } from './define.js';

const options = z
  .object({
    ngram: z
      .number()
      .int()
      .min(1)
      .default(5)
      .describe(
        'Words per shingle (DataTrove: 5-grams of simplified text); a shorter document is one shingle',
      ),
    char_ngrams: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'Use character n-grams of this length (of the simplified text) instead of word n-grams, as NeMo Curator (24)',
      ),
    bands: z
      .number()
      .int()
      .min(1)
      .max(1024)
      .optional()
      .describe(
        'LSH bands = reduce tasks (default 14, DataTrove/FineWeb); given bands/rows win over threshold',
      ),
    rows: z
      .number()
      .int()
      .min(1)
      .max(1024)
      .optional()
      .describe('Hashes per band (default 8: 14×8 = 112 permutations, P(candidate) = 0.924 at Jaccard 0.8)'),
    threshold: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe(
        "Target Jaccard similarity. Without bands/rows: choose (bands, rows) with bands·rows ≤ max_perms minimising 0.5·FP + 0.5·FN (datasketch's _optimal_param). Also verify's cut-off (0.8 when absent)",
      ),
    max_perms: z
      .number()
      .int()
      .min(1)
      .max(1024)
      .default(256)
      .describe(
        "Permutation budget for threshold's (bands, rows) choice (256 = data-juicer's num_permutations; datasketch's default is 128). At threshold 0.8, 256 gives 17×15 and pairwise F1 0.857 on bench/minhash.js's corpus against 0.853 with 128 (9×13); signatures cost little with SIMD",
      ),
    seed: seedOption('the MinHash permutations'),
    ...keepOptions(),
    verify: z
      .boolean()
      .default(false)
      .describe(
        'Before joining a candidate pair, require its estimated Jaccard (equal signature values / K) ≥ threshold (0.8 without threshold); observe then stores 4·K bytes per document',
      ),
    annotate: z
      .boolean()
      .default(false)
      .describe(
        'Store dm.dedup_minhash = {cluster_id, cluster_size} on kept documents that had near-duplicates (cluster_id = the position of the kept document in manifest order; the ledger names it for every dropped member as detail cluster_id=N)',
      ),
  })
  .strict();

type Options = z.output<typeof options>;

const optimalCache = new Map<string, { bands: number; rows: number }>();

/** The LSH shape: given bands/rows (defaults 14×8), or the optimal pair for `threshold` when neither is given. */
export function resolveShape(o: Options): { bands: number; rows: number; verifyThreshold: number } {
  const verifyThreshold = o.threshold ?? 0.8;
  if (o.threshold !== undefined && o.bands === undefined && o.rows === undefined) {
    const key = `${o.threshold}/${o.max_perms}`;
    let shape = optimalCache.get(key);
    if (shape === undefined) {
      shape = optimalParams(o.threshold, o.max_perms);
      optimalCache.set(key, shape);
    }
    return { ...shape, verifyThreshold };
  }
  return { bands: o.bands ?? 14, rows: o.rows ?? 8, verifyThreshold };
}

/** Counter of the report's cluster size distribution: exact up to 4, then by decade. */
export function clusterSizeCounter(size: number): string {
  if (size <= 4) return `clusters_of_${size}`;
  if (size < 10) return 'clusters_of_5_to_9';
  if (size < 100) return 'clusters_of_10_to_99';
  return 'clusters_of_100_or_more';
}

/** Near-duplicates by MinHash LSH: observe (signatures → band hashes) → reduce (per band: edges) → apply (union-find, drop). */
export default defineStage({
  name: 'dedup-minhash',
  kind: 'global',
  description:
    'Drops near-duplicate documents (MinHash LSH over DataTrove-style word 5-grams, union-find clusters); the first document of each cluster in manifest order (or the highest priority with keep: priority) is kept; reason near_duplicate, value = cluster size, ledger detail cluster_id=N (the position of the kept document in manifest order).',
  options,
  preservesRow: () => true,
  reduceTasks: (o) => resolveShape(o).bands,
  observer(o, env) {
    const { bands, rows } = resolveShape(o);
    return new MinhashObserver(
      {
        ngram: o.ngram,
        char_ngrams: o.char_ngrams,
        bands,
        rows,
        seed: stageSeed(o.seed, env.seed, env.stageId),
        verify: o.verify,
        priorityField: o.keep === 'priority' ? o.priority_field : undefined,
      },
      env,
    );
  },
  async reduce(o, env) {
    const { bands, rows, verifyThreshold } = resolveShape(o);
    const { counters, edges, samplePairs } = reduceMinhashBand(
      env.workDir,
      env.taskIndex,
      env.observeTasks,
      o.verify ? { k: bands * rows, threshold: verifyThreshold } : undefined,
    );
    const file = minhashEdgeFile(env.workDir, env.taskIndex);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, encodeEdges(env.observeTasks, edges));
    const details: Record<string, unknown> = {};
    if (env.taskIndex === 0) {
      details.shape = {
        bands,
        rows,
        permutations: bands * rows,
        verify: o.verify,
        verify_threshold: verifyThreshold,
      };
      details.s_curve = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95].map((s) => ({
        similarity: s,
        p_candidate: Number(candidateProbability(s, bands, rows).toFixed(4)),
      }));
    }
    details.duplicate_pairs_sample = samplePairs;
    return { counters, details };
  },
  applier(o, env) {
    const { bands } = resolveShape(o);
    const clusters = clustersFor(env.workDir, bands, o.keep === 'priority');
    const base = clusters.offsets[env.taskIndex] ?? 0;
    let ordinal = 0;
    return {
      process(batch, ctx) {
        const kept = [];
        for (const doc of batch) {
          const g = base + ordinal++;
          const size = clusters.size[g] ?? 1;
          const keeper = clusters.keeper[g] ?? g;
          if (keeper !== g) {
            ctx.drop(doc, 'near_duplicate', size, `cluster_id=${keeper}`);
            continue;
          }
          if (size > 1) {
            ctx.count('clusters');
            ctx.count('cluster_members', size);
            ctx.count(clusterSizeCounter(size));
            if (o.annotate) dmOf(doc).dedup_minhash = { cluster_id: g, cluster_size: size };
          }
          kept.push(doc);
        }
        return kept;
      },
    };
  },
});
