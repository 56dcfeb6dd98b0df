/**
 * `datamill check FILE...`: the recipe a dataset is checked with when there is no recipe. Bad records are
 * quarantined (and counted) instead of failing the run, and `dedup-exact` counts exact copies; the default
 * checks then ask for a non-empty dataset, no bad record and no more copies than allowed.
 */
import path from 'node:path';
import type { CheckSpec } from './evaluate.js';

/** Stage id of the duplicate counter in the generated recipe. */
export const DEDUP_ID = 'dedup-exact';

/**
 * Default `--max-duplicate-rate`: 0. A shard written twice into a dataset of N shards raises the exact
 * duplicate share by only 1/N, so any allowance above 0 lets exactly the regression this gate is for pass
 * unnoticed on a large dataset; raw data with natural copies sets its own rate.
 */
export const DEFAULT_MAX_DUPLICATE_RATE = 0;

export interface FilesRecipeOptions {
  /** Files, directories or globs, as given on the command line. */
  inputs: string[];
  textField: string;
  /** The run directory, absolute. */
  outDir: string;
  maxDuplicateRate: number;
}

/** The default checks of `datamill check FILE...`. */
export function defaultFileChecks(maxDuplicateRate: number): CheckSpec[] {
  return [
    { name: 'dataset is not empty', metric: 'documents.read', min: 1 },
    {
      name: 'every record is valid (JSON, UTF-8, a string text field)',
      metric: 'documents.quarantined',
      max: 0,
    },
    { name: 'share of exact duplicates', metric: `stages.${DEDUP_ID}.drop_rate`, max: maxDuplicateRate },
  ];
}

/**
 * The recipe, as the plain data a YAML recipe parses to: inputs resolved against the current directory,
 * uncompressed JSONL output (the cheapest to write: unchanged lines are copied as read).
 */
export function filesRecipe(o: FilesRecipeOptions): Record<string, unknown> {
  return {
    inputs: o.inputs.map((p) => ({ path: path.resolve(p), text_field: o.textField })),
    output: { dir: o.outDir, format: 'jsonl', compression: 'none' },
    runtime: { on_bad_record: 'quarantine' },
    stages: [{ stage: 'dedup-exact', id: DEDUP_ID, options: { mode: 'bytes' } }],
    checks: defaultFileChecks(o.maxDuplicateRate),
  };
}
