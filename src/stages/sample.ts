import type { Doc } from '../core/doc.js';
import { z } from '../core/schema.js';
import { hashString32, unitHash } from '../text/hash.js';
import { defineStage } from './define.js';

const options = z.strictObject({
  rate: z
    .number()
    .min(0)
    .max(1)
    .describe(
      'Share of documents to keep, in [0, 1]; required, since no rate fits every dataset. A document is kept ' +
        'iff unitHash(seed, id) < rate, so the decision is a function of its id alone.',
    ),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional()
    .describe(
      'Hash seed (32-bit, the hash’s range). Absent: derived from the run seed and this stage’s id, ' +
        'hashString32(stage id, run seed), so two sample stages in one recipe, or a later split, are ' +
        'independent rather than keeping the same documents. Give one to reproduce a sample across recipes.',
    ),
});

/** The hash seed: the option when given, else one derived from the run seed and the stage id. */
export function sampleSeed(optionSeed: number | undefined, runSeed: number, stageId: string): number {
  return optionSeed === undefined ? hashString32(stageId, runSeed) : optionSeed;
}

export default defineStage({
  name: 'sample',
  kind: 'map',
  description:
    'Keeps a deterministic random share of documents: doc kept iff unitHash(seed, doc.id) < rate ' +
    '(murmur3 of the id’s UTF-8, src/text/hash.ts). The same ids give the same decisions for any batch ' +
    'size, worker count or input order. Drop reason sampled_out, value = the document’s hash in [0, 1).',
  options,
  preservesRow: () => true,
  create(o, env) {
    const seed = sampleSeed(o.seed, env.seed, env.stageId);
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          const u = unitHash(seed, doc.id);
          if (u < o.rate) kept.push(doc);
          else ctx.drop(doc, 'sampled_out', u);
        }
        return kept;
      },
    };
  },
});
