/**
 * `datamill check RECIPE | FILE...`: the data-quality gate for CI. A recipe is run as `datamill run` runs it
 * (a finished run directory of the same recipe resumes at no cost) and its `checks:` are evaluated on
 * report.json; data files are run through a generated recipe (quarantine bad records, count exact
 * duplicates) with default checks. Exit 5 when a check fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CheckSpec } from '../check/evaluate.js';
import { DEFAULT_MAX_DUPLICATE_RATE, filesRecipe } from '../check/files-recipe.js';
import { DatamillError, usageError } from '../errors.js';
import type { LoadedRecipe } from '../recipe/load.js';
import { withEarlyPool } from './run.js';
import type { EarlyPool, RunFlags } from './run-recipe.js';

export interface CheckFlags {
  workers?: number;
  out?: string;
  restart?: boolean;
  quiet?: boolean;
  json?: boolean;
  junit?: string;
  markdown?: string;
  /** FILE mode only. */
  textField?: string;
  maxDuplicateRate?: number;
  checks?: string;
}

const isRecipeFile = (arg: string) => /\.ya?ml$/i.test(arg);

export async function checkCommand(args: string[], flags: CheckFlags): Promise<void> {
  const recipes = args.filter(isRecipeFile);
  if (recipes.length === 0) return checkFiles(args, flags);
  if (args.length > 1)
    throw usageError(
      `check: expected one recipe (.yaml/.yml) or data files, got ${args.length} arguments of which ${recipes.length} ${recipes.length === 1 ? 'is a recipe' : 'are recipes'}`,
    );
  const fileOnly = [
    ['--text-field', flags.textField],
    ['--max-duplicate-rate', flags.maxDuplicateRate],
    ['--checks', flags.checks],
  ].filter(([, v]) => v !== undefined);
  if (fileOnly.length > 0)
    throw usageError(
      `check ${args[0]}: ${fileOnly.map(([k]) => k).join(', ')} apply to data files only; a recipe sets text_field on its inputs and lists its own checks:`,
    );
  return checkRecipe(args[0]!, flags);
}

/** The flags the run itself takes: never --json (the check prints its own) and never ranks or phases. */
function runFlags(flags: CheckFlags, out: string | undefined): RunFlags {
  return { workers: flags.workers, out, restart: flags.restart, quiet: flags.quiet };
}

// Unlike `datamill run`, the recipe is validated before the worker threads start: a thread terminated
// while it still instantiates its modules can abort Node (V8 "IsGraphAsync ... instantiated module", seen
// in 1 of 15 `datamill run` calls on a bad recipe), and a gate must fail with its own exit code.
async function checkRecipe(file: string, flags: CheckFlags): Promise<void> {
  const { loadRecipe } = await import('../recipe/load.js');
  const loaded = await loadRecipe(file);
  const checks = loaded.recipe.checks ?? [];
  if (checks.length === 0)
    throw usageError(
      `${file}: the recipe has no checks, expected a checks: list (e.g. "checks: [{metric: documents.quarantined, max: 0}]"; see datamill check --help)`,
    );
  await withEarlyPool(file, flags.workers, async (early) => {
    const dir = await run(loaded, runFlags(flags, flags.out), early);
    const { runGate } = await import('../check/gate.js');
    await runGate(checks, { ...gateFlags(flags), runDir: dir, suite: file, keepRun: true });
  });
}

async function checkFiles(inputs: string[], flags: CheckFlags): Promise<void> {
  if (inputs.length === 0) throw usageError('check: expected a recipe or data files, got nothing');
  const temp = flags.out === undefined;
  const outDir = temp ? await mkdtemp(path.join(os.tmpdir(), 'datamill-check-')) : path.resolve(flags.out!);
  try {
    const [{ parseRecipe }, { metricContext }, { loadChecksFile }] = await Promise.all([
      import('../recipe/load.js'),
      import('../recipe/checks.js'),
      import('../recipe/checks-file.js'),
    ]);
    const raw = filesRecipe({
      inputs,
      textField: flags.textField ?? 'text',
      outDir,
      maxDuplicateRate: flags.maxDuplicateRate ?? DEFAULT_MAX_DUPLICATE_RATE,
    });
    const extra = flags.checks ? await loadChecksFile(flags.checks, metricContext(raw)) : [];
    raw.checks = [...(raw.checks as CheckSpec[]), ...extra];
    const suite = `datamill check ${inputs.join(' ')}`;
    // Inputs and output are absolute, so the name only labels messages, run.json and the report.
    const loaded = parseRecipe(JSON.stringify(raw), path.resolve('datamill-check.yaml'));
    loaded.file = suite;
    await withEarlyPool(undefined, flags.workers, async (early) => {
      const dir = await run(loaded, runFlags(flags, undefined), early);
      const { runGate } = await import('../check/gate.js');
      await runGate(loaded.recipe.checks ?? [], { ...gateFlags(flags), runDir: dir, suite, keepRun: !temp });
    });
  } finally {
    if (temp) await rm(outDir, { recursive: true, force: true });
  }
}

function gateFlags(flags: CheckFlags) {
  return { junit: flags.junit, markdown: flags.markdown, json: flags.json };
}

async function run(loaded: LoadedRecipe, flags: RunFlags, early: EarlyPool): Promise<string> {
  const { runLoadedRecipe } = await import('./run-recipe.js');
  const outcome = await runLoadedRecipe(loaded, flags, early);
  // Without --rank/--phase every task runs here, so the report exists; this guards a future flag.
  if (outcome.report === undefined)
    throw new DatamillError(
      'usage',
      `${outcome.dir}: the run did not complete, so there is no report to check`,
    );
  return outcome.dir;
}
