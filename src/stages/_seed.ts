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
