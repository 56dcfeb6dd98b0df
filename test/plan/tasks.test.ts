import { describe, expect, it } from 'vitest';
import type { ManifestFile } from '../../src/plan/manifest.js';
import { groupUnits, planSourceTasks } from '../../src/plan/tasks.js';

const file = (over: Partial<ManifestFile>): ManifestFile => ({
  input: 0,
  path: '/x',
  shard: 'x',
  format: 'jsonl',
  compression: 'none',
  bytes: 0,
  ...over,
});

describe('planSourceTasks', () => {
  it('cuts uncompressed JSONL into byte ranges covering the file', () => {
    const tasks = planSourceTasks([file({ bytes: 250 })], 100);
    expect(tasks.map((t) => [t.slice.start, t.slice.end])).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
  });
  it('keeps compressed JSONL whole', () => {
    const tasks = planSourceTasks([file({ bytes: 250, compression: 'gzip' })], 100);
    expect(tasks.map((t) => [t.slice.start, t.slice.end])).toEqual([[0, 250]]);
  });
  it('groups Parquet row groups up to the task size', () => {
    const tasks = planSourceTasks([file({ format: 'parquet', units: [60, 60, 30, 200, 10] })], 100);
    expect(tasks.map((t) => [t.slice.start, t.slice.end])).toEqual([
      [0, 1],
      [1, 3],
      [3, 4],
      [4, 5],
    ]);
  });
  it('is a pure function of the manifest', () => {
    const m = [file({ bytes: 1234 }), file({ input: 1, path: '/y', format: 'parquet', units: [5, 5] })];
    expect(planSourceTasks(m, 300)).toEqual(planSourceTasks(structuredClone(m), 300));
  });
});

describe('groupUnits', () => {
  it.each([
    [[], 10, [[0, 0]]],
    [[5], 1, [[0, 1]]],
    [
      [3, 3, 3, 3],
      6,
      [
        [0, 2],
        [2, 4],
      ],
    ],
  ])('%j by %d → %j', (units, limit, want) => {
    expect(groupUnits(units, limit)).toEqual(want);
  });
});
