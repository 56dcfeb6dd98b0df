import { z } from '../core/schema.js';
import { defineStage } from './define.js';

/** The namespace of stage-added fields (src/core/doc.ts `dmOf`). */
const DM = 'dm';

const fieldList = z
  .array(z.string().min(1))
  .min(1)
  .superRefine((list, ctx) => {
    const twice = list.find((f, i) => list.indexOf(f) !== i);
    if (twice !== undefined) ctx.addIssue({ code: 'custom', message: `lists "${twice}" twice` });
  });

const options = z
  .strictObject({
    fields: fieldList
      .optional()
      .describe(
        'Keep only these input fields (in their input order) and dm; every other field of the row is removed. ' +
          'Give this or drop_fields, not both.',
      ),
    drop_fields: fieldList
      .optional()
      .describe(
        'Remove these input fields (dm too, if listed); keep the rest. Give this or fields, not both.',
      ),
  })
  .superRefine((o, ctx) => {
    if (o.fields === undefined && o.drop_fields === undefined) {
      // Reported as a missing key, like any required option, naming the alternative.
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'array',
        input: undefined,
        path: ['fields'],
        message: 'expected a list of fields to keep (or drop_fields: a list of fields to remove)',
      });
    } else if (o.fields !== undefined && o.drop_fields !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['drop_fields'],
        message: 'cannot be given with fields; keep one of the two',
      });
    }
  });

/** Counts the names in `listed` that `row` lacks, then deletes every key of `row` that `remove` names. */
function prune(
  row: Record<string, unknown>,
  remove: (key: string) => boolean,
  listed: readonly string[],
): number {
  let missing = 0;
  for (const f of listed) if (!Object.hasOwn(row, f)) missing++;
  for (const key of Object.keys(row)) if (remove(key)) delete row[key];
  return missing;
}

export default defineStage({
  name: 'select-fields',
  kind: 'map',
  description:
    'Keeps only some input fields of each document (fields), or removes some (drop_fields); never drops ' +
    'documents. The text and id are written by the writer whatever this stage does (output.text_field, ' +
    'output.id_field), and fields: always keeps dm. Counts missing_field for each listed field a document lacks.',
  options,
  create(o) {
    const keep = new Set(o.fields ?? []);
    const drop = new Set(o.drop_fields ?? []);
    const listed = o.fields ?? o.drop_fields ?? [];
    const remove =
      o.fields !== undefined ? (key: string) => key !== DM && !keep.has(key) : (key: string) => drop.has(key);
    return {
      process(batch, ctx) {
        for (const doc of batch) {
          const missing = prune(doc.row, remove, listed);
          if (missing > 0) ctx.count('missing_field', missing);
        }
        return batch;
      },
    };
  },
});
