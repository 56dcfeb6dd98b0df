/**
 * Submitting the phase scripts: `sbatch --parsable`, each job after the first depending on the previous
 * one with `afterok`. The process runner is injected so tests never need Slurm.
 */
import { spawnSync } from 'node:child_process';
import { DatamillError, usageError } from '../errors.js';
import { shellQuote } from './slurm-script.js';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started (ENOENT: not installed). */
  error?: NodeJS.ErrnoException;
}

/** Runs a program to completion, capturing its output. */
export type Runner = (cmd: string, args: string[]) => RunResult;

export const spawnRunner: Runner = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const out: RunResult = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  if (r.error) out.error = r.error as NodeJS.ErrnoException;
  return out;
};

/** Refuses early, before anything is written, when sbatch cannot run here. */
export function requireSbatch(run: Runner): void {
  const r = run('sbatch', ['--version']);
  if (r.error?.code === 'ENOENT') {
    throw usageError(
      'launch slurm: sbatch not found on PATH, expected a Slurm client; run this on a Slurm login node (or install Slurm), or pass --dry-run to only write the scripts and print the sbatch commands',
    );
  }
  if (r.error || r.status !== 0) {
    throw usageError(
      `launch slurm: \`sbatch --version\` failed (${r.error?.message ?? `exit ${r.status}`}${r.stderr.trim() ? `: ${r.stderr.trim()}` : ''}), expected a working Slurm client; pass --dry-run to only write the scripts`,
    );
  }
}

/**
 * Job ids (array job ids) still queued or running whose script is in `scriptDir`: a second chain over the
 * same run directory would run the same tasks twice at once. Best effort: no answer from squeue, no ids.
 */
export function queuedJobs(run: Runner, scriptDir: string): string[] {
  const r = run('squeue', ['-h', '-o', '%A|%o']);
  if (r.status !== 0) return [];
  const prefix = scriptDir.endsWith('/') ? scriptDir : `${scriptDir}/`;
  const ids = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    const [id, command] = line.trim().split('|');
    if (id && command?.startsWith(prefix)) ids.add(id);
  }
  return [...ids];
}

/** sbatch's arguments for one script; `after` is the job id it waits for (afterok). */
export function sbatchArgs(script: string, after?: string): string[] {
  return ['--parsable', ...(after !== undefined ? [`--dependency=afterok:${after}`] : []), script];
}

/** `sbatch --parsable` prints `jobid` or `jobid;cluster`; the id is what `--dependency` takes. */
export function parseJobId(stdout: string): string | undefined {
  const id = stdout.trim().split('\n').pop()?.split(';')[0]?.trim();
  return id && /^\d+$/.test(id) ? id : undefined;
}

/** Submits `scripts` in order as a dependency chain; returns their job ids. */
export function submitChain(scripts: string[], run: Runner): string[] {
  const ids: string[] = [];
  for (const script of scripts) {
    const r = run('sbatch', sbatchArgs(script, ids[ids.length - 1]));
    const id = r.status === 0 ? parseJobId(r.stdout) : undefined;
    if (id === undefined) {
      const why = r.error?.message ?? (r.stderr.trim() || `exit ${r.status}, output "${r.stdout.trim()}"`);
      const cancel = ids.length ? `; already submitted: ${ids.join(' ')} (scancel ${ids.join(' ')})` : '';
      throw new DatamillError(
        'usage',
        `launch slurm: sbatch ${script} failed (${why}), expected a job id${cancel}; fix the sbatch options and launch again (done tasks are skipped)`,
      );
    }
    ids.push(id);
  }
  return ids;
}

/** The chain as shell lines a person can paste: each job id captured into JOB<n>. */
export function chainCommands(scripts: { phase: number; file: string }[]): string[] {
  return scripts.map((s, i) => {
    const prev = scripts[i - 1];
    const dep = prev ? ` --dependency=afterok:\${JOB${prev.phase}%%;*}` : '';
    return `JOB${s.phase}=$(sbatch --parsable${dep} ${shellQuote(s.file)})`;
  });
}
