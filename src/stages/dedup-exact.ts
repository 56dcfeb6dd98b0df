import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dmOf } from '../core/doc.js';
import { z } from '../core/schema.js';
import { DROP_BIT, decisionFile, encodeDecision, readDecision } from '../dedup/exact-files.js';
import { ExactObserver } from '../dedup/exact-observe.js';
import { reduceExactBucket } from '../dedup/exact-reduce.js';
import { writeFileAtomic } from '../io/atomic.js';
import { bucketsOption, keepOptions } from './_options.js';
import { defineStage } from './define.js';

const options = z
  .object({
    mode: z
      .enum(['bytes', 'normalized'])
      .default('bytes')
      .describe(
        'bytes: hash the text as is; normalized: NFKC, lowercase and collapsed whitespace first (catches copies that differ only in case or spacing)',
      ),
    ...keepOptions(),
    buckets: bucketsOption('reduce memory is about 8 bytes per duplicate in a bucket'),
    annotate: z
      .boolean()
      .default(false)
      .describe('Store dm.dedup_exact.cluster_size on kept documents that had duplicates'),
  })
  .strict();

/** Exact duplicates by a 64-bit xxHash of the text: observe (hash) → reduce (per bucket) → apply (drop). */
export default defineStage({
  name: 'dedup-exact',
  kind: 'global',
  description:
    'Drops documents whose text (as bytes, or normalized) is identical to an earlier or higher-priority one; reason exact_duplicate, value = cluster size.',
  options,
  preservesRow: () => true,
  reduceTasks: (o) => o.buckets,
  observer: (o, env) => new ExactObserver(o, env),
  async reduce(_o, env) {
    const { counters, details, entries } = reduceExactBucket(env.workDir, env.taskIndex, env.observeTasks);
    const file = decisionFile(env.workDir, env.taskIndex);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, encodeDecision(env.observeTasks, entries));
    return { counters, details };
  },
  applier(o, env) {
    const decided = new Map<number, number>();
    for (let b = 0; b < env.reduceTasks; b++)
      readDecision(decisionFile(env.workDir, b), env.taskIndex, decided);
    let ordinal = 0;
    return {
      process(batch, ctx) {
        const kept = [];
        for (const doc of batch) {
          const v = decided.get(ordinal++);
          if (v !== undefined && (v & DROP_BIT) !== 0) {
            ctx.drop(doc, 'exact_duplicate', v & ~DROP_BIT);
            continue;
          }
          if (v !== undefined && o.annotate) dmOf(doc).dedup_exact = { cluster_size: v };
          kept.push(doc);
        }
        return kept;
      },
    };
  },
});
