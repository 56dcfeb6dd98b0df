/** report.html: the run summary, the funnel, and one section per stage (drops, counters, distributions). */

import type { Report } from './report.js';
import { card, metricHistogram, table } from './report-html-blocks.js';
import { html, type SafeHtml } from './report-html-escape.js';
import { barChart, funnelChart } from './report-html-svg.js';
import {
  dropSampleRows,
  fmtInt,
  fmtPct,
  fmtSeconds,
  fmtValue,
  METRIC_COLUMNS,
  SAMPLE_COLUMNS,
  timingSentence,
} from './report-view.js';

type StageRow = Report['stages'][number];

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const byCount = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]);

/** Headline cards, and the two sentences report.md opens with. */
export function summarySection(r: Report): SafeHtml {
  const d = r.documents;
  const t = r.tokens;
  const tokens = `Tokens (${t.tokenizer}, ${t.mode}${t.mode === 'sample' ? `, ${fmtInt(t.counted_docs)} docs counted` : ''}): ${fmtInt(t.estimated_total)}.`;
  return html`<section id="summary"><h2>Summary</h2><div class="cards">${[
    card('documents read', fmtInt(d.read), mb(r.input_bytes)),
    card('kept', fmtInt(d.out), fmtPct(d.out, d.read)),
    card('dropped', fmtInt(d.dropped), fmtPct(d.dropped, d.read)),
    card('quarantined', fmtInt(d.quarantined), fmtPct(d.quarantined, d.read)),
    card('tokens (est.)', fmtInt(t.estimated_total), `${t.tokenizer}, ${t.mode}`),
    card(
      'wall time',
      r.timing?.wall_s == null ? '–' : `${r.timing.wall_s.toFixed(2)} s`,
      'first task start to last task end',
    ),
    card('task time', `${fmtSeconds(r.task_wall_ms)} s`, `sum over ${fmtInt(r.tasks)} tasks`),
  ]}</div>
<p>Documents read ${fmtInt(d.read)} → kept ${fmtInt(d.out)} (${fmtPct(d.out, d.read)}), dropped ${fmtInt(d.dropped)}, quarantined ${fmtInt(d.quarantined)}. Accounting balanced: <b class="${d.balanced ? 'ok' : 'bad'}">${d.balanced ? 'yes' : 'NO'}</b>.</p>
<p>${tokens}</p>
<p>${timingSentence(r)}</p>
${table(
  [{ name: 'run' }, { name: 'value' }],
  [
    ['recipe', r.recipe],
    ['recipe hash', r.recipe_hash],
    ['seed', r.seed],
    ['datamill', r.datamill],
    ['input bytes', fmtInt(r.input_bytes)],
    ['tasks', fmtInt(r.tasks)],
    ['task time (s, summed over tasks)', fmtSeconds(r.task_wall_ms)],
    ['wall time (s)', r.timing?.wall_s == null ? '–' : r.timing.wall_s.toFixed(2)],
    ['busy time (s, some task running)', r.timing?.busy_s == null ? '–' : r.timing.busy_s.toFixed(2)],
  ],
)}${phasesTable(r)}</section>`;
}

/** Wall time per phase (first task start to last task end) and task time summed, as report.md's Phases. */
function phasesTable(r: Report): SafeHtml | '' {
  const phases = r.timing?.phases ?? [];
  if (phases.length === 0) return '';
  return html`<h3>Phases</h3>${table(
    [
      { name: 'phase' },
      { name: 'tasks', num: true },
      { name: 'wall s', num: true },
      { name: 'task s', num: true },
    ],
    phases.map((p) => [
      p.phase,
      fmtInt(p.tasks),
      p.wall_s === null ? '–' : p.wall_s.toFixed(2),
      p.task_s.toFixed(2),
    ]),
  )}`;
}

