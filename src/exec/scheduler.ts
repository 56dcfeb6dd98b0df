import { DatamillError, fromWire } from '../errors.js';
import type { Phase } from '../plan/phases.js';
import type { Plan } from '../plan/plan.js';
import type { RunPaths } from '../run/paths.js';
import type { Progress } from '../run/progress.js';
import { isDone } from '../run/state.js';
import type { WorkerPool } from './pool.js';
import { type RankInfo, tasksForRank } from './rank.js';
import type { TaskReply, TaskRequest } from './worker.js';

export interface ExecuteOptions {
  /** Created by the caller before planning, so the threads load their modules while the plan is built. */
  pool: WorkerPool;
  workers: number;
  rank: RankInfo;
  /** Run only this phase (cluster launchers run one array job per phase). */
  phase?: number;
  /** At a barrier owned partly by other ranks: poll until they finish (true) or return (false). */
  wait: boolean;
  progress: Progress;
  pollMs?: number;
}

export interface ExecuteResult {
  /** Every task of every phase has its done marker. */
  complete: boolean;
  waitingFor?: string;
  tasksRun: number;
}

/**
 * Runs this rank's tasks phase by phase on a worker pool. Between phases there is a barrier: a phase
 * starts only when every task of the previous one (whichever rank ran it) has its done marker.
 */
export async function executePlan(plan: Plan, paths: RunPaths, opts: ExecuteOptions): Promise<ExecuteResult> {
  const { pool } = opts;
  let tasksRun = 0;
  for (const phase of plan.phases) {
    if (opts.phase !== undefined && phase.index !== opts.phase) continue;
    const prev = plan.phases[phase.index - 1];
    if (prev && !(await barrier(paths, prev, opts))) {
      return { complete: false, waitingFor: prev.name, tasksRun };
    }
    const todo: number[] = [];
    for (const t of tasksForRank(phase.tasks, opts.rank))
      if (!(await isDone(paths, phase.name, t))) todo.push(t);
    tasksRun += await runPhase(pool, plan, paths, phase, todo, opts);
  }
  const last = plan.phases[plan.phases.length - 1]!;
  const complete = (await missing(paths, last)) === 0 && (await allPhasesDone(plan, paths));
  return { complete, tasksRun };
}

async function runPhase(
  pool: WorkerPool,
  plan: Plan,
  paths: RunPaths,
  phase: Phase,
  todo: number[],
  opts: ExecuteOptions,
): Promise<number> {
  if (todo.length === 0) return 0;
  const progress = new SharedArrayBuffer(16);
  const counters = new BigInt64Array(progress);
  const weight = (t: number) =>
    phase.kind === 'map' ? Math.max(1, plan.sourceTasks[t]!.slice.end - plan.sourceTasks[t]!.slice.start) : 1;
  const total = todo.reduce((s, t) => s + weight(t), 0);
  let doneWeight = 0;
  let done = 0;
  const seen = new Set<string>();
  let failure: Error | undefined;
  opts.progress.start(phase.name);
  const tick = setInterval(() => update(), 250);
  const update = () =>
    opts.progress.update({
      phase: phase.name,
      records: Number(counters[0]),
      bytes: Number(counters[1]),
      tasksDone: done,
      tasksTotal: todo.length,
      fraction: doneWeight / total,
    });
  const queue = [...todo];
  const worker = async () => {
    for (let t = queue.shift(); t !== undefined && !failure; t = queue.shift()) {
      const reply = await runOne(
        pool,
        { runDir: paths.dir, phase: phase.index, task: t, progress },
        phase.name,
        plan,
      );
      for (const w of reply.warnings)
        if (!seen.has(w)) seen.add(w) && opts.progress.log(`datamill: warning: ${w}`);
      if (!reply.ok) {
        failure ??= fromWire(reply.error);
        return;
      }
      done++;
      doneWeight += weight(t);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.workers, todo.length) }, worker));
  } finally {
    clearInterval(tick);
    update();
    opts.progress.stop();
  }
  if (failure) throw failure;
  return done;
}

async function missing(paths: RunPaths, phase: Phase): Promise<number> {
  let n = 0;
  for (let t = 0; t < phase.tasks; t++) if (!(await isDone(paths, phase.name, t))) n++;
  return n;
}

async function allPhasesDone(plan: Plan, paths: RunPaths): Promise<boolean> {
  for (const p of plan.phases) if ((await missing(paths, p)) > 0) return false;
  return true;
}

async function barrier(paths: RunPaths, prev: Phase, opts: ExecuteOptions): Promise<boolean> {
  let left = await missing(paths, prev);
  if (left === 0) return true;
  if (opts.phase !== undefined && !opts.wait) {
    throw new DatamillError(
      'usage',
      `phase ${prev.index + 1} needs phase ${prev.name} complete, but ${left} of its ${prev.tasks} tasks have no done marker; run that phase first`,
    );
  }
  if (!opts.wait) return false;
  opts.progress.log(`datamill: waiting for ${left} task(s) of phase ${prev.name} run by other ranks`);
  while (left > 0) {
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 1000));
    left = await missing(paths, prev);
  }
  return true;
}

/** One task; a worker killed for exceeding its memory budget becomes a user-facing error, not a bug. */
async function runOne(pool: WorkerPool, req: TaskRequest, phaseName: string, plan: Plan): Promise<TaskReply> {
  try {
    return await pool.run(req);
  } catch (e) {
    throw outOfMemoryError(e, req.task, phaseName, plan.recipe.runtime.worker_heap_mb) ?? e;
  }
}

/** The error to report when a worker was terminated for its heap limit (Node's ERR_WORKER_OUT_OF_MEMORY). */
export function outOfMemoryError(
  e: unknown,
  task: number,
  phaseName: string,
  heapMb: number | undefined,
): DatamillError | undefined {
  if ((e as { code?: string } | undefined)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') return undefined;
  return new DatamillError(
    'stage_failed',
    `task ${task} of phase ${phaseName} ran out of memory (worker_heap_mb: ${heapMb ?? 'unset'}), expected it to fit; raise runtime.worker_heap_mb (huge documents or Parquet row groups need more)`,
    { cause: e },
  );
}
