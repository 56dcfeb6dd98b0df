/**
 * One Slurm batch script per phase: an array job whose elements each run one rank's slice of that phase
 * (`datamill run --phase N --rank $SLURM_ARRAY_TASK_ID --world-size W --no-wait`). Pure: text only.
 */
import path from 'node:path';
import type { Phase } from '../plan/phases.js';

/** What `datamill launch slurm` asks of every array job (resources are per array element). */
export interface SlurmOptions {
  /** Largest array per phase; a phase with fewer tasks gets one element per task. */
  ranks: number;
  /** Worker threads (and `--cpus-per-task`) per array element, before capping by tasks per rank. */
  workersPerRank: number;
  partition?: string;
  time?: string;
  mem?: string;
  account?: string;
  /** Extra `#SBATCH` directives, verbatim (`--qos=high`, `--constraint=ssd`). */
  sbatchArgs: string[];
}

/** Where everything lives, all absolute: compute nodes start in another shell, maybe another directory. */
export interface ScriptContext {
  runDir: string;
  recipeFile: string;
  /** bin/datamill.js of this installation. */
  bin: string;
  /** Executable that runs `bin` on the compute node. */
  node: string;
}

/** One phase's array job: its geometry and its script. */
export interface PhaseJob {
  phase: number;
  name: string;
  tasks: number;
  /** Array elements = ranks of this phase (`--world-size`). */
  array: number;
  workers: number;
  /** Absolute path of the script under RUN_DIR/slurm/. */
  file: string;
  text: string;
}

/** Ranks of a phase: one per task up to `ranks` (a reduce with 1 task is an array of 1). */
export function arraySize(tasks: number, ranks: number): number {
  return Math.max(1, Math.min(tasks, ranks));
}

/** Workers per element: more threads than the rank has tasks would idle (each task runs on one thread). */
export function workersFor(tasks: number, array: number, workersPerRank: number): number {
  return Math.max(1, Math.min(workersPerRank, Math.ceil(tasks / array)));
}

/** `phase-<n>-<kind and stage>.sbatch`; the phase name already starts with its index. */
export function scriptFileName(phase: Phase): string {
  const rest = phase.name.startsWith(`${phase.index}-`)
    ? phase.name.slice(`${phase.index}-`.length)
    : phase.name;
  return `phase-${phase.index}-${safeName(rest)}.sbatch`;
}

/** `datamill-<run dir name>-p<n>`: what squeue shows and what `%x` expands to in the log name. */
export function jobName(runDir: string, phase: number): string {
  return `datamill-${safeName(path.basename(runDir))}-p${phase}`;
}

/** The phase's array job; `phase` and `opts` decide the geometry, `ctx` the paths. */
export function phaseJob(phase: Phase, ctx: ScriptContext, opts: SlurmOptions): PhaseJob {
  const array = arraySize(phase.tasks, opts.ranks);
  const workers = workersFor(phase.tasks, array, opts.workersPerRank);
  const file = path.join(ctx.runDir, 'slurm', scriptFileName(phase));
  return {
    phase: phase.index,
    name: phase.name,
    tasks: phase.tasks,
    array,
    workers,
    file,
    text: scriptText(phase, ctx, opts, { array, workers }),
  };
}

function scriptText(
  phase: Phase,
  ctx: ScriptContext,
  opts: SlurmOptions,
  geo: { array: number; workers: number },
): string {
  const directives = [
    `--job-name=${jobName(ctx.runDir, phase.index)}`,
    `--array=0-${geo.array - 1}`,
    '--ntasks=1',
    `--cpus-per-task=${geo.workers}`,
    `--output=${path.join(ctx.runDir, 'slurm', 'logs', '%x-%A_%a.out')}`,
    // Without it, a phase whose predecessor failed stays pending forever (DependencyNeverSatisfied).
    '--kill-on-invalid-dep=yes',
    ...(opts.partition !== undefined ? [`--partition=${opts.partition}`] : []),
    ...(opts.account !== undefined ? [`--account=${opts.account}`] : []),
    ...(opts.time !== undefined ? [`--time=${opts.time}`] : []),
    ...(opts.mem !== undefined ? [`--mem=${opts.mem}`] : []),
    ...opts.sbatchArgs,
  ];
  const command = [
    'exec',
    shellQuote(ctx.node),
    shellQuote(ctx.bin),
    'run',
    shellQuote(ctx.recipeFile),
    '--out',
    shellQuote(ctx.runDir),
    '--phase',
    String(phase.index),
    '--rank',
    '"$SLURM_ARRAY_TASK_ID"',
    '--world-size',
    String(geo.array),
    '--no-wait',
    '--workers',
    String(geo.workers),
    '--quiet',
  ];
  return [
    '#!/bin/bash',
    `# datamill: phase ${phase.name} (${phase.tasks} task(s) on ${geo.array} rank(s)) of ${ctx.recipeFile}`,
    '# Written by `datamill launch slurm`; rerunning a rank skips its tasks that have a done marker.',
    ...directives.map((d) => `#SBATCH ${d}`),
    'set -euo pipefail',
    command.join(' '),
    '',
  ].join('\n');
}

/** Quotes a word for bash unless it is plainly safe (keeps scripts readable). */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '_');
}
