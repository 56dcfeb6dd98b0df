/**
 * `datamill launch slurm` without Slurm: the generated scripts, run by bash for every array index (phases
 * in order, as afterok chains them), produce the same output as a plain local run; a fake sbatch checks
 * the submission chain. Runs the BUILT CLI (`npx tsc` first).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, tempDir, writeRecipe } from '../e2e/cli.js';
import { expectSameAsLocal, type LaunchJson, launchRecipes, localRun } from '../launch/e2e.js';

function launch(args: string[], env: Record<string, string> = {}) {
  return datamill(['launch', 'slurm', ...args], undefined, env);
}

function launchJson(args: string[], env: Record<string, string> = {}): LaunchJson {
  const r = launch([...args, '--json'], env);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as LaunchJson;
}

/** What Slurm would do with one array job: run the script once per index (here one after another). */
function runArrayJob(job: LaunchJson['jobs'][number]): void {
  for (let i = 0; i < job.world_size; i++) {
    const r = spawnSync('bash', [job.script], {
      encoding: 'utf8',
      env: { ...process.env, SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: String(job.world_size) },
    });
    expect(r.status, `${job.script} index ${i}: ${r.stderr}`).toBe(0);
  }
}

describe('launch slurm --dry-run, scripts run by bash', () => {
  const dir = tempDir('launch');
  const recipes = launchRecipes(dir);

  it.each(Object.keys(recipes))('%s: same output as datamill run, report written', (name) => {
    const recipe = recipes[name]!;
    const localDir = path.join(dir, `${name}-local`);
    const local = localRun(recipe, localDir);
    const runDir = path.join(dir, `${name}-slurm`);
    const dryRun = [recipe, '--out', runDir, '--dry-run', '--ranks', '3', '--workers-per-rank', '2'];
    const plan = launchJson(dryRun);
    expect(plan.run_dir).toBe(runDir);
    expect(plan.jobs.map((j) => j.phase)).toEqual([...plan.jobs.keys()]);
    expect(plan.jobs.length).toBeGreaterThanOrEqual(3);
    expect(plan.jobs.every((j) => j.job_id === null && existsSync(j.script))).toBe(true);
    expect(plan.commands?.[1]).toMatch(/--dependency=afterok:/);

    const [first, ...rest] = plan.jobs;
    runArrayJob(first!);
    expect(existsSync(path.join(runDir, 'report.json'))).toBe(false);
    // Relaunching after the first phase finished resubmits only what is left.
    const again = launchJson(dryRun);
    expect(again.jobs.map((j) => j.phase)).toEqual(rest.map((j) => j.phase));
    for (const job of rest) runArrayJob(job);

    expectSameAsLocal(runDir, localDir, local);
    const done = launch([recipe, '--out', runDir, '--dry-run']);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/every task of every phase is done; nothing to submit/);
  });

  it('a reduce phase of one task gets an array of one', () => {
    const recipe = writeRecipe(
      dir,
      'exact.yaml',
      'inputs:\n  - path: in-*.jsonl\noutput:\n  dir: out-exact\nstages:\n  - stage: dedup-exact\n    options:\n      buckets: 1\n',
    );
    const { jobs } = launchJson([recipe, '--dry-run', '--ranks', '3']);
    expect(jobs.map((j) => [j.name, j.world_size])).toEqual([
      ['0-map', 3],
      ['1-reduce-dedup-exact', 1],
      ['2-map', 3],
    ]);
  });
});

describe('launch slurm: refusals', () => {
  const dir = tempDir('launch-refuse');
  const recipes = launchRecipes(dir);

  it('refuses a changed recipe on an existing run directory unless --restart', () => {
    const runDir = path.join(dir, 'run');
    expect(launch([recipes.minhash!, '--out', runDir, '--dry-run']).status).toBe(0);
    const changed = writeRecipe(
      dir,
      'changed.yaml',
      readFileSync(recipes.minhash!, 'utf8').replace('seed: 7', 'seed: 8'),
    );
    const r = launch([changed, '--out', runDir, '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/different recipe.*--restart/);
    expect(launch([changed, '--out', runDir, '--dry-run', '--restart']).status).toBe(0);
  });

  it('names the fix when sbatch is not installed', () => {
    const bin = path.join(dir, 'bin-no-sbatch');
    spawnSync('mkdir', ['-p', bin]);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const r = launch([recipes.minhash!, '--out', path.join(dir, 'no-sbatch')], { PATH: bin });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/sbatch not found on PATH.*install Slurm.*--dry-run/);
    expect(existsSync(path.join(dir, 'no-sbatch'))).toBe(false);
  });

  it.each([['qos=high'], ['--qos=high\n#SBATCH --x']])('rejects --sbatch-arg %j', (arg) => {
    const r = launch([recipes.minhash!, '--dry-run', `--sbatch-arg=${arg}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--sbatch-arg: expected one sbatch option/);
  });
});

describe('launch slurm with a fake sbatch', () => {
  const dir = tempDir('launch-fake');
  const recipes = launchRecipes(dir);

  it('submits the phases in order, each after the previous with afterok', () => {
    const bin = path.join(dir, 'fake-bin');
    const calls = path.join(dir, 'sbatch-calls');
    spawnSync('mkdir', ['-p', bin]);
    // Job ids 100, 101, ...: one line per call in `calls`, `--version` answered as Slurm does.
    writeFileSync(
      path.join(bin, 'sbatch'),
      `#!/bin/bash\nif [ "$1" = --version ]; then echo "slurm 22.05.8"; exit 0; fi\necho "$*" >> ${calls}\necho "$((100 + $(wc -l < ${calls}) - 1));local"\n`,
    );
    // squeue lists what `queue` holds, as `%A|%o` (array job id, script).
    const queue = path.join(dir, 'queue');
    writeFileSync(queue, '');
    writeFileSync(path.join(bin, 'squeue'), `#!/bin/bash\ncat ${queue}\n`);
    for (const f of ['sbatch', 'squeue']) chmodSync(path.join(bin, f), 0o755);
    const runDir = path.join(dir, 'run');
    const out = launchJson([recipes.minhash!, '--out', runDir, '--partition', 'cpu'], {
      PATH: `${bin}:${process.env.PATH}`,
    });
    expect(out.jobs.map((j) => j.job_id)).toEqual(['100', '101', '102']);
    const lines = readFileSync(calls, 'utf8').trim().split('\n');
    expect(lines).toEqual(
      out.jobs.map((j, i) => `--parsable ${i ? `--dependency=afterok:${99 + i} ` : ''}${j.script}`),
    );
    expect(readFileSync(out.jobs[0]!.script, 'utf8')).toMatch(/^#SBATCH --partition=cpu$/m);

    // Launching again while that chain is still queued would run the same tasks twice at once.
    writeFileSync(queue, `101|${out.jobs[1]!.script}\n`);
    const r = launch([recipes.minhash!, '--out', runDir], { PATH: `${bin}:${process.env.PATH}` });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/jobs 101 of .* are still queued or running.*scancel 101/);
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
