import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamillAsync, ROOT, tempDir, writeRecipe } from '../e2e/cli.js';

/** Exit code and stderr of one run of the built CLI. */
function run(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = datamillAsync(args);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('worker pool start-up', () => {
  it('piscina loads a CommonJS entry (a require of the ES module graph, which has top-level await, crashed Node 20)', () => {
    const entry = readFileSync(path.join(ROOT, 'dist', 'exec', 'worker-entry.cjs'), 'utf8');
    expect(entry).toContain('module.exports');
    expect(readFileSync(path.join(ROOT, 'dist', 'exec', 'pool.js'), 'utf8')).toContain('worker-entry.cjs');
  });

  // The pool starts before the recipe is validated; closing it while the threads load their modules used to
  // abort Node in about 1 run in 10 ("v8::Module::IsGraphAsync must be used on an instantiated module").
  it('a recipe refused at once exits 2 with its message, every time, while workers are still loading', async () => {
    const dir = tempDir('pool');
    const recipe = writeRecipe(
      dir,
      'bad.yaml',
      `inputs:\n  - path: ${dir}\noutput:\n  dir: ${dir}/out\nbogus: 1\nstages: []\n`,
    );
    const results: Awaited<ReturnType<typeof run>>[] = [];
    for (let round = 0; round < 8; round++) {
      results.push(...(await Promise.all([0, 1].map(() => run(['run', recipe, '--workers', '2'])))));
    }
    for (const r of results) {
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('bogus');
    }
  }, 120_000);
});
