import { FeatureBuffer } from '../classify/features.js';
import { type QualityModel, score } from '../classify/model.js';
import { loadModel } from '../classify/model-file.js';
import type { Doc } from '../core/doc.js';
import { z } from '../core/schema.js';
import { cachedLoad } from '../io/file-cache.js';
import { ROW_FIELD } from './_options.js';
import { defineStage } from './define.js';

const options = z
  .strictObject({
    model: z
      .string()
      .min(1)
      .describe(
        'Model file written by `datamill classifier train`; absolute, or relative to the working directory of ' +
          'the run (as decontaminate eval_sets paths).',
      ),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .default(null)
      .describe(
        'Drop documents whose score is below this (reason quality_too_low, value = score); null only annotates. ' +
          'No default cut-off: DCLM keeps a top share (10%) of its pool by score, a threshold that depends on ' +
          'the model and the pool, so pick it from `datamill classifier eval` or the score histogram.',
      ),
    score_field: ROW_FIELD.nullable()
      .default('quality_score')
      .describe(
        'Top-level row field set to the score (probability of the positive label, 0..1) on every document, kept ' +
          'or dropped, as filter-language sets language_score and DCLM writes its fastText probability. null: ' +
          'filter only, store nothing; rows then stay unchanged and JSONL output copies input lines verbatim.',
      ),
  })
  .refine((o) => o.threshold !== null || o.score_field !== null, {
    path: ['score_field'],
    message: 'expected a field name or a threshold: with neither the stage does nothing',
  });

/** The model at `file`, loaded once per worker thread (src/io/file-cache.ts). */
function cachedModel(file: string): Promise<QualityModel> {
  return cachedLoad(file, 'expected a model written by datamill classifier train', loadModel);
}

export default defineStage({
  name: 'classify-quality',
  kind: 'map',
  description:
    'Scores each document with a linear quality classifier trained by `datamill classifier train` (hashed ' +
    'word unigrams and bigrams, logistic; DCLM/FineWeb-Edu style), sets the score as a top-level row field ' +
    '(so rows are re-serialized; score_field null stores nothing), and with a threshold drops documents ' +
    'scoring below it with reason quality_too_low (value = score). Observes quality_score. The model is loaded once per worker thread.',
  options,
  preservesRow: (o) => o.score_field === null,
  async create(o) {
    const model = await cachedModel(o.model);
    const buf = new FeatureBuffer();
    return {
      process(batch, ctx) {
        const kept: Doc[] = [];
        for (const doc of batch) {
          const s = score(model, doc.text, buf);
          if (o.score_field !== null) doc.row[o.score_field] = s;
          ctx.observe('quality_score', s);
          if (o.threshold !== null && s < o.threshold) ctx.drop(doc, 'quality_too_low', s);
          else kept.push(doc);
        }
        return kept;
      },
    };
  },
});
