import os from 'node:os';
import { buildPlan, type Plan, type PlanRecipe } from '../plan/plan.js';
import { loadRecipe } from '../recipe/load.js';
import type { StageDef } from '../stages/define.js';
import { getStage } from '../stages/registry.js';

function lookup(name: string): StageDef {
  const def = getStage(name);
  if (!def) throw new Error(`stage ${name} passed validation but is not registered`);
  return def;
}

type Loaded = Awaited<ReturnType<typeof loadRecipe>>;

/** Loads and validates a recipe, then plans it (headers and footers only). */
export async function loadPlan(file: string, warn: (m: string) => void): Promise<Plan> {
  return planRecipe(await loadRecipe(file), warn);
}

export function planRecipe(loaded: Loaded, warn: (m: string) => void): Promise<Plan> {
  return buildPlan({ ...loaded, recipe: loaded.recipe as unknown as PlanRecipe }, lookup, warn);
}

/** Worker threads to use: the flag, else the recipe, else one per core. */
export function workerCount(flag: number | undefined, loaded: Loaded): number {
  return flag ?? loaded.recipe.runtime.workers ?? Math.max(1, os.availableParallelism());
}
