import { createRequire } from 'node:module';
import type { StageDef } from '../stages/define.js';
import { buildManifest, type InputSpec, type ManifestFile } from './manifest.js';
import { type Phase, planPhases, type StageRef } from './phases.js';
import { planSourceTasks, type SourceTask } from './tasks.js';

/** Everything a task needs, written once to run.json so every worker, rank and rerun sees the same plan. */
export interface Plan {
  datamill: string;
  recipeFile: string;
  recipeDir: string;
  recipeHash: string;
  recipe: PlanRecipe;
  manifest: ManifestFile[];
  sourceTasks: SourceTask[];
  phases: Phase[];
}

/** The parts of a loaded recipe the plan and the tasks use. */
export interface PlanRecipe {
  inputs: InputSpec[];
  output: {
    dir: string;
    format: 'jsonl' | 'parquet';
    compression: 'zstd' | 'gzip' | 'none';
    target_part_bytes: number;
    row_group_bytes: number;
    text_field?: string;
    id_field: string;
    keep_rejected: boolean;
  };
  runtime: {
    workers?: number;
    worker_heap_mb?: number;
    seed: number;
    on_bad_record: 'fail' | 'quarantine';
    batch_bytes: number;
    task_bytes: number;
    token_count: 'off' | 'sample' | 'exact';
    token_sample_rate: number;
    tokenizer: 'cl100k_base' | 'o200k_base';
  };
  stages: StageRef[];
}

export const DATAMILL_VERSION: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;

/** Builds the plan: reads file headers and footers only, never documents. */
export async function buildPlan(
  loaded: { recipe: PlanRecipe; file: string; dir: string; hash: string },
  lookup: (name: string) => StageDef,
  warn: (m: string) => void,
): Promise<Plan> {
  const { recipe } = loaded;
  const manifest = await buildManifest(recipe.inputs, loaded.dir, warn);
  const sourceTasks = planSourceTasks(manifest, recipe.runtime.task_bytes);
  return {
    datamill: DATAMILL_VERSION,
    recipeFile: loaded.file,
    recipeDir: loaded.dir,
    recipeHash: loaded.hash,
    recipe,
    manifest,
    sourceTasks,
    phases: planPhases(recipe.stages, sourceTasks.length, lookup),
  };
}
