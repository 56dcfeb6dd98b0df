/** Building blocks of report.html: tables, summary cards, metric histograms. */

import { isUnitScale, type Metric, UNIT_BINS } from './metric.js';
import { clip, html, type SafeHtml, shortNumber } from './report-html-escape.js';
import { histogram } from './report-html-svg.js';

/** A column: its header, and whether it holds numbers (right-aligned). */
export type Column = { name: string; num?: boolean };

/**
 * A table; cells are escaped text unless they are SafeHtml. `limit` rows at most, with a note when cut;
 * `tall` tables scroll inside a box of limited height.
 */
export function table(
  columns: Column[],
  rows: unknown[][],
  limit = Number.POSITIVE_INFINITY,
  tall = false,
): SafeHtml {
  const shown = rows.slice(0, limit);
  const cls = (c: Column | undefined) => (c?.num ? html` class="num"` : '');
  return html`<div class="scroll${tall ? ' tall' : ''}"><table><thead><tr>${columns.map((c) => html`<th${cls(c)}>${c.name}</th>`)}</tr></thead><tbody>${shown.map(
    (r) => html`<tr>${r.map((x, i) => html`<td${cls(columns[i])}>${x}</td>`)}</tr>`,
  )}</tbody></table></div>${rows.length > shown.length ? html`<p class="note">first ${shown.length} of ${rows.length} rows (all of them are in report.json)</p>` : ''}`;
}

/** A headline figure with its label and an optional smaller line below. */
export function card(label: string, value: string, sub = ''): SafeHtml {
  return html`<div class="card"><div class="label">${label}</div><div class="value">${value}</div>${sub ? html`<div class="sub">${sub}</div>` : ''}</div>`;
}

/** Log-spaced bins wider than this many are merged in groups, so a histogram stays readable. */
const MAX_BINS = 120;

/**
 * A metric's histogram (src/run/metric.ts: bin k holds [2^(k/4), 2^((k+1)/4)), plus zero and negatives),
 * with empty bins between the smallest and largest filled in so the x axis is a log scale.
 */
export function metricHistogram(m: Metric, name: string): SafeHtml {
  if (isUnitScale(m)) return unitHistogram(m, name);
  const bins: { label: string; count: number; tip: string }[] = [];
  if (m.bins.n) bins.push({ label: '<0', count: m.bins.n, tip: 'negative' });
  if (m.bins.z) bins.push({ label: '0', count: m.bins.z, tip: 'zero' });
  const keys = Object.keys(m.bins)
    .filter((k) => k !== 'n' && k !== 'z')
    .map(Number);
  if (keys.length > 0) {
    const lo = Math.min(...keys),
      hi = Math.max(...keys);
    const group = Math.ceil((hi - lo + 1) / MAX_BINS);
    for (let k = lo; k <= hi; k += group) {
      let count = 0;
      for (let j = k; j < k + group; j++) count += m.bins[String(j)] ?? 0;
      const from = 2 ** (k / 4),
        to = 2 ** ((k + group) / 4);
      bins.push({ label: shortNumber(from), count, tip: `${edge(from)} – ${edge(to)}` });
    }
  }
  return histogram(bins, `${clip(name, 60)} (log scale)`);
}

const edge = (x: number) => String(Number(x.toPrecision(3)));

/** Bar widths for a metric in [0, 1], in linear-bin units (1/UNIT_BINS): the finest giving ≤ UNIT_BARS bars. */
const UNIT_STEPS = [1, 2, 5, 10, 20, 25, 50];
const UNIT_BARS = 50;

/**
 * A metric whose values all lie in [0, 1] on a linear axis from its minimum to its maximum, in bars of
 * 0.001 to 0.05 (a ratio bounded at 0.045 is as readable as a score spread over [0, 1]).
 */
function unitHistogram(m: Metric, name: string): SafeHtml {
  const lo = Number(unitKeyOf(m.min)),
    hi = Number(unitKeyOf(m.max));
  const step = UNIT_STEPS.find((w) => Math.floor(hi / w) - Math.floor(lo / w) + 1 <= UNIT_BARS) ?? 50;
  const bins: { label: string; count: number; tip: string }[] = [];
  for (let k = Math.floor(lo / step) * step; k <= hi; k += step) {
    let count = 0;
    for (let j = k; j < k + step; j++) count += m.unit![String(j)] ?? 0;
    const from = k / UNIT_BINS,
      to = Math.min(1, (k + step) / UNIT_BINS);
    bins.push({ label: String(from), count, tip: `${from} – ${to}` });
  }
  return histogram(bins, `${clip(name, 60)} (linear scale)`);
}

const unitKeyOf = (v: number) => Math.min(UNIT_BINS - 1, Math.floor(v * UNIT_BINS));
