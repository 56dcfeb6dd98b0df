import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datamill, digestTree, tempDir } from './cli.js';

const dir = tempDir('native');

/** Runs pipelines/fineweb.yaml (language ID, Gopher, C4, FineWeb, PII) on the sample data into `out`. */
function fineweb(out: string, env: Record<string, string> = {}) {
  const r = datamill(
    ['run', 'pipelines/fineweb.yaml', '--out', out, '--workers', '2', '--quiet'],
    undefined,
    env,
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return {
    tree: digestTree(out),
    native: JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8')).native,
  };
}

describe('the native addon changes no byte of a run', () => {
  it('pipelines/fineweb.yaml gives identical data, ledger and rejected files with DATAMILL_NATIVE=0', () => {
    const native = fineweb(path.join(dir, 'on'));
    const typescript = fineweb(path.join(dir, 'off'), { DATAMILL_NATIVE: '0' });
    expect(native.native).toBe('on');
    expect(typescript.native).toBe('off (DATAMILL_NATIVE=0)');
    expect(Object.keys(native.tree).some((f) => f.startsWith('rejected/'))).toBe(true);
    expect(typescript.tree).toEqual(native.tree);
  });
});