/** Documents through the stages: read, then what each stage keeps and drops. */
export function funnelSection(r: Report): SafeHtml {
  const d = r.documents;
  const steps = [
    { label: d.quarantined > 0 ? 'read (− quarantined)' : 'read', in: d.read, out: d.read - d.quarantined },
    ...r.stages.map((s) => ({ label: s.id, in: s.in, out: s.out })),
  ];
  return html`<section id="funnel"><h2>Documents through the stages</h2>${funnelChart(steps, d.read)}</section>`;
}

/** The stage table of report.md, then a section per stage. */
export function stagesSection(r: Report): SafeHtml {
  const rows = r.stages.map((s) => [
    html`<a href="#stage-${r.stages.indexOf(s)}">${s.id}</a>`,
    fmtInt(s.in),
    fmtInt(s.out),
    fmtInt(s.dropped_total),
    byCount(s.dropped)
      .map(([k, v]) => `${k} ${fmtInt(v)}`)
      .join(', ') || '–',
    fmtSeconds(s.wall_ms),
  ]);
  const cols = [
    { name: 'stage' },
    { name: 'in', num: true },
    { name: 'out', num: true },
    { name: 'dropped', num: true },
    { name: 'reasons' },
    { name: 'wall s', num: true },
  ];
  return html`<section id="stages"><h2>Stages</h2>${table(cols, rows)}${r.stages.map((s, i) => stageSection(s, i))}</section>`;
}

function stageSection(s: StageRow, i: number): SafeHtml {
  const drops = byCount(s.dropped);
  const counters = byCount(s.counters);
  const metrics = Object.keys(s.metrics);
  return html`<section class="stage" id="stage-${i}"><h3>${s.id}${s.id !== s.stage ? html` <span class="muted">(${s.stage})</span>` : ''}</h3>
<p>in ${fmtInt(s.in)} → out ${fmtInt(s.out)} (${fmtPct(s.out, s.in)}), dropped ${fmtInt(s.dropped_total)}, wall ${fmtSeconds(s.wall_ms)} s</p>
${
  drops.length > 0
    ? html`<h4>Drop reasons</h4>${table(
        [{ name: 'reason' }, { name: 'documents', num: true }, { name: 'share of in', num: true }],
        drops.map(([k, v]) => [k, fmtInt(v), fmtPct(v, s.in)]),
      )}${barChart(drops.map(([label, value]) => ({ label, value })))}`
    : ''
}
${
  counters.length > 0
    ? html`<h4>Counters</h4>${table(
        [{ name: 'counter' }, { name: 'value', num: true }],
        counters.map(([k, v]) => [k, fmtInt(v)]),
      )}`
    : ''
}
${metrics.length > 0 ? distributions(s, metrics) : ''}${dropSamples(s)}</section>`;
}

/** The stage's sampled drops, collapsed: the first SAMPLE_TEXT_CHARS of each text, escaped like all data. */
function dropSamples(s: StageRow): SafeHtml | '' {
  const rows = dropSampleRows(s.drop_samples);
  if (rows.length === 0) return '';
  return html`<details><summary>Dropped documents (sample): ${fmtInt(rows.length)} of ${fmtInt(s.dropped_total)}</summary>${table(
    SAMPLE_COLUMNS.map((name) => ({ name, num: name === 'chars' })),
    rows,
  )}</details>`;
}

function distributions(s: StageRow, names: string[]): SafeHtml {
  const cols = METRIC_COLUMNS;
  const rows = names.map((k) => {
    const m = (s.metric_summary[k] ?? {}) as Record<string, unknown>;
    return [k, ...cols.map((c) => fmtValue(m[c]))];
  });
  return html`<h4>Distributions</h4>${table([{ name: 'metric' }, ...cols.map((name) => ({ name, num: true }))], rows)}${names.map(
    (k) => html`<figure><figcaption>${k}</figcaption>${metricHistogram(s.metrics[k]!, k)}</figure>`,
  )}`;
}
