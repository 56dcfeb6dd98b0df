import type { Doc } from '../core/doc.js';
import { z } from '../core/schema.js';
import { unitHash } from '../text/hash.js';
import { seedOption, stageSeed } from './_options.js';
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
  seed: seedOption('sampling'),
});

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
    const seed = stageSeed(o.seed, env.seed, env.stageId);
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
