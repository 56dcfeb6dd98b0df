import type { Report } from './report.js';
import { mdCell as c, mdEscape as e } from './report-md-escape.js';
import {
  detailView,
  dropSampleRows,
  fmtSeconds,
  fmtValue,
  METRIC_COLUMNS,
  fmtInt as n,
  fmtPct as pct,
  SAMPLE_COLUMNS,
  timingSentence,
} from './report-view.js';

/**
 * report.md: the summary a CI job posts; every number comes from report.json. Every string from the data
 * (ids, reasons, names, lines, document text) goes through mdEscape, so it cannot break a table or add HTML.
 */
export function renderMarkdown(r: Report): string {
  const d = r.documents;
  const lines: string[] = [
    `# datamill report: ${e(r.recipe)}`,
    '',
    `Documents read ${n(d.read)} → kept ${n(d.out)} (${pct(d.out, d.read)}), dropped ${n(d.dropped)}, quarantined ${n(d.quarantined)}. Accounting balanced: ${d.balanced ? 'yes' : 'NO'}.`,
    `Tokens (${e(r.tokens.tokenizer)}, ${r.tokens.mode}${r.tokens.mode === 'sample' ? `, ${n(r.tokens.counted_docs)} docs counted` : ''}): ${n(r.tokens.estimated_total)}.`,
    e(timingSentence(r)),
    '',
    '## Stages',
    '',
    '| stage | in | out | dropped | reasons | wall s |',
    '|---|---:|---:|---:|---|---:|',
  ];
  for (const s of r.stages) {
    const reasons = Object.entries(s.dropped)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${c(k)} ${n(v)}`)
      .join(', ');
    lines.push(
      `| ${c(s.id)} | ${n(s.in)} | ${n(s.out)} | ${n(s.dropped_total)} | ${reasons || '–'} | ${fmtSeconds(s.wall_ms)} |`,
    );
  }
  const withCounters = r.stages.filter((s) => Object.keys(s.counters).length > 0);
  if (withCounters.length > 0) lines.push('', '## Stage counters', '');
  for (const s of withCounters) {
    const list = Object.entries(s.counters)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${e(k)} ${n(v)}`)
      .join(', ');
    lines.push(`- ${e(s.id)}: ${list}`);
  }
  lines.push(...distributionLines(r), ...sampleLines(r));
  lines.push(
    '',
    '## Domains',
    '',
    '| domain | docs in | docs out | kept | M chars out | tokens (est.) |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [name, x] of Object.entries(r.domains)) {
    lines.push(
      `| ${c(name)} | ${n(x.docs_in)} | ${n(x.docs_out)} | ${pct(x.docs_out, x.docs_in)} | ${(x.chars_out / 1e6).toFixed(2)} | ${n(x.tokens_estimated)} |`,
    );
  }
  for (const [id, red] of Object.entries(r.reduce)) {
    lines.push('', `## ${e(id)}`, '');
    for (const [k, v] of Object.entries(red.counters)) lines.push(`- ${e(k)}: ${n(v)}`);
    for (const [k, v] of Object.entries(red.details ?? {}))
      lines.push('', `### ${e(k)}`, '', ...detailLines(k, v));
  }
  lines.push(...phaseLines(r));
  lines.push(
    '',
    `Output files: ${r.output_files.filter((f) => f.startsWith('data')).length}; tasks: ${r.tasks}.`,
    '',
  );
  return lines.join('\n');
}

/** One table of every stage's metrics (count, mean, quantiles). */
function distributionLines(r: Report): string[] {
  const rows = r.stages.flatMap((s) =>
    Object.keys(s.metrics).map((k) => {
      const m = (s.metric_summary[k] ?? {}) as Record<string, unknown>;
      return `| ${c(s.id)} | ${c(k)} | ${METRIC_COLUMNS.map((col) => fmtValue(m[col])).join(' | ')} |`;
    }),
  );
  if (rows.length === 0) return [];
  return [
    '',
    '## Distributions',
    '',
    `| stage | metric | ${METRIC_COLUMNS.join(' | ')} |`,
    `|---|---|${METRIC_COLUMNS.map(() => '---:').join('|')}|`,
    ...rows,
  ];
}

/** Per stage that dropped anything, its sampled drops in a collapsed block (GitHub renders `<details>`). */
function sampleLines(r: Report): string[] {
  const out: string[] = [];
  for (const s of r.stages) {
    const rows = dropSampleRows(s.drop_samples);
    if (rows.length === 0) continue;
    out.push(
      '',
      `<details><summary>${e(s.id)}: ${n(rows.length)} sampled of ${n(s.dropped_total)} dropped</summary>`,
      '',
      `| ${SAMPLE_COLUMNS.join(' | ')} |`,
      '|---|---|---|---:|---|',
      ...rows.map((row) => `| ${row.map((x) => c(x)).join(' | ')} |`),
      '',
      '</details>',
    );
  }
  return out.length > 0 ? ['', '## Dropped documents (sample)', ...out] : [];
}

/** Wall time per phase: first task start to last task end, and the task time summed. */
function phaseLines(r: Report): string[] {
  const phases = r.timing?.phases ?? [];
  if (phases.length === 0) return [];
  return [
    '',
    '## Phases',
    '',
    '| phase | tasks | wall s | task s |',
    '|---|---:|---:|---:|',
    ...phases.map(
      (p) =>
        `| ${c(p.phase)} | ${n(p.tasks)} | ${p.wall_s === null ? '–' : p.wall_s.toFixed(2)} | ${p.task_s.toFixed(2)} |`,
    ),
  ];
}

/** A reduce detail as markdown (see detailView): counts and flat records as tables (first 20 rows), else JSON. */
function detailLines(name: string, v: unknown): string[] {
  const view = detailView(name, v);
  const cell = (x: unknown) => c(x, 120);
  switch (view.kind) {
    case 'value':
      return [String(view.value)];
    case 'counts':
      return ['| value | count |', '|---:|---:|', ...view.rows.map(([k, cnt]) => `| ${k} | ${cnt} |`)];
    case 'table':
      return [
        `| ${view.columns.map(cell).join(' | ')} |`,
        `|${view.columns.map(() => '---').join('|')}|`,
        ...view.rows.slice(0, 20).map((r) => `| ${view.columns.map((k) => cell(r[k] ?? '')).join(' | ')} |`),
      ];
    default:
      // One line of JSON (it starts with a bracket or quote) cannot close the fence: shown as is.
      return ['```json', JSON.stringify(v), '```'];
  }
}
