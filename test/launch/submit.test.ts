import { describe, expect, it } from 'vitest';
import {
  chainCommands,
  parseJobId,
  queuedJobs,
  type Runner,
  type RunResult,
  requireSbatch,
  sbatchArgs,
  submitChain,
} from '../../src/launch/submit.js';

/** A runner that answers from a list and records every call. */
function fakeRunner(replies: RunResult[]): Runner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = ((cmd: string, args: string[]) => {
    calls.push([cmd, ...args]);
    const r = replies.shift();
    if (!r) throw new Error(`unexpected call ${cmd} ${args.join(' ')}`);
    return r;
  }) as Runner & { calls: string[][] };
  run.calls = calls;
  return run;
}

const ok = (stdout: string): RunResult => ({ status: 0, stdout, stderr: '' });

describe('parseJobId', () => {
  it.each([
    ['1234\n', '1234'],
    ['1234;cluster-a\n', '1234'],
    ['sbatch: warning: something\n77\n', '77'],
    ['Submitted batch job 12\n', undefined],
    ['', undefined],
  ])('%j → %s', (stdout, want) => {
    expect(parseJobId(stdout)).toBe(want);
  });
});

describe('sbatchArgs', () => {
  it.each([
    ['/s/a.sbatch', undefined, ['--parsable', '/s/a.sbatch']],
    ['/s/b.sbatch', '41', ['--parsable', '--dependency=afterok:41', '/s/b.sbatch']],
  ])('%s after %s', (script, after, want) => {
    expect(sbatchArgs(script, after)).toEqual(want);
  });
});

describe('submitChain', () => {
  it('chains each job on the previous one with afterok', () => {
    const run = fakeRunner([ok('10\n'), ok('11;c\n'), ok('12\n')]);
    expect(submitChain(['/a', '/b', '/c'], run)).toEqual(['10', '11', '12']);
    expect(run.calls).toEqual([
      ['sbatch', '--parsable', '/a'],
      ['sbatch', '--parsable', '--dependency=afterok:10', '/b'],
      ['sbatch', '--parsable', '--dependency=afterok:11', '/c'],
    ]);
  });

  it('stops at the first refusal and names the jobs already submitted', () => {
    const run = fakeRunner([
      ok('10\n'),
      { status: 1, stdout: '', stderr: 'sbatch: error: invalid partition specified: gpu' },
    ]);
    expect(() => submitChain(['/a', '/b', '/c'], run)).toThrow(
      /sbatch \/b failed \(sbatch: error: invalid partition specified: gpu\).*scancel 10/,
    );
    expect(run.calls).toHaveLength(2);
  });
});

describe('requireSbatch', () => {
  const enoent = Object.assign(new Error('spawnSync sbatch ENOENT'), { code: 'ENOENT' });
  it.each<[string, RunResult, RegExp | undefined]>([
    ['present', ok('slurm 22.05.8\n'), undefined],
    [
      'missing',
      { status: null, stdout: '', stderr: '', error: enoent },
      /sbatch not found on PATH.*--dry-run/,
    ],
    ['broken', { status: 1, stdout: '', stderr: 'munge: no credential' }, /exit 1: munge: no credential/],
  ])('%s', (_, reply, err) => {
    const run = fakeRunner([reply]);
    if (err) expect(() => requireSbatch(run)).toThrow(err);
    else expect(() => requireSbatch(run)).not.toThrow();
  });
});

describe('chainCommands', () => {
  it('captures each id and feeds it to the next dependency', () => {
    expect(
      chainCommands([
        { phase: 1, file: '/r/p1.sbatch' },
        { phase: 2, file: '/r dir/p2.sbatch' },
      ]),
    ).toEqual([
      'JOB1=$(sbatch --parsable /r/p1.sbatch)',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash parameter expansion, not a JS template
      "JOB2=$(sbatch --parsable --dependency=afterok:${JOB1%%;*} '/r dir/p2.sbatch')",
    ]);
  });
});

describe('queuedJobs', () => {
  it.each<[string, RunResult, string[]]>([
    [
      'jobs whose script is in this run directory, once each',
      ok(
        '12|/runs/a/slurm/phase-0-map.sbatch\n13|/runs/a/slurm/phase-1-map.sbatch\n12|/runs/a/slurm/phase-0-map.sbatch\n',
      ),
      ['12', '13'],
    ],
    [
      'not another run directory with the same prefix',
      ok('14|/runs/a2/slurm/phase-0-map.sbatch\n15|(null)\n'),
      [],
    ],
    ['no answer from squeue', { status: 1, stdout: '', stderr: 'slurm_load_jobs error' }, []],
  ])('%s', (_, reply, want) => {
    const run = fakeRunner([reply]);
    expect(queuedJobs(run, '/runs/a/slurm')).toEqual(want);
    expect(run.calls).toEqual([['squeue', '-h', '-o', '%A|%o']]);
  });
});
