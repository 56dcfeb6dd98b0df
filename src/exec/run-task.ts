import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import type { Plan } from '../plan/plan.js';
import { type RunPaths, taskTag } from '../run/paths.js';
import type { TaskStats } from '../run/stats.js';
import { runMapTask, type TaskHooks } from './map-task.js';
import { runReduceTask } from './reduce-task.js';

/**
 * Runs task `task` of phase `phaseIndex` to completion: clears what an interrupted attempt left, runs it,
 * writes its stats, and writes the done marker last, so a marker always means complete outputs.
 */
export async function runTask(
  plan: Plan,
  paths: RunPaths,
  phaseIndex: number,
  task: number,
  hooks: TaskHooks,
): Promise<TaskStats> {
  const phase = plan.phases[phaseIndex];
  if (!phase) throw new Error(`plan has no phase ${phaseIndex}`);
  const started = Date.now();
  if (phase.kind === 'map') await clearTaskFiles(paths, phaseIndex, task);
  const stats =
    phase.kind === 'map'
      ? await runMapTask(plan, paths, phase, task, hooks)
      : await runReduceTask(plan, paths, phase, task, hooks.warn);
  // Epoch ms (not performance.now(): ranks on other machines share only the clock) for the run's wall time.
  stats.started_ms = started;
  stats.ended_ms = Date.now();
  const statsFile = paths.stats(phase.name, task);
  const doneFile = paths.done(phase.name, task);
  await mkdir(path.dirname(statsFile), { recursive: true });
  await mkdir(path.dirname(doneFile), { recursive: true });
  await writeFileAtomic(statsFile, `${JSON.stringify(stats)}\n`);
  await writeFileAtomic(doneFile, '');
  return stats;
}

/** Removes files (and temp files) an earlier, killed attempt of this map task may have left. */
async function clearTaskFiles(paths: RunPaths, phaseIndex: number, task: number): Promise<void> {
  const tag = taskTag(task);
  const stem = `part-p${phaseIndex}-${tag}`;
  await clearPrefix(paths.data, `part-${tag}-`);
  await clearPrefix(paths.ledger, stem);
  await clearPrefix(paths.quarantine, stem);
  const rejectedRoot = paths.rejected('');
  for (const d of await readdir(rejectedRoot).catch(() => [] as string[]))
    await clearPrefix(paths.rejected(d), stem);
}

async function clearPrefix(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) if (n.includes(prefix)) await rm(`${dir}/${n}`, { force: true });
}
