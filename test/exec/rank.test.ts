import { describe, expect, it } from 'vitest';
import { resolveRank, tasksForRank } from '../../src/exec/rank.js';

describe('resolveRank', () => {
  it.each([
    [{}, {}, 0, 1],
    [{ rank: 1, worldSize: 3 }, { SLURM_ARRAY_TASK_ID: '0' }, 1, 3],
    [{}, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '3' }, 2, 4],
    [{}, { JOB_COMPLETION_INDEX: '2', DATAMILL_WORLD_SIZE: '3' }, 2, 3],
    [{}, { AWS_BATCH_JOB_ARRAY_INDEX: '1', AWS_BATCH_JOB_ARRAY_SIZE: '2' }, 1, 2],
  ])('flags %j env %j → %d/%d', (flags, env, rank, world) => {
    expect(resolveRank(flags, env)).toMatchObject({ rank, worldSize: world });
  });
  it.each([
    [{ rank: 3, worldSize: 3 }, {}, /rank must be an integer in 0..2/],
    [{ worldSize: 0 }, {}, /world size must be a positive integer/],
    [{}, { SLURM_ARRAY_TASK_ID: '1' }, /SLURM_ARRAY_TASK_COUNT/],
    [{}, { JOB_COMPLETION_INDEX: '1' }, /world-size/],
  ])('rejects %j %j', (flags, env, msg) => {
    expect(() => resolveRank(flags, env)).toThrow(msg);
  });
});

describe('tasksForRank', () => {
  it('partitions the tasks exactly once across ranks', () => {
    const all = [0, 1, 2].flatMap((r) => tasksForRank(10, { rank: r, worldSize: 3, from: '' }));
    expect(all.sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
  });
});
