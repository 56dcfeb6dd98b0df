import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outOfMemoryError } from '../../src/exec/scheduler.js';
import { datamill, tempDir, writeRecipe } from './cli.js';

describe('worker memory budget (runtime.worker_heap_mb)', () => {
  it('a worker terminated for its heap limit becomes exit 4 naming the setting; other errors pass through', () => {
    const oom = Object.assign(new Error('worker out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    const e = outOfMemoryError(oom, 3, '0-map', 256);
    expect(e?.exitCode).toBe(4);
    expect(e?.message).toMatch(
      /task 3 of phase 0-map ran out of memory \(worker_heap_mb: 256\).*raise runtime\.worker_heap_mb/,
    );
    expect(outOfMemoryError(new Error('other'), 3, '0-map', 256)).toBeUndefined();
  });

  it('a 48 MB document fits a 1024 MB budget', () => {
    const dir = tempDir('mem');
    writeFileSync(
      path.join(dir, 'huge.jsonl'),
      `${JSON.stringify({ id: 'huge', text: 'word '.repeat((48 * 1024 * 1024) / 5) })}\n`,
    );
    const recipe = writeRecipe(
      dir,
      'r.yaml',
      `inputs:\n  - path: huge.jsonl\noutput:\n  dir: out\n  format: jsonl\nruntime:\n  workers: 1\n  worker_heap_mb: 1024\nstages: []\n`,
    );
    const r = datamill(['run', recipe, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
