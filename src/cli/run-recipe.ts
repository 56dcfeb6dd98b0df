import path from 'node:path';
import { createPool, type PoolLimits, type WorkerPool } from '../exec/pool.js';
import { resolveRank } from '../exec/rank.js';
import { executePlan } from '../exec/scheduler.js';
import { type LoadedRecipe, loadRecipe, recipeHash } from '../recipe/load.js';
import { runPaths } from '../run/paths.js';
import { createProgress } from '../run/progress.js';
import { type Report, writeReport } from '../run/report.js';
import { openRunDir } from '../run/state.js';
import { planRecipe, workerCount } from './load.js';

export interface RunFlags {
  workers?: number;
  rank?: number;
  worldSize?: number;
  phase?: number;
  restart?: boolean;
  /** Run directory instead of the recipe's output.dir (resolved against the current directory). */
  out?: string;
  wait?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** The worker pool, started before the recipe was validated with the size it was started with. */
export interface EarlyPool extends PoolLimits {
  pool: WorkerPool;
  workers: number;
}

/** What a complete run left: its directory and its report (undefined while other ranks still work). */
export interface RunOutcome {
  dir: string;
  report: Report | undefined;
}

/**
 * `datamill run RECIPE` once `early` threads are loading their modules: validate, plan, open (or resume) the
 * run directory, run this rank's tasks, report. When the validated worker count or heap budget differs
 * from the early guess, `early.pool` is replaced by a new pool; the caller closes whichever is there.
 */
export async function runRecipe(file: string, flags: RunFlags, early: EarlyPool): Promise<RunOutcome> {
  return runLoadedRecipe(await loadRecipe(file), flags, early);
}

/** As {@link runRecipe}, for a recipe already loaded and validated (e.g. built in memory by `datamill check`). */
export async function runLoadedRecipe(
  loaded: LoadedRecipe,
  flags: RunFlags,
  early: EarlyPool,
): Promise<RunOutcome> {
  const progress = await createProgress(flags.quiet ? 'none' : 'auto');
  const warn = (m: string) => progress.log(`datamill: warning: ${m}`);
  if (flags.out !== undefined) {
    loaded.recipe.output.dir = path.resolve(flags.out);
    loaded.hash = recipeHash(loaded.recipe);
  }
  const rank = resolveRank({ rank: flags.rank, worldSize: flags.worldSize });
  const workers = workerCount(flags.workers, loaded);
  const limits: PoolLimits = {
    heapMb: loaded.recipe.runtime.worker_heap_mb,
    stages: loaded.recipe.stages.length > 0,
  };
  if (workers !== early.workers || limits.heapMb !== early.heapMb || limits.stages !== early.stages) {
    await early.pool.close();
    Object.assign(early, { pool: createPool(workers, limits), workers, ...limits });
  }
  return runWithPool(loaded, flags, { pool: early.pool, workers, rank, progress, warn });
}

async function runWithPool(
  loaded: LoadedRecipe,
  flags: RunFlags,
  ctx: {
    pool: WorkerPool;
    workers: number;
    rank: ReturnType<typeof resolveRank>;
    progress: Awaited<ReturnType<typeof createProgress>>;
    warn: (m: string) => void;
  },
): Promise<RunOutcome> {
  const { pool, workers, rank, progress, warn } = ctx;
  const plan = await planRecipe(loaded, warn);
  const paths = runPaths(plan.recipe.output.dir);
  const state = await openRunDir(plan, paths, flags.restart === true);
  progress.log(
    `datamill: ${state === 'resumed' ? 'resuming' : 'starting'} ${paths.dir}: ${plan.manifest.length} files, ${plan.sourceTasks.length} tasks, ${plan.phases.length} phases, ${workers} workers, rank ${rank.rank}/${rank.worldSize} (${rank.from})`,
  );
  const result = await executePlan(plan, paths, {
    pool,
    workers,
    rank,
    phase: flags.phase,
    wait: flags.wait !== false,
    progress,
  });
  if (!result.complete) {
    progress.log(
      `datamill: this rank is done (${result.tasksRun} tasks); the run completes when every rank has finished${result.waitingFor ? ` (waiting for ${result.waitingFor})` : ''}`,
    );
    return { dir: paths.dir, report: undefined };
  }
  const report = await writeReport(plan, paths);
  if (flags.json) process.stdout.write(`${JSON.stringify(summary(report, paths.dir))}\n`);
  progress.log(summaryLine(report, paths.dir));
  return { dir: paths.dir, report };
}

function summary(r: Report, dir: string) {
  return {
    run_dir: dir,
    documents: r.documents,
    input_bytes: r.input_bytes,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    tokens: r.tokens,
    stages: r.stages.map((s) => ({
      id: s.id,
      in: s.in,
      out: s.out,
      dropped: s.dropped,
      wall_ms: Math.round(s.wall_ms),
    })),
  };
}

function summaryLine(r: Report, dir: string): string {
  const d = r.documents;
  return `datamill: done: read ${d.read}, kept ${d.out}, dropped ${d.dropped}, quarantined ${d.quarantined}; report: ${dir}/report.md`;
}
