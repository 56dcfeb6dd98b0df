import type { ReducePhase } from '../plan/phases.js';
import type { Plan } from '../plan/plan.js';
import type { RunPaths } from '../run/paths.js';
import { emptyTaskStats, type TaskStats } from '../run/stats.js';
import { globalDef, guard, stageEnv } from './stage-setup.js';

/** One reduce task of a global stage: reads the partials of its bucket, writes its decision. */
export async function runReduceTask(
  plan: Plan,
  paths: RunPaths,
  phase: ReducePhase,
  task: number,
  warn: (m: string) => void,
): Promise<TaskStats> {
  const t0 = performance.now();
  const { ref, def } = globalDef(plan, phase.stage);
  const observeTasks = plan.phases[phase.observedBy]!.tasks;
  const env = { ...stageEnv(plan, paths, ref.id, task, phase.tasks, warn), observeTasks };
  const result = await guard(ref.id, () => def.reduce(ref.options, env));
  return { ...emptyTaskStats(phase.name, task), wall_ms: performance.now() - t0, reduce: result };
}
