/**
 * `datamill launch slurm` on a real Slurm cluster (`bash .ci/slurm-local.sh start` makes this machine one):
 * submit, wait until the jobs leave the queue, compare with a plain local run. Skips when no cluster answers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, tempDir } from '../e2e/cli.js';
import { expectSameAsLocal, type LaunchJson, launchRecipes, localRun } from '../launch/e2e.js';

/** A cluster answers when sinfo lists a node that can take jobs. */
function slurmAnswers(): boolean {
  const r = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 && /idle|mixed|allocated|completing/.test(r.stdout);
}

const HAS_SLURM = spawnSync('sbatch', ['--version']).status === 0 && slurmAnswers();
/** `describe` that skips, saying how to get a cluster, when none answers. */
function describeSlurm(name: string, fn: () => void): void {
  if (HAS_SLURM) describe(name, fn);
  else
    describe.skip(
      `${name} (skipped: no Slurm cluster answers here (sbatch --version, sinfo); \`bash .ci/slurm-local.sh start\` starts one)`,
      fn,
    );
}

/** Waits until none of `ids` is queued or running; false when `timeoutMs` passes first. */
async function waitForJobs(ids: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const q = spawnSync('squeue', ['-h', '-j', ids.join(','), '-o', '%i'], { encoding: 'utf8' });
    // squeue exits non-zero for ids that already left the queue (Invalid job id specified).
    if (q.status !== 0 || q.stdout.trim() === '') return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

function logs(runDir: string): string {
  const dir = path.join(runDir, 'slurm', 'logs');
  if (!existsSync(dir)) return '(no logs)';
  return readdirSync(dir)
    .map((f) => `${f}: ${readFileSync(path.join(dir, f), 'utf8')}`)
    .join('\n');
}

describeSlurm('launch slurm on a real cluster', () => {
  const dir = tempDir('launch-slurm');
  const recipes = launchRecipes(dir);

  it.each(Object.keys(recipes))(
    '%s: submitted array jobs produce the same output as datamill run',
    async (name) => {
      const recipe = recipes[name]!;
      const localDir = path.join(dir, `${name}-local`);
      const local = localRun(recipe, localDir);
      const runDir = path.join(dir, `${name}-slurm`);
      // One worker per rank, so the one-node test cluster runs several ranks of a phase at once (they race
      // on the barrier and on the report, as on a real cluster).
      const r = datamill([
        'launch',
        'slurm',
        recipe,
        '--out',
        runDir,
        '--ranks',
        '3',
        '--workers-per-rank',
        '1',
        '--json',
      ]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as LaunchJson;
      const ids = out.jobs.map((j) => j.job_id!);
      expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
      expect(await waitForJobs(ids, 240_000), `jobs ${ids} still queued; ${logs(runDir)}`).toBe(true);
      expect(existsSync(path.join(runDir, 'report.json')), logs(runDir)).toBe(true);
      expectSameAsLocal(runDir, localDir, local);
    },
    300_000,
  );
});
