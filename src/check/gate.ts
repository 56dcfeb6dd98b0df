/**
 * The gate after a run: evaluate the checks on the run's report.json, explain failures, write check.md and
 * check.junit.xml, print the table on stderr, and fail with exit 5 when a check failed.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DatamillError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { type CheckResult, type CheckSpec, evaluateChecks } from './evaluate.js';
import { renderJunit } from './junit.js';
import { renderCheckMarkdown, renderCheckTable, summaryLine } from './markdown.js';
import { quarantineSamples } from './quarantine.js';
import type { ReportView } from './resolve.js';

/** Quarantined records quoted under a failed quarantine check: enough to see the pattern, not a dump. */
const QUARANTINE_EXAMPLES = 5;

export interface GateOptions {
  /** The run directory holding report.json. */
  runDir: string;
  /** What was checked (recipe file or inputs): names the JUnit suite and check.md. */
  suite: string;
  /** The run directory stays (false: a temp one, removed afterwards): write check.md and check.junit.xml into it. */
  keepRun: boolean;
  junit?: string;
  markdown?: string;
  json?: boolean;
  stderr?: (s: string) => void;
  stdout?: (s: string) => void;
}

/** Evaluates `checks`, writes every output, and throws a `check_failed` error (exit 5) when one failed. */
export async function runGate(checks: readonly CheckSpec[], o: GateOptions): Promise<CheckResult[]> {
  const report = JSON.parse(await readFile(path.join(o.runDir, 'report.json'), 'utf8')) as ReportView;
  const results = evaluateChecks(checks, report);
  await explain(results, o.runDir);
  const md = renderCheckMarkdown(results, o.suite, o.keepRun ? o.runDir : undefined);
  const xml = renderJunit(results, o.suite);
  const written: string[] = [];
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomic(path.resolve(file), text);
    written.push(file);
  };
  if (o.keepRun) {
    await write(path.join(o.runDir, 'check.md'), md);
    await write(path.join(o.runDir, 'check.junit.xml'), xml);
  }
  if (o.markdown !== undefined) await write(o.markdown, md);
  if (o.junit !== undefined) await write(o.junit, xml);

  const err = o.stderr ?? ((s: string) => process.stderr.write(s));
  err(`${renderCheckTable(results)}\n`);
  for (const r of results.filter((x) => !x.pass && x.details.length > 0))
    err(`${r.name}:\n${r.details.map((d) => `  ${d}`).join('\n')}\n`);
  err(`datamill: check: ${summaryLine(results)}${written.length ? ` Wrote ${written.join(', ')}.` : ''}\n`);
  if (o.json) {
    const out = o.stdout ?? ((s: string) => process.stdout.write(s));
    const passed = results.every((r) => r.pass);
    const checksJson = results.map((r) => ({ ...r, value: r.value ?? null }));
    out(`${JSON.stringify({ run_dir: o.keepRun ? o.runDir : null, passed, checks: checksJson })}\n`);
  }
  const failed = results.filter((r) => !r.pass);
  if (failed.length > 0) {
    const where = o.keepRun ? `; see ${path.join(o.runDir, 'check.md')}` : '';
    throw new DatamillError(
      'check_failed',
      `${summaryLine(results).replace(/\.$/, '')}: ${failed.map(failureText).join('; ')}${where}`,
    );
  }
  return results;
}

/** Adds examples to failures that have them: quarantined records with their file, position and reason. */
async function explain(results: CheckResult[], runDir: string): Promise<void> {
  const quarantine = results.filter((r) => !r.pass && r.metric.startsWith('documents.quarantine'));
  if (quarantine.length === 0) return;
  const samples = await quarantineSamples(runDir, QUARANTINE_EXAMPLES);
  const lines = samples.map((s) => `quarantined: ${s}`);
  for (const r of quarantine) r.details.push(...lines);
}

/** A failure in one phrase: the message, after the name when the check has a name of its own. */
function failureText(r: CheckResult): string {
  return r.name.startsWith(r.metric) ? r.message : `${r.name}: ${r.message}`;
}
