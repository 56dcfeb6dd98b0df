/**
 * Inline SVG charts for report.html, drawn from numbers alone: no script, no font or image to fetch.
 * Coordinates are rounded to 0.1 px so the same report gives the same bytes on every platform.
 */
import { clip, html, type SafeHtml, shortNumber } from './report-html-escape.js';
import { fmtInt, fmtPct } from './report-view.js';

/** Series colours (Okabe–Ito palette, readable with colour-vision deficiencies). */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#999999',
];
const KEPT = '#0072b2';
const DROPPED = '#e69f00';
const r1 = (x: number) => Math.round(x * 10) / 10;

function svg(width: number, height: number, label: string, body: SafeHtml[]): SafeHtml {
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}">${body}</svg>`;
}

function text(
  x: number,
  y: number,
  s: string,
  anchor: 'start' | 'middle' | 'end' = 'start',
  cls = '',
): SafeHtml {
  return html`<text x="${r1(x)}" y="${r1(y)}" text-anchor="${anchor}"${cls ? html` class="${cls}"` : ''}>${s}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, tip: string): SafeHtml {
  return html`<rect x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(0, w))}" height="${r1(h)}" fill="${fill}"><title>${tip}</title></rect>`;
}

const LABEL_W = 230;
const BAR_W = 380;
const ROW_H = 22;

/** Horizontal bars, one per row, longest value = full width; labels clipped to 34 characters. */
export function barChart(bars: { label: string; value: number }[], color = DROPPED): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const body = bars.map((b, i) => {
    const y = 6 + i * ROW_H;
    const w = (BAR_W * b.value) / max;
    return html`${text(LABEL_W - 8, y + 14, clip(b.label, 34), 'end')}${rect(LABEL_W, y + 2, w, ROW_H - 6, color, `${b.label}: ${fmtInt(b.value)}`)}${text(LABEL_W + w + 6, y + 14, fmtInt(b.value))}`;
  });
  return svg(LABEL_W + BAR_W + 110, 12 + bars.length * ROW_H, 'bar chart', body);
}

/** The funnel: per step a bar as long as the documents entering it, split into kept and dropped. */
export function funnelChart(steps: { label: string; in: number; out: number }[], read: number): SafeHtml {
  const max = Math.max(1, read, ...steps.map((s) => s.in));
  const body = steps.map((s, i) => {
    const y = 6 + i * ROW_H;
    const wOut = (BAR_W * s.out) / max;
    const wDrop = (BAR_W * (s.in - s.out)) / max;
    const note = `${fmtInt(s.out)} (${fmtPct(s.out, read)})${s.in > s.out ? ` −${fmtInt(s.in - s.out)}` : ''}`;
    return html`${text(LABEL_W - 8, y + 14, clip(s.label, 34), 'end')}${rect(LABEL_W, y + 2, wOut, ROW_H - 6, KEPT, `${s.label}: kept ${fmtInt(s.out)}`)}${rect(LABEL_W + wOut, y + 2, wDrop, ROW_H - 6, DROPPED, `${s.label}: dropped ${fmtInt(s.in - s.out)}`)}${text(LABEL_W + wOut + wDrop + 6, y + 14, note)}`;
  });
  const legend = html`${rect(LABEL_W, 10 + steps.length * ROW_H, 10, 10, KEPT, 'kept')}${text(LABEL_W + 14, 19 + steps.length * ROW_H, 'kept')}${rect(LABEL_W + 60, 10 + steps.length * ROW_H, 10, 10, DROPPED, 'dropped')}${text(LABEL_W + 74, 19 + steps.length * ROW_H, 'dropped')}`;
  return svg(LABEL_W + BAR_W + 170, 28 + steps.length * ROW_H, 'documents through the stages', [
    ...body,
    legend,
  ]);
}

/**
 * Vertical bars over ordered bins, with a count axis. `edges`: labels are the bins' lower edges (drawn at
 * the bar's left side, as on a log axis); otherwise each label names its bar (drawn centred, e.g. a size).
 */
export function histogram(
  bins: { label: string; count: number; tip: string }[],
  xName: string,
  edges = true,
): SafeHtml {
  const W = 720,
    H = 190,
    left = 56,
    bottom = 40,
    top = 14;
  const plotW = W - left - 36,
    plotH = H - top - bottom;
  const max = Math.max(1, ...bins.map((b) => b.count));
  // A few bins would otherwise be a wall of colour; 48 px keeps them readable as bars.
  const bw = Math.min(48, plotW / Math.max(1, bins.length));
  const step = Math.max(1, Math.ceil((bins.length * 44) / plotW));
  const few = bins.length <= 16;
  const body: SafeHtml[] = [axisY(left, top, plotW, plotH, max)];
  bins.forEach((b, i) => {
    const h = (plotH * b.count) / max;
    const x = left + i * bw;
    body.push(rect(x + 0.5, top + plotH - h, bw - 1, h, KEPT, `${b.tip}: ${fmtInt(b.count)}`));
    if (few && b.count > 0)
      body.push(text(x + bw / 2, top + plotH - h - 3, shortNumber(b.count), 'middle', 'tick'));
    if (i % step === 0)
      body.push(text(edges ? x : x + bw / 2, top + plotH + 14, b.label, edges ? 'start' : 'middle', 'tick'));
  });
  body.push(text(left + Math.min(plotW, bw * bins.length) / 2, H - 6, xName, 'middle', 'axis'));
  return svg(W, H, `histogram of ${xName}`, body);
}

