import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'datamill.js');

/** Runs the built CLI (npm test builds first). */
export function datamill(
  args: string[],
  cwd = ROOT,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync('node', [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
  });
}

export function datamillAsync(args: string[], cwd = ROOT) {
  return spawn('node', [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(tag: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `dm-${tag}-`));
}

export function writeRecipe(dir: string, name: string, yaml: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  return file;
}

/** sha256 of every file below `sub` of a run directory, by relative path (what "byte-identical" means). */
export function digestTree(
  runDir: string,
  subs = ['data', 'ledger', 'quarantine', 'rejected'],
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const abs = path.join(runDir, rel);
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const r = path.join(rel, n);
      if (statSync(path.join(runDir, r)).isDirectory()) walk(r);
      else
        out[r] = createHash('sha256')
          .update(readFileSync(path.join(runDir, r)))
          .digest('hex');
    }
  };
  for (const s of subs) walk(s);
  return out;
}

export function readReport(runDir: string) {
  return JSON.parse(readFileSync(path.join(runDir, 'report.json'), 'utf8'));
}

/**
 * Writes each list of documents to `in-<i>.jsonl` in a fresh directory, runs one stage on `input` through
 * the built CLI (JSONL out, uncompressed), and returns the output rows in part order, the report and the
 * digests of `data/` (for byte-identity checks).
 */
export function runStageOnDocs(opts: {
  tag: string;
  files: Record<string, unknown>[][];
  stage: string;
  options: string;
  workers?: number;
  input?: string;
}) {
  const dir = tempDir(opts.tag);
  opts.files.forEach((docs, f) => {
    writeFileSync(path.join(dir, `in-${f}.jsonl`), docs.map((d) => `${JSON.stringify(d)}\n`).join(''));
  });
  const recipe = writeRecipe(
    dir,
    'r.yaml',
    `inputs:\n  - path: ${opts.input ?? 'in-*.jsonl'}\noutput:\n  dir: out\n  format: jsonl\n  compression: none\nruntime:\n  workers: ${opts.workers ?? 2}\nstages:\n  - stage: ${opts.stage}\n    options: ${opts.options}\n`,
  );
  const r = datamill(['run', recipe, '--quiet']);
  if (r.status !== 0) throw new Error(r.stderr);
  const out = path.join(dir, 'out');
  const data = digestTree(out, ['data']);
  const kept = Object.keys(data)
    .sort()
    .flatMap((rel) =>
      readFileSync(path.join(out, rel), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    );
  return { dir, out, kept, report: readReport(out), data };
}
