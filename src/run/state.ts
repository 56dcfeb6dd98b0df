import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { DatamillError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { nativeStatus } from '../native/addon.js';
import type { Plan } from '../plan/plan.js';
import type { RunPaths } from './paths.js';

/** Identity of a run's output: the recipe hash plus the manifest (a changed input file changes it). */
export function planHash(plan: Plan): string {
  const manifest = plan.manifest.map((f) => [f.path, f.bytes, f.format, f.compression, f.units ?? null]);
  return createHash('sha256')
    .update(JSON.stringify([plan.recipeHash, manifest]))
    .digest('hex');
}

/**
 * Creates the run directory, or reopens it for a rerun. A run directory written by a different recipe or
 * different inputs is refused (its done markers would lie), unless `restart` clears it first.
 */
export async function openRunDir(plan: Plan, paths: RunPaths, restart: boolean): Promise<'new' | 'resumed'> {
  const hash = planHash(plan);
  const existing = await readFile(paths.runJson, 'utf8').catch(() => undefined);
  if (existing !== undefined) {
    const prev = JSON.parse(existing) as { plan_hash?: string; recipe_file?: string };
    if (prev.plan_hash === hash) return 'resumed';
    if (!restart) {
      throw new DatamillError(
        'recipe_changed',
        `${paths.dir}: this run directory was written by a different recipe or different inputs (run.json plan_hash ${String(prev.plan_hash).slice(0, 12)}, now ${hash.slice(0, 12)}), expected the same; rerun with --restart to delete it and start over, or set output.dir to a new directory`,
      );
    }
    await rm(paths.dir, { recursive: true, force: true });
  } else if (await hasForeignFiles(paths.dir)) {
    if (!restart) {
      throw new DatamillError(
        'recipe_changed',
        `${paths.dir}: exists and is not a datamill run directory (no run.json); choose another output.dir or rerun with --restart to delete it`,
      );
    }
    await rm(paths.dir, { recursive: true, force: true });
  }
  await mkdir(paths.dir, { recursive: true });
  const doc = {
    datamill: plan.datamill,
    node: process.version,
    native: nativeStatus(),
    plan_hash: hash,
    recipe_hash: plan.recipeHash,
    recipe_file: plan.recipeFile,
    seed: plan.recipe.runtime.seed,
    plan,
  };
  await writeFileAtomic(paths.runJson, `${JSON.stringify(doc, null, 1)}\n`);
  return 'new';
}

export async function isDone(paths: RunPaths, phase: string, task: number): Promise<boolean> {
  return exists(paths.done(phase, task));
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/** Names a run directory may hold before its run.json lands (another rank may be creating it right now). */
const RUN_ENTRIES = new Set([
  'data',
  'ledger',
  'quarantine',
  'rejected',
  'work',
  'stats',
  'tasks',
  'report.json',
  'report.md',
  'report.html',
]);

async function hasForeignFiles(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.some((n) => !RUN_ENTRIES.has(n) && !n.includes('run.json'));
}
