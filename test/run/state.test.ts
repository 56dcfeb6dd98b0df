import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/plan.js';
import { runPaths } from '../../src/run/paths.js';
import { openRunDir } from '../../src/run/state.js';
import { tempDir } from '../e2e/cli.js';

const plan = {
  datamill: '0.1.0',
  recipeFile: 'r.yaml',
  recipeHash: 'abc',
  manifest: [],
  recipe: { runtime: { seed: 1 } },
} as unknown as Plan;

describe('openRunDir on a directory without run.json', () => {
  it.each([
    ['report.html', true],
    ['report.md', true],
    ['report.json', true],
    ['stats', true],
    ['notes.txt', false],
  ])('holding only %s: a run directory (opened) = %s', async (name, ok) => {
    const dir = path.join(tempDir('state'), 'run');
    mkdirSync(dir);
    if (name.includes('.')) writeFileSync(path.join(dir, name), 'x');
    else mkdirSync(path.join(dir, name));
    const paths = runPaths(dir);
    const opened = openRunDir(plan, paths, false);
    if (ok) {
      await expect(opened).resolves.toBe('new');
      expect(existsSync(paths.runJson)).toBe(true);
    } else await expect(opened).rejects.toThrow('is not a datamill run directory');
  });

  it('names report.html in the run paths', () => {
    expect(runPaths('/r').reportHtml).toBe(path.join('/r', 'report.html'));
  });
});
