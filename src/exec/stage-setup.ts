import { stageError } from '../errors.js';
import type { MapPhase, StageRef } from '../plan/phases.js';
import type { Plan } from '../plan/plan.js';
import type { RunPaths } from '../run/paths.js';
import {
  type GlobalStageDef,
  type MapProcessor,
  mapFactory,
  type Observer,
  type StageDef,
  type StageEnv,
} from '../stages/define.js';
import { getStage } from '../stages/registry.js';

export function stageRef(plan: Plan, id: string): StageRef {
  const ref = plan.recipe.stages.find((s) => s.id === id);
  if (!ref) throw new Error(`plan names stage id ${id}, which the recipe does not have`);
  return ref;
}

export function stageDef(name: string): StageDef {
  const def = getStage(name);
  if (!def) throw new Error(`stage ${name} is not registered`);
  return def;
}

export function globalDef(plan: Plan, id: string): { ref: StageRef; def: GlobalStageDef } {
  const ref = stageRef(plan, id);
  const def = stageDef(ref.stage);
  if (def.kind !== 'global') throw new Error(`stage ${id} is not a global stage`);
  return { ref, def };
}

export function stageEnv(
  plan: Plan,
  paths: RunPaths,
  stageId: string,
  task: number,
  taskCount: number,
  warn: (m: string) => void,
  mapTask = false,
): StageEnv {
  const env: StageEnv = {
    stageId,
    seed: plan.recipe.runtime.seed,
    taskIndex: task,
    taskCount,
    workDir: paths.work(stageId),
    warn: (m) => warn(`stage ${stageId}: ${m}`),
  };
  if (mapTask) env.domain = taskDomain(plan, task);
  return env;
}

/** The domain of a map task's input (`inputs[i].domain`, else `input<i>`), as the report names it. */
export function taskDomain(plan: Plan, task: number): string {
  const input = plan.sourceTasks[task]!.input;
  return plan.recipe.inputs[input]!.domain ?? `input${input}`;
}

/** The processors of a map phase, in order: the applier of the preceding global stage, then map stages. */
export async function setupProcessors(
  plan: Plan,
  paths: RunPaths,
  phase: MapPhase,
  task: number,
  warn: (m: string) => void,
): Promise<{ id: string; proc: MapProcessor; preservesRow: boolean }[]> {
  const out: { id: string; proc: MapProcessor; preservesRow: boolean }[] = [];
  const env = (id: string) => stageEnv(plan, paths, id, task, phase.tasks, warn, true);
  if (phase.apply) {
    const { ref, def } = globalDef(plan, phase.apply);
    const reduce = plan.phases.find((p) => p.kind === 'reduce' && p.stage === phase.apply);
    const proc = await guard(ref.id, () =>
      def.applier(ref.options, { ...env(ref.id), reduceTasks: reduce?.tasks ?? 1 }),
    );
    out.push({ id: ref.id, proc, preservesRow: def.preservesRow?.(ref.options) === true });
  }
  for (const id of phase.stages) {
    const ref = stageRef(plan, id);
    const def = stageDef(ref.stage);
    const create = mapFactory(def, ref.options);
    if (!create) throw new Error(`stage ${id} is not a map stage`);
    const proc = await guard(id, () => create(ref.options, env(id)));
    out.push({ id, proc, preservesRow: def.preservesRow?.(ref.options) === true });
  }
  return out;
}

export async function setupObserver(
  plan: Plan,
  paths: RunPaths,
  phase: MapPhase,
  task: number,
  warn: (m: string) => void,
): Promise<Observer | undefined> {
  if (!phase.observe) return undefined;
  const { ref, def } = globalDef(plan, phase.observe);
  const env = stageEnv(plan, paths, ref.id, task, phase.tasks, warn, true);
  return guard(ref.id, () => def.observer(ref.options, { ...env, observeTasks: phase.tasks }));
}

/** Runs stage code, wrapping a non-datamill failure so the message names the stage. */
export async function guard<T>(stageId: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error && e.name === 'DatamillError') throw e;
    throw stageError(stageId, e instanceof Error ? e.message : String(e), e);
  }
}
