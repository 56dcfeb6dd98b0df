/**
 * `datamill report RUN_DIR`: rebuilds report.json, report.md and report.html from a finished run directory
 * (run.json and stats/), running nothing. A cluster run calls it once every rank has finished.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { usageError } from '../errors.js';
import type { Plan } from '../plan/plan.js';
import { type RunPaths, runPaths } from '../run/paths.js';
import {
  buildReport,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  reportFile,
  writeReportFiles,
} from '../run/report.js';
import { isDone } from '../run/state.js';

export interface ReportFlags {
  /** Only this format (default: all three files; with `stdout`, md). */
  format?: ReportFormat;
  /** Print the report to stdout instead of writing files. */
  stdout?: boolean;
}

export async function reportCommand(dir: string, flags: ReportFlags): Promise<void> {
  const paths = runPaths(path.resolve(dir));
  const plan = await readPlan(paths);
  await checkComplete(plan, paths);
  const report = await buildReport(plan, paths);
  if (flags.stdout) {
    process.stdout.write(renderReport(report, flags.format ?? 'md'));
    return;
  }
  const formats = flags.format ? [flags.format] : REPORT_FORMATS;
  await writeReportFiles(report, paths, formats);
  process.stderr.write(`datamill: wrote ${formats.map((f) => reportFile(paths, f)).join(', ')}\n`);
}

/** The plan a run directory was written with (run.json), or a usage error saying what the directory is not. */
async function readPlan(paths: RunPaths): Promise<Plan> {
  const isDir = await stat(paths.dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw usageError(`${paths.dir}: no such directory, expected a datamill run directory`);
  let text: string;
  try {
    text = await readFile(paths.runJson, 'utf8');
  } catch {
    throw usageError(
      `${paths.dir}: not a datamill run directory (no run.json), expected the output.dir of a datamill run`,
    );
  }
  let doc: { plan?: Plan };
  try {
    doc = JSON.parse(text) as { plan?: Plan };
  } catch (e) {
    throw usageError(
      `${paths.runJson}: invalid JSON (${(e as Error).message}), expected datamill's run.json`,
    );
  }
  const plan = doc.plan;
  if (!plan || !Array.isArray(plan.phases) || !plan.recipe?.stages) {
    throw usageError(`${paths.runJson}: no plan with phases and stages, expected datamill's run.json`);
  }
  return plan;
}

/** Refuses a run some of whose tasks have no done marker, naming how many per phase. */
async function checkComplete(plan: Plan, paths: RunPaths): Promise<void> {
  const open: string[] = [];
  let total = 0;
  for (const phase of plan.phases) {
    let missing = 0;
    for (let t = 0; t < phase.tasks; t++) if (!(await isDone(paths, phase.name, t))) missing++;
    total += missing;
    if (missing > 0) open.push(`phase ${phase.name}: ${missing} of ${phase.tasks} tasks`);
  }
  if (total === 0) return;
  throw usageError(
    `${paths.dir}: the run is not complete, ${total} task(s) have no done marker (${open.join('; ')}); finish it first (datamill run RECIPE with the same output.dir, or wait for every rank), then rerun datamill report`,
  );
}
