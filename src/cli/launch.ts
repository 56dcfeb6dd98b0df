/**
 * `datamill launch slurm RECIPE`: plan, prepare the run directory as `datamill run` would, write one array
 * script per phase under RUN_DIR/slurm/, and submit them chained with afterok (or print the commands).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { usageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { type PhaseJob, phaseJob, type SlurmOptions } from '../launch/slurm-script.js';
import {
  chainCommands,
  queuedJobs,
  type Runner,
  requireSbatch,
  spawnRunner,
  submitChain,
} from '../launch/submit.js';
import type { Plan } from '../plan/plan.js';
import { loadRecipe, recipeHash } from '../recipe/load.js';
import { type RunPaths, runPaths } from '../run/paths.js';
import { isDone, openRunDir } from '../run/state.js';
import { planRecipe } from './load.js';

export interface LaunchFlags {
  ranks: number;
  workersPerRank?: number;
  partition?: string;
  time?: string;
  mem?: string;
  account?: string;
  sbatchArg?: string[];
  out?: string;
  restart?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** bin/datamill.js of this installation (dist/cli/launch.js and src/cli/launch.ts sit at the same depth). */
const BIN = fileURLToPath(new URL('../../bin/datamill.js', import.meta.url));

const log = (m: string) => process.stderr.write(`${m}\n`);

export async function launchSlurmCommand(
  file: string,
  flags: LaunchFlags,
  run: Runner = spawnRunner,
): Promise<void> {
  const sbatchArgs = (flags.sbatchArg ?? []).map(checkSbatchArg);
  if (!flags.dryRun) requireSbatch(run);
  const loaded = await loadRecipe(file);
  // Exactly as `datamill run --out` does, so the ranks reopen this run directory instead of refusing it.
  if (flags.out !== undefined) {
    loaded.recipe.output.dir = path.resolve(flags.out);
    loaded.hash = recipeHash(loaded.recipe);
  }
  const plan = await planRecipe(loaded, (m) => log(`datamill: warning: ${m}`));
  const paths = runPaths(plan.recipe.output.dir);
  // Before openRunDir: --restart deletes the run directory, under the feet of a chain still running.
  if (!flags.dryRun) refuseQueued(run, paths);
  const state = await openRunDir(plan, paths, flags.restart === true);
  const opts: SlurmOptions = {
    ranks: flags.ranks,
    workersPerRank: flags.workersPerRank ?? loaded.recipe.runtime.workers ?? 1,
    sbatchArgs,
  };
  for (const k of ['partition', 'time', 'mem', 'account'] as const)
    if (flags[k] !== undefined) opts[k] = flags[k];
  const jobs = await writeScripts(plan, paths, opts);
  log(
    `datamill: ${state === 'resumed' ? 'resuming' : 'prepared'} ${paths.dir}: ${plan.phases.length} phases, ${jobs.length} to run; scripts in ${path.join(paths.dir, 'slurm')}`,
  );
  if (jobs.length === 0) {
    log(`datamill: every task of every phase is done; nothing to submit (report: ${paths.reportMd})`);
    if (flags.json) printJson(paths.dir, []);
    return;
  }
  if (flags.dryRun) {
    const commands = chainCommands(jobs);
    if (flags.json) printJson(paths.dir, jobs, undefined, commands);
    else process.stdout.write(`${commands.join('\n')}\n`);
    log('datamill: dry run: nothing submitted; run the lines above (bash) to submit the chain');
    return;
  }
  submit(jobs, paths, run, flags.json === true);
}

/** Submits the chain; job ids and where to look on stderr, the JSON summary on stdout when asked. */
function submit(jobs: PhaseJob[], paths: RunPaths, run: Runner, json: boolean): void {
  const ids = submitChain(
    jobs.map((j) => j.file),
    run,
  );
  for (const [i, j] of jobs.entries()) {
    log(
      `  phase ${j.name}: job ${ids[i]}, array 0-${j.array - 1} (${j.array} rank(s) × ${j.workers} worker(s)), ${j.file}`,
    );
  }
  log(`datamill: submitted ${ids.length} array job(s); watch: squeue -j ${ids.join(',')}`);
  log(`datamill: logs in ${path.join(paths.dir, 'slurm', 'logs')}; the last phase writes ${paths.reportMd}`);
  if (json) printJson(paths.dir, jobs, ids);
}

/** A second chain over the same run directory while the first is queued would run tasks twice at once. */
function refuseQueued(run: Runner, paths: RunPaths): void {
  const running = queuedJobs(run, path.join(paths.dir, 'slurm'));
  if (running.length > 0) {
    throw usageError(
      `launch slurm: jobs ${running.join(',')} of ${paths.dir} are still queued or running, expected none (a second chain would run the same tasks twice); wait for them (squeue -j ${running.join(',')}) or scancel ${running.join(' ')}, then launch again`,
    );
  }
}

/** Writes every phase's script; returns the jobs to submit: phases that still have a task without its marker. */
async function writeScripts(plan: Plan, paths: RunPaths, opts: SlurmOptions): Promise<PhaseJob[]> {
  const ctx = { runDir: paths.dir, recipeFile: plan.recipeFile, bin: BIN, node: 'node' };
  // sbatch opens --output itself and fails the element when the directory is missing.
  await mkdir(path.join(paths.dir, 'slurm', 'logs'), { recursive: true });
  const todo: PhaseJob[] = [];
  for (const phase of plan.phases) {
    const job = phaseJob(phase, ctx, opts);
    await writeFileAtomic(job.file, job.text);
    if (!(await phaseDone(paths, phase.name, phase.tasks))) todo.push(job);
  }
  return todo;
}

async function phaseDone(paths: RunPaths, name: string, tasks: number): Promise<boolean> {
  for (let t = 0; t < tasks; t++) if (!(await isDone(paths, name, t))) return false;
  return true;
}

/** An `#SBATCH` directive must be one option on one line, else it could end the header or inject a command. */
function checkSbatchArg(a: string): string {
  const s = a.trim();
  if (!s.startsWith('-') || /[\n\r]/.test(s))
    throw usageError(`--sbatch-arg: expected one sbatch option such as "--qos=high", got "${a}"`);
  return s;
}

function printJson(runDir: string, jobs: PhaseJob[], ids?: string[], commands?: string[]): void {
  const out = {
    run_dir: runDir,
    jobs: jobs.map((j, i) => ({
      phase: j.phase,
      name: j.name,
      job_id: ids?.[i] ?? null,
      array: `0-${j.array - 1}`,
      world_size: j.array,
      workers: j.workers,
      script: j.file,
    })),
    ...(commands ? { commands } : {}),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
