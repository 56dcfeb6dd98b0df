import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, datamillAsync, digestTree, readReport, tempDir, writeRecipe } from './cli.js';
import { writeCorpus } from './corpus.js';

const dir = tempDir('det');
const data = writeCorpus(path.join(dir, 'in'), 6, 4000);

function recipe(out: string, format = 'parquet'): string {
  return writeRecipe(
    dir,
    `${out}.yaml`,
    `inputs:\n  - path: in\n    domain: gen\noutput:\n  dir: ${out}\n  format: ${format}\n  target_part_bytes: 1MB\nruntime:\n  task_bytes: 512KB\n  seed: 3\nstages:\n  - stage: dedup-exact\n    options: { buckets: 3 }\n`,
  );
}

function waitExit(p: ReturnType<typeof datamillAsync>): Promise<number> {
  return new Promise((resolve) => p.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
}

describe('determinism and resume', () => {
  const baseline = (() => {
    const r = datamill(['run', recipe('w1'), '--workers', '1', '--quiet']);
    if (r.status !== 0) throw new Error(r.stderr);
    return digestTree(path.join(dir, 'w1'));
  })();

  it('the baseline has output, a ledger and dropped duplicates', () => {
    expect(Object.keys(baseline).filter((f) => f.startsWith('data/')).length).toBeGreaterThan(3);
    const report = readReport(path.join(dir, 'w1'));
    expect(report.documents.read).toBe(24000);
    expect(report.documents.dropped).toBeGreaterThan(1000);
    expect(report.documents.balanced).toBe(true);
    void data;
  });

  it('2 workers give byte-identical output', () => {
    const r = datamill(['run', recipe('w2'), '--workers', '2', '--quiet']);
    expect(r.stderr).toBe('');
    expect(digestTree(path.join(dir, 'w2'))).toEqual(baseline);
  });

  it('ranks 0..2 of 3, run concurrently, together give byte-identical output', async () => {
    const file = recipe('ranks');
    const procs = [0, 1, 2].map((r) =>
      datamillAsync(['run', file, '--rank', String(r), '--world-size', '3', '--workers', '1', '--quiet']),
    );
    expect(await Promise.all(procs.map(waitExit))).toEqual([0, 0, 0]);
    expect(digestTree(path.join(dir, 'ranks'))).toEqual(baseline);
    expect(readReport(path.join(dir, 'ranks')).documents.read).toBe(24000);
  });

  it('kill -9 mid-run, then rerun, gives byte-identical output', async () => {
    const file = recipe('killed');
    const p = datamillAsync(['run', file, '--workers', '2', '--quiet']);
    const doneDir = path.join(dir, 'killed', 'tasks', '0-map');
    for (let i = 0; i < 2000 && !(existsSync(doneDir) && readdirSync(doneDir).length >= 3); i++)
      await new Promise((r) => setTimeout(r, 5));
    p.kill('SIGKILL');
    await waitExit(p);
    const markers = readdirSync(doneDir).length;
    expect(markers).toBeGreaterThanOrEqual(3);
    expect(existsSync(path.join(dir, 'killed', 'report.json'))).toBe(false);
    const r = datamill(['run', file, '--workers', '2', '--quiet']);
    expect(r.status).toBe(0);
    expect(digestTree(path.join(dir, 'killed'))).toEqual(baseline);
  });

  it('a rerun with a changed recipe is refused unless --restart', () => {
    const file = writeRecipe(dir, 'w1.yaml', `inputs:\n  - path: in\noutput:\n  dir: w1\nstages: []\n`);
    const r = datamill(['run', file, '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/written by a different recipe or different inputs.*--restart/);
    expect(datamill(['run', file, '--quiet', '--restart']).status).toBe(0);
  });
});
