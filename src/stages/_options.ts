import { z } from '../core/schema.js';
import { hashString32 } from '../text/hash.js';

/**
 * The `seed` option of stages that draw a deterministic random decision per document (`sample`,
 * `keep_fraction` of the bad-words filters): a 32-bit integer, optional. `use` says what it seeds.
 */
export function seedOption(use: string) {
  return z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional()
    .describe(
      `Hash seed for ${use} (32-bit, the hash's range). Absent: hashString32(stage id, run seed), so two stages ` +
        'in one recipe draw independently. Give one to reproduce a draw across recipes.',
    );
}

/** The hash seed: the option when given, else one derived from the run seed and the stage id. */
export function stageSeed(optionSeed: number | undefined, runSeed: number, stageId: string): number {
  return optionSeed === undefined ? hashString32(stageId, runSeed) : optionSeed;
}

/**
 * The `buckets` option of global stages that partition by hash: the number of parallel reduce tasks.
 * `cost` says what a bucket holds, so users can size it.
 */
export function bucketsOption(cost: string) {
  return z
    .number()
    .int()
    .min(1)
    .max(4096)
    .default(8)
    .describe(
      `Hash buckets = parallel reduce tasks (8: a few per core on a laptop, raise on a cluster); ${cost}`,
    );
}

/** The `keep` and `priority_field` options of the dedup stages: which member of a duplicate cluster survives. */
export function keepOptions() {
  return {
    keep: z
      .enum(['first', 'priority'])
      .default('first')
      .describe(
        "Which copy survives: the first in manifest order, or the one with the highest `priority_field` (ties: first), as DataTrove's document_priority",
      ),
    priority_field: z
      .string()
      .default('priority')
      .describe('Numeric field read when keep: priority; documents without it rank lowest'),
  };
}

/** A top-level row field a stage writes (a score, a label): snake_case, and not `dm` (stage fields live there). */
export const ROW_FIELD = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case field name')
  .refine((f) => f !== 'dm', 'expected a field other than dm (reserved for stage fields)');