/** Horizontal grid lines at 0, ½ and the maximum, labelled on the left. */
function axisY(left: number, top: number, plotW: number, plotH: number, max: number): SafeHtml {
  return html`${[0, 0.5, 1].map((f) => {
    const y = top + plotH * (1 - f);
    return html`<line x1="${left}" y1="${r1(y)}" x2="${r1(left + plotW)}" y2="${r1(y)}" class="grid"/>${text(left - 6, y + 4, shortNumber(max * f), 'end', 'tick')}`;
  })}`;
}

/** A curve through increasing x (e.g. MinHash's candidate probability against similarity). */
export function lineChart(points: { x: number; y: number }[], xName: string, yName: string): SafeHtml {
  const W = 520,
    H = 280,
    left = 56,
    bottom = 42,
    top = 12;
  const plotW = W - left - 16,
    plotH = H - top - bottom;
  const x0 = points[0]?.x ?? 0,
    x1 = points[points.length - 1]?.x ?? 1;
  const yMax = Math.max(1, ...points.map((p) => p.y));
  const px = (x: number) => left + (plotW * (x - x0)) / (x1 - x0 || 1);
  const py = (y: number) => top + plotH * (1 - y / yMax);
  const path = points.map((p) => `${r1(px(p.x))},${r1(py(p.y))}`).join(' ');
  // Few points (an S-curve has 10): tick each one; else quarters of the range.
  const xTicks =
    points.length <= 11 ? points.map((p) => p.x) : [0, 0.25, 0.5, 0.75, 1].map((f) => x0 + f * (x1 - x0));
  return svg(W, H, `${yName} against ${xName}`, [
    axisY(left, top, plotW, plotH, yMax),
    html`${xTicks.map((x) => text(px(x), top + plotH + 16, shortNumber(Number(x.toPrecision(3))), 'middle', 'tick'))}`,
    html`<polyline points="${path}" fill="none" stroke="${KEPT}" stroke-width="2"/>`,
    html`${points.map((p) => html`<circle cx="${r1(px(p.x))}" cy="${r1(py(p.y))}" r="3.5" fill="${KEPT}"><title>${xName} ${p.x}: ${yName} ${p.y}</title></circle>`)}`,
    text(left + plotW / 2, H - 6, xName, 'middle', 'axis'),
    html`<text x="14" y="${r1(top + plotH / 2)}" text-anchor="middle" class="axis" transform="rotate(-90 14 ${r1(top + plotH / 2)})">${yName}</text>`,
  ]);
}

/** 100% stacked bars (e.g. the domain mixture before and after), with a legend of the parts. */
export function mixtureChart(rows: { label: string; parts: { name: string; value: number }[] }[]): SafeHtml {
  const names = rows[0]?.parts.map((p) => p.name) ?? [];
  const body = rows.map((r, i) => {
    const total = r.parts.reduce((a, p) => a + p.value, 0);
    let x = LABEL_W;
    const y = 6 + i * 30;
    return html`${text(LABEL_W - 8, y + 17, r.label, 'end')}${r.parts.map((p, k) => {
      const w = total > 0 ? (BAR_W * p.value) / total : 0;
      const seg = rect(
        x,
        y + 2,
        w,
        22,
        PALETTE[k % PALETTE.length]!,
        `${r.label}, ${p.name}: ${fmtInt(p.value)} (${fmtPct(p.value, total)})`,
      );
      const label = w > 44 ? text(x + w / 2, y + 17, fmtPct(p.value, total), 'middle', 'on-bar') : '';
      x += w;
      return html`${seg}${label}`;
    })}`;
  });
  const ly = 14 + rows.length * 30;
  const legend = names.map((n, k) => {
    const lx = LABEL_W + (k % 4) * 110;
    const yy = ly + Math.floor(k / 4) * 18;
    return html`${rect(lx, yy, 10, 10, PALETTE[k % PALETTE.length]!, n)}${text(lx + 14, yy + 9, clip(n, 14))}`;
  });
  return svg(LABEL_W + BAR_W + 40, ly + 18 * Math.ceil(names.length / 4) + 6, 'mixture', [
    ...body,
    ...legend,
  ]);
}
