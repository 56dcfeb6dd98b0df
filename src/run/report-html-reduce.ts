/** report.html: the domain table and mixture, the global stages' reduce results, the output files. */

import type { Report } from './report.js';
import { table } from './report-html-blocks.js';
import { html, type SafeHtml } from './report-html-escape.js';
import { barChart, histogram, lineChart, mixtureChart } from './report-html-svg.js';
import { detailView, type FlatRow, fmtInt, fmtPct } from './report-view.js';

/** Rows of a detail table shown in the html (report.md shows 20; report.json has all). */
const DETAIL_ROWS = 200;

export function domainsSection(r: Report): SafeHtml {
  const entries = Object.entries(r.domains);
  const rows = entries.map(([name, x]) => [
    name,
    fmtInt(x.docs_in),
    fmtInt(x.docs_out),
    fmtPct(x.docs_out, x.docs_in),
    (x.chars_out / 1e6).toFixed(2),
    fmtInt(x.tokens_estimated),
  ]);
  const cols = [
    { name: 'domain' },
    { name: 'docs in', num: true },
    { name: 'docs out', num: true },
    { name: 'kept', num: true },
    { name: 'M chars out', num: true },
    { name: 'tokens (est.)', num: true },
  ];
  const mixture = (label: string, pick: (x: Report['domains'][string]) => number) => ({
    label,
    parts: entries.map(([name, x]) => ({ name, value: pick(x) })),
  });
  const chart =
    entries.length > 1
      ? html`<h3>Mixture before and after</h3>${mixtureChart([
          mixture('documents in', (x) => x.docs_in),
          mixture('documents out', (x) => x.docs_out),
          mixture('tokens out (est.)', (x) => x.tokens_estimated),
        ])}`
      : '';
  return html`<section id="domains"><h2>Domains</h2>${table(cols, rows)}${chart}</section>`;
}

/** One section per global stage: its reduce counters, then each detail as a table, chart or JSON. */
export function reduceSections(r: Report): SafeHtml {
  return html`${Object.entries(r.reduce).map(
    ([id, red], i) =>
      html`<section class="reduce" id="reduce-${i}"><h2>${id}</h2>${table(
        [{ name: 'counter' }, { name: 'value', num: true }],
        Object.entries(red.counters).map(([k, v]) => [k, fmtInt(v)]),
      )}${Object.entries(red.details ?? {}).map(([k, v]) => html`<h3>${k}</h3>${detailHtml(k, v)}`)}</section>`,
  )}`;
}

function detailHtml(name: string, v: unknown): SafeHtml {
  const view = detailView(name, v);
  switch (view.kind) {
    case 'value':
      return html`<p>${name}: <b>${view.value}</b></p>`;
    case 'counts':
      if (view.rows.length === 0) return html`<p class="note">none</p>`;
      return html`${histogram(
        view.rows.map(([k, c]) => ({ label: String(k), count: c, tip: `${name} ${k}` })),
        name,
        false,
      )}${table(
        [
          { name: 'value', num: true },
          { name: 'count', num: true },
        ],
        view.rows.map(([k, c]) => [k, c]),
      )}`;
    case 'table': {
      const { line } = view;
      const chart = line
        ? lineChart(
            view.rows.map((row) => ({ x: row[line.x] as number, y: row[line.y] as number })),
            line.x,
            line.y,
          )
        : '';
      const rows = view.rows.map((row) => view.columns.map((c) => String(row[c] ?? '')));
      return html`${chart || countBars(view.columns, view.rows)}${table(
        view.columns.map((name) => ({ name })),
        rows,
        DETAIL_ROWS,
        true,
      )}`;
    }
    default:
      return html`<pre>${JSON.stringify(view.value, null, 1)}</pre>`;
  }
}

/** Rows with a count (sorted by detailView) as bars: the top 20, labelled by their first text column. */
function countBars(columns: string[], rows: FlatRow[]): SafeHtml | '' {
  const label = columns.find((c) => c !== 'count' && rows.every((r) => typeof r[c] === 'string'));
  if (!columns.includes('count') || label === undefined || rows.length < 2) return '';
  const top = rows.slice(0, 20);
  return html`<p class="note">top ${top.length} by count</p>${barChart(
    top.map((r) => ({ label: String(r[label]), value: r.count as number })),
    '#0072b2',
  )}`;
}

/** The closing line of report.md, and the list of every file the run wrote. */
export function filesSection(r: Report): SafeHtml {
  const data = r.output_files.filter((f) => f.startsWith('data')).length;
  return html`<section id="files"><h2>Output</h2><p>Output files: ${data}; tasks: ${r.tasks}.</p><details><summary>all ${fmtInt(r.output_files.length)} files the run wrote</summary><ul class="files">${r.output_files.map(
    (f) => html`<li>${f}</li>`,
  )}</ul></details></section>`;
}
