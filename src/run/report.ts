import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DatamillError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Plan } from '../plan/plan.js';
import type { DropSample } from './drop-sample.js';
import { quantile } from './metric.js';
import type { RunPaths } from './paths.js';
import { renderHtml } from './report-html.js';
import { renderMarkdown } from './report-md.js';
import { type RunTiming, runTiming } from './report-timing.js';
import {
  type DomainStats,
  emptyDomainStats,
  emptyStageStats,
  mergeDomainStats,
  mergeStageStats,
  type StageStats,
  type TaskStats,
  totalDropped,
} from './stats.js';

export interface Report {
  datamill: string;
  recipe: string;
  recipe_hash: string;
  seed: number;
  documents: { read: number; quarantined: number; out: number; dropped: number; balanced: boolean };
  input_bytes: number;
  stages: ({ id: string; stage: string; dropped_total: number } & Omit<StageStats, 'drop_samples'> & {
      metric_summary: Record<string, unknown>;
      /** Per reason, up to SAMPLE_PER_REASON dropped documents, in seeded-hash order. */
      drop_samples: Record<string, ReportDropSample[]>;
    })[];
  reduce: Record<string, { counters: Record<string, number>; details: Record<string, unknown[]> }>;
  domains: Record<string, DomainStats & { tokens_estimated: number }>;
  tokens: { tokenizer: string; mode: string; estimated_total: number; counted_docs: number };
  output_files: string[];
  tasks: number;
  task_wall_ms: number;
  /** Wall-clock figures: the only part of report.json (with the `wall_ms` fields) that varies between runs. */
  timing: RunTiming;
}

/** A sampled dropped document as report.json shows it (the ordering hash left out). */
export type ReportDropSample = Omit<DropSample, 'h'>;

async function readAllStats(paths: RunPaths, plan: Plan): Promise<TaskStats[]> {
  const all: TaskStats[] = [];
  for (const phase of plan.phases) {
    const dir = path.join(paths.statsDir, phase.name);
    for (const f of (await readdir(dir).catch(() => [] as string[])).sort()) {
      if (f.endsWith('.json')) all.push(JSON.parse(await readFile(path.join(dir, f), 'utf8')) as TaskStats);
    }
  }
  return all;
}

export type ReportFormat = 'json' | 'md' | 'html';

const FORMATS: Record<ReportFormat, { file: (p: RunPaths) => string; render: (r: Report) => string }> = {
  json: { file: (p) => p.reportJson, render: (r) => `${JSON.stringify(r, null, 2)}\n` },
  md: { file: (p) => p.reportMd, render: renderMarkdown },
  html: { file: (p) => p.reportHtml, render: renderHtml },
};

/** The report as the content of its file in `format`. */
export const renderReport = (report: Report, format: ReportFormat): string => FORMATS[format].render(report);

/** Where a run directory keeps the report in `format`. */
export const reportFile = (paths: RunPaths, format: ReportFormat): string => FORMATS[format].file(paths);

/** Every report format, in the order they are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html'];

/** Writes `report` in each of `formats` into the run directory, each file atomically. */
export async function writeReportFiles(
  report: Report,
  paths: RunPaths,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): Promise<void> {
  for (const f of formats) await writeFileAtomic(reportFile(paths, f), renderReport(report, f));
}

/** Merges every task's stats into the three reports, after checking that no document was lost. */
export async function writeReport(plan: Plan, paths: RunPaths): Promise<Report> {
  const report = await buildReport(plan, paths);
  await writeReportFiles(report, paths);
  return report;
}

