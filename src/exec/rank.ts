import { usageError } from '../errors.js';

export interface RankInfo {
  rank: number;
  worldSize: number;
  /** Where the numbers came from, for the log line. */
  from: string;
}

type Env = Record<string, string | undefined>;

/**
 * This process's slice of the tasks: explicit flags win; else the scheduler's array index, as the anchors
 * read it (Slurm arrays, Kubernetes indexed Jobs, AWS Batch arrays); else the whole run.
 */
export function resolveRank(flags: { rank?: number; worldSize?: number }, env: Env = process.env): RankInfo {
  if (flags.rank !== undefined || flags.worldSize !== undefined) {
    return check(flags.rank ?? 0, flags.worldSize ?? 1, '--rank/--world-size');
  }
  const slurm = env.SLURM_ARRAY_TASK_ID;
  if (slurm !== undefined) {
    const count = env.SLURM_ARRAY_TASK_COUNT;
    const min = Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
    if (count === undefined)
      throw usageError('SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --world-size');
    return check(Number(slurm) - min, Number(count), 'SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT');
  }
  const k8s = env.JOB_COMPLETION_INDEX;
  if (k8s !== undefined) {
    const size = env.DATAMILL_WORLD_SIZE;
    if (size === undefined)
      throw usageError(
        "JOB_COMPLETION_INDEX is set; pass --world-size (or DATAMILL_WORLD_SIZE) with the Job's completions",
      );
    return check(Number(k8s), Number(size), 'JOB_COMPLETION_INDEX/DATAMILL_WORLD_SIZE');
  }
  const aws = env.AWS_BATCH_JOB_ARRAY_INDEX;
  if (aws !== undefined && env.AWS_BATCH_JOB_ARRAY_SIZE !== undefined) {
    return check(Number(aws), Number(env.AWS_BATCH_JOB_ARRAY_SIZE), 'AWS_BATCH_JOB_ARRAY_INDEX/SIZE');
  }
  return { rank: 0, worldSize: 1, from: 'single process' };
}

function check(rank: number, worldSize: number, from: string): RankInfo {
  if (!Number.isInteger(worldSize) || worldSize < 1)
    throw usageError(`${from}: world size must be a positive integer, got ${worldSize}`);
  if (!Number.isInteger(rank) || rank < 0 || rank >= worldSize) {
    throw usageError(`${from}: rank must be an integer in 0..${worldSize - 1}, got ${rank}`);
  }
  return { rank, worldSize, from };
}

/** Tasks of a phase owned by a rank: strided, so every rank gets the same share whatever the phase size. */
export function tasksForRank(taskCount: number, r: RankInfo): number[] {
  const out: number[] = [];
  for (let t = r.rank; t < taskCount; t += r.worldSize) out.push(t);
  return out;
}
