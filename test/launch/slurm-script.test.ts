import { describe, expect, it } from 'vitest';
import {
  arraySize,
  jobName,
  phaseJob,
  type SlurmOptions,
  scriptFileName,
  shellQuote,
  workersFor,
} from '../../src/launch/slurm-script.js';
import type { Phase } from '../../src/plan/phases.js';

const map0: Phase = {
  kind: 'map',
  index: 0,
  name: '0-map',
  stages: ['normalize'],
  observe: 'dedup',
  tasks: 10,
};
const reduce1: Phase = {
  kind: 'reduce',
  index: 1,
  name: '1-reduce-dedup',
  stage: 'dedup',
  observedBy: 0,
  tasks: 1,
};
const ctx = {
  runDir: '/runs/my run',
  recipeFile: '/r/recipe.yaml',
  bin: '/opt/datamill/bin/datamill.js',
  node: 'node',
};
const base: SlurmOptions = { ranks: 64, workersPerRank: 1, sbatchArgs: [] };

/** The `#SBATCH` directives of a script, in order. */
const directives = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('#SBATCH '))
    .map((l) => l.slice('#SBATCH '.length));

const commandLine = (text: string) => text.split('\n').find((l) => l.startsWith('exec '))!;

describe('array geometry', () => {
  it.each([
    [10, 64, 10],
    [10, 4, 4],
    [1, 64, 1],
    [0, 64, 1],
    [1000, 64, 64],
  ])('%d tasks, --ranks %d → array of %d', (tasks, ranks, want) => {
    expect(arraySize(tasks, ranks)).toBe(want);
  });
  it.each([
    [10, 10, 4, 1],
    [10, 4, 4, 3],
    [10, 2, 4, 4],
    [1, 1, 8, 1],
    [0, 1, 8, 1],
  ])('%d tasks on %d ranks, --workers-per-rank %d → %d workers', (tasks, array, k, want) => {
    expect(workersFor(tasks, array, k)).toBe(want);
  });
});

describe('names', () => {
  it.each([
    [map0, 'phase-0-map.sbatch'],
    [reduce1, 'phase-1-reduce-dedup.sbatch'],
    [{ ...reduce1, name: '1-reduce-a b/c' }, 'phase-1-reduce-a_b_c.sbatch'],
  ])('%j → %s', (phase, want) => {
    expect(scriptFileName(phase)).toBe(want);
  });
  it('job name carries the run directory name and the phase', () => {
    expect(jobName('/runs/my run', 2)).toBe('datamill-my_run-p2');
  });
  it.each([
    ['/plain/path.yaml', '/plain/path.yaml'],
    ['/with space', "'/with space'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
  ])('shellQuote(%s) = %s', (s, want) => {
    expect(shellQuote(s)).toBe(want);
  });
});

describe('phaseJob', () => {
  it.each<[string, Phase, Partial<SlurmOptions>, string[], string[]]>([
    [
      'defaults: one rank per task, no resource lines',
      map0,
      {},
      ['--array=0-9', '--cpus-per-task=1', '--ntasks=1', '--kill-on-invalid-dep=yes'],
      ['--partition', '--time', '--mem', '--account'],
    ],
    [
      'a reduce of one task is an array of one, with one worker',
      reduce1,
      { workersPerRank: 8 },
      ['--array=0-0', '--cpus-per-task=1'],
      [],
    ],
    [
      'ranks cap the array; workers are capped by tasks per rank',
      map0,
      { ranks: 4, workersPerRank: 8 },
      ['--array=0-3', '--cpus-per-task=3'],
      [],
    ],
    [
      'resources and extra directives',
      map0,
      { partition: 'cpu', time: '2:00:00', mem: '8G', account: 'lab', sbatchArgs: ['--qos=high'] },
      ['--partition=cpu', '--time=2:00:00', '--mem=8G', '--account=lab', '--qos=high'],
      [],
    ],
  ])('%s', (_, phase, opts, present, absent) => {
    const job = phaseJob(phase, ctx, { ...base, ...opts });
    const d = directives(job.text);
    for (const p of present) expect(d).toContain(p);
    for (const a of absent) expect(d.some((x) => x.startsWith(a))).toBe(false);
    expect(d).toContain(`--job-name=datamill-my_run-p${phase.index}`);
    expect(d).toContain('--output=/runs/my run/slurm/logs/%x-%A_%a.out');
    expect(job.file).toBe(`/runs/my run/slurm/${scriptFileName(phase)}`);
  });

  it('runs this rank of this phase, without waiting, with absolute quoted paths', () => {
    const job = phaseJob(map0, ctx, { ...base, ranks: 4, workersPerRank: 2 });
    expect(job).toMatchObject({ phase: 0, array: 4, workers: 2, tasks: 10 });
    expect(commandLine(job.text)).toBe(
      `exec node /opt/datamill/bin/datamill.js run /r/recipe.yaml --out '/runs/my run' --phase 0 --rank "$SLURM_ARRAY_TASK_ID" --world-size 4 --no-wait --workers 2 --quiet`,
    );
  });

  it('puts every directive before the first command (sbatch stops reading at it)', () => {
    const lines = phaseJob(map0, ctx, { ...base, sbatchArgs: ['--qos=high'] }).text.split('\n');
    expect(lines[0]).toBe('#!/bin/bash');
    const lastDirective = lines.findLastIndex((l) => l.startsWith('#SBATCH'));
    const firstCommand = lines.findIndex((l) => l !== '' && !l.startsWith('#'));
    expect(lastDirective).toBeLessThan(firstCommand);
  });
});
