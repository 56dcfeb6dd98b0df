/**
 * Shared by the `launch slurm` end-to-end tests: a small recipe with a global stage over seeded temp files,
 * and a plain local run to compare against.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { datamill, digestTree, ROOT, readReport, writeRecipe } from '../e2e/cli.js';

/** Seeded near-duplicate corpus: 4 files × 40 documents, every fifth a one-word edit of an earlier one. */
export function writeCorpus(dir: string): void {
  let s = 12345;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const words = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}`);
  const docs: string[] = [];
  for (let f = 0; f < 4; f++) {
    const lines: string[] = [];
    for (let d = 0; d < 40; d++) {
      const prev = docs[Math.floor(rand() * docs.length)];
      const text =
        d % 5 === 4 && prev
          ? prev.replace(/\S+$/, 'edited')
          : Array.from({ length: 80 }, () => words[Math.floor(rand() * words.length)]).join(' ');
      docs.push(text);
      lines.push(JSON.stringify({ id: `f${f}-${d}`, text }));
    }
    writeFileSync(path.join(dir, `in-${f}.jsonl`), `${lines.join('\n')}\n`);
  }
}

/** Recipes under test: the bundled quickstart (dedup-exact, Parquet) and MinHash over the temp corpus. */
export function launchRecipes(dir: string): Record<string, string> {
  writeCorpus(dir);
  return {
    quickstart: path.join(ROOT, 'pipelines', 'quickstart.yaml'),
    minhash: writeRecipe(
      dir,
      'minhash.yaml',
      'inputs:\n  - path: in-*.jsonl\noutput:\n  dir: out\n  format: jsonl\n  compression: none\nruntime:\n  seed: 7\nstages:\n  - stage: normalize\n  - stage: dedup-minhash\n',
    ),
  };
}

/** A plain `datamill run` of `recipe` into `out`; returns its output digests. */
export function localRun(recipe: string, out: string): Record<string, string> {
  const r = datamill(['run', recipe, '--out', out, '--workers', '2', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  return digestTree(out);
}

/** Asserts that `runDir` holds the same output, byte for byte, and the same counts as the local run. */
export function expectSameAsLocal(runDir: string, localDir: string, localDigest: Record<string, string>) {
  const got = digestTree(runDir);
  expect(Object.keys(got).length).toBeGreaterThan(0);
  expect(got).toEqual(localDigest);
  expect(readReport(runDir).documents).toEqual(readReport(localDir).documents);
}

export interface LaunchJson {
  run_dir: string;
  jobs: {
    phase: number;
    name: string;
    job_id: string | null;
    array: string;
    world_size: number;
    script: string;
  }[];
  commands?: string[];
}