/** The report of a run from its stats files; throws an `accounting` error when documents were lost. */
export async function buildReport(plan: Plan, paths: RunPaths): Promise<Report> {
  const all = await readAllStats(paths, plan);
  const first = plan.phases[0]!.name;
  const last = plan.phases[plan.phases.length - 1]!.name;
  const stages = new Map<string, StageStats>(plan.recipe.stages.map((s) => [s.id, emptyStageStats()]));
  const domains: Record<string, DomainStats> = {};
  const reduce: Report['reduce'] = {};
  let read = 0,
    quarantined = 0,
    out = 0,
    inputBytes = 0,
    wall = 0;
  const files: string[] = [];
  for (const t of all) {
    wall += t.wall_ms;
    if (t.phase === first) {
      read += t.records_in;
      inputBytes += t.bytes_in;
    }
    quarantined += t.quarantined;
    if (t.phase === last) out += t.docs_out;
    for (const [id, s] of Object.entries(t.stages)) mergeStageStats(stages.get(id) ?? emptyStageStats(), s);
    for (const [d, s] of Object.entries(t.domains)) {
      const into = (domains[d] ??= emptyDomainStats());
      // docs_in is counted where documents enter (the first phase); outputs where they leave.
      mergeDomainStats(into, t.phase === first ? s : { ...s, docs_in: 0 });
    }
    if (t.reduce) mergeReduce(reduce, plan, t);
    // Relative to the directory the run wrote (stats hold absolute paths), so a moved run directory reports
    // the same names.
    files.push(...t.files.map((f) => path.relative(plan.recipe.output.dir, f)));
  }
  let dropped = 0;
  const stageRows = plan.recipe.stages.map((ref) => {
    const s = stages.get(ref.id)!;
    const d = totalDropped(s);
    dropped += d;
    if (s.in !== s.out + d) throw accounting(`stage ${ref.id}: in ${s.in} ≠ out ${s.out} + dropped ${d}`);
    const metric_summary = Object.fromEntries(
      Object.entries(s.metrics).map(([k, m]) => [
        k,
        {
          count: m.count,
          mean: m.count ? m.sum / m.count : null,
          min: m.min,
          p50: quantile(m, 0.5),
          p90: quantile(m, 0.9),
          max: m.max,
        },
      ]),
    );
    const drop_samples = Object.fromEntries(
      Object.keys(s.drop_samples)
        .sort()
        .map((reason) => [reason, s.drop_samples[reason]!.map(({ h: _, ...rest }) => rest)]),
    );
    return { id: ref.id, stage: ref.stage, dropped_total: d, ...s, metric_summary, drop_samples };
  });
  const balanced = read === out + dropped + quarantined;
  if (!balanced)
    throw accounting(`documents read ${read} ≠ out ${out} + dropped ${dropped} + quarantined ${quarantined}`);
  const report: Report = {
    datamill: plan.datamill,
    recipe: plan.recipeFile,
    recipe_hash: plan.recipeHash,
    seed: plan.recipe.runtime.seed,
    documents: { read, quarantined, out, dropped, balanced },
    input_bytes: inputBytes,
    stages: stageRows,
    reduce,
    domains: withTokenEstimates(domains),
    tokens: tokenSummary(plan, domains),
    output_files: files.sort(),
    tasks: all.length,
    task_wall_ms: Math.round(wall),
    timing: runTiming(
      all,
      plan.phases.map((p) => p.name),
    ),
  };
  return report;
}

function accounting(what: string): DatamillError {
  return new DatamillError(
    'accounting',
    `accounting check failed: ${what}; documents were lost, this is a bug in a stage or in datamill`,
  );
}

function mergeReduce(into: Report['reduce'], plan: Plan, t: TaskStats): void {
  const phase = plan.phases.find((p) => p.name === t.phase);
  const id = phase?.kind === 'reduce' ? phase.stage : t.phase;
  const r = (into[id] ??= { counters: {}, details: {} });
  for (const [k, n] of Object.entries(t.reduce!.counters)) r.counters[k] = (r.counters[k] ?? 0) + n;
  for (const [k, v] of Object.entries(t.reduce!.details ?? {})) {
    const list = (r.details[k] ??= []);
    // A `*_sample` detail is a set: reduce tasks may find the same row (a pair seen by several bands).
    const seen = new Set(k.endsWith('_sample') ? list.map((x) => JSON.stringify(x)) : []);
    for (const x of Array.isArray(v) ? v : [v]) {
      if (seen.has(JSON.stringify(x))) continue;
      list.push(x);
      if (k.endsWith('_sample')) seen.add(JSON.stringify(x));
    }
  }
}

function estimate(d: DomainStats): number {
  return d.token_chars > 0 ? Math.round((d.tokens / d.token_chars) * d.chars_out) : 0;
}

function withTokenEstimates(domains: Record<string, DomainStats>): Report['domains'] {
  const out: Report['domains'] = {};
  for (const k of Object.keys(domains).sort())
    out[k] = { ...domains[k]!, tokens_estimated: estimate(domains[k]!) };
  return out;
}

function tokenSummary(plan: Plan, domains: Record<string, DomainStats>): Report['tokens'] {
  const { tokenizer, token_count } = plan.recipe.runtime;
  let total = 0,
    counted = 0;
  for (const d of Object.values(domains)) {
    total += estimate(d);
    counted += d.token_docs;
  }
  return { tokenizer, mode: token_count, estimated_total: total, counted_docs: counted };
}
