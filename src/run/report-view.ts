/**
 * What report.md and report.html share: number formats and the reading of reduce details. report.json keeps
 * each reduce task's detail as written (one entry per task); the renderers show them merged, through here.
 */
import type { Report, ReportDropSample } from './report.js';

/** An integer with thousands separators (en-US, so the output does not depend on the machine's locale). */
export const fmtInt = (x: number): string => x.toLocaleString('en-US');

/** `a / b` as a percentage with one decimal; '–' when b is 0. */
export const fmtPct = (a: number, b: number): string => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '–');

/** Milliseconds as seconds with two decimals. */
export const fmtSeconds = (ms: number): string => (ms / 1000).toFixed(2);

/** A value of a report cell: numbers with at most 4 significant digits ('–' if not finite), else text. */
export function fmtValue(x: unknown): string {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return '–';
    return Number.isInteger(x) ? fmtInt(x) : String(Number(x.toPrecision(4)));
  }
  if (x === null || x === undefined) return '–';
  return typeof x === 'object' ? JSON.stringify(x) : String(x);
}

export type FlatRow = Record<string, string | number | boolean | null>;

/**
 * A reduce detail, merged over reduce tasks:
 * - `counts`: count maps keyed by integers (e.g. cluster size → clusters), summed, keys ascending;
 * - `value`: per-task numbers named `max_*` / `min_*`, reduced to one;
 * - `table`: flat records (columns in first-seen order; sorted by `count` descending when every row has
 *   one); `line` names two numeric columns whose first one increases (a curve, e.g. MinHash's S-curve);
 * - `json`: anything else, as written.
 */
export type DetailView =
  | { kind: 'counts'; rows: [number, number][] }
  | { kind: 'value'; value: number }
  | { kind: 'table'; columns: string[]; rows: FlatRow[]; line?: { x: string; y: string } }
  | { kind: 'json'; value: unknown };

const isObject = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x);
const isFlat = (x: unknown): x is FlatRow =>
  isObject(x) && Object.values(x).every((v) => v === null || typeof v !== 'object');
const isCountMap = (x: unknown): x is Record<string, number> =>
  isObject(x) && Object.entries(x).every(([k, v]) => /^\d+$/.test(k) && typeof v === 'number');

export function detailView(name: string, v: unknown): DetailView {
  const rows: unknown[] = Array.isArray(v) ? v.flat() : [v];
  if (rows.length === 0) return { kind: 'json', value: v };
  if (rows.every(isCountMap)) return { kind: 'counts', rows: mergeCounts(rows) };
  if (rows.every((r) => typeof r === 'number') && /^(max|min)_/.test(name)) {
    const values = rows as number[];
    return { kind: 'value', value: name.startsWith('max_') ? Math.max(...values) : Math.min(...values) };
  }
  if (rows.every(isFlat)) return tableView(rows);
  const only = rows[0];
  if (rows.length === 1 && isObject(only) && Object.values(only).every(isFlat)) {
    // A record of records (e.g. per-group cut-offs): one row per key.
    return tableView(Object.entries(only).map(([key, rec]) => ({ key, ...(rec as FlatRow) })));
  }
  return { kind: 'json', value: v };
}

function mergeCounts(maps: Record<string, number>[]): [number, number][] {
  const sum = new Map<number, number>();
  for (const m of maps)
    for (const [k, n] of Object.entries(m)) sum.set(Number(k), (sum.get(Number(k)) ?? 0) + n);
  return [...sum.entries()].sort((a, b) => a[0] - b[0]);
}

function tableView(rows: FlatRow[]): DetailView {
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const sorted = rows.every((r) => typeof r.count === 'number')
    ? rows
        .map((r, i) => [r, i] as const)
        .sort((a, b) => (b[0].count as number) - (a[0].count as number) || a[1] - b[1])
    : undefined;
  const view: DetailView = { kind: 'table', columns, rows: sorted ? sorted.map(([r]) => r) : rows };
  if (isCurve(columns, rows)) view.line = { x: columns[0]!, y: columns[1]! };
  return view;
}

function isCurve(columns: string[], rows: FlatRow[]): boolean {
  if (columns.length !== 2 || rows.length < 3) return false;
  const [x, y] = columns as [string, string];
  return rows.every(
    (r, i) =>
      typeof r[x] === 'number' &&
      typeof r[y] === 'number' &&
      (i === 0 || (r[x] as number) > (rows[i - 1]![x] as number)),
  );
}

/** The summary columns of a metric, in report.md and report.html alike. */
export const METRIC_COLUMNS = ['count', 'mean', 'min', 'p50', 'p90', 'max'] as const;

/** The columns of a sampled dropped document, as report.md and report.html show them. */
export const SAMPLE_COLUMNS = ['reason', 'id', 'value', 'chars', 'text'] as const;

/** A stage's sampled drops as rows of SAMPLE_COLUMNS (reasons by name; within one, in sample order). */
export function dropSampleRows(samples: Record<string, ReportDropSample[]> | undefined): string[][] {
  return Object.keys(samples ?? {})
    .sort()
    .flatMap((reason) =>
      samples![reason]!.map((s) => [
        reason,
        s.id,
        s.detail === undefined ? fmtValue(s.value) : `${fmtValue(s.value)} (${s.detail})`,
        fmtInt(s.chars),
        s.text,
      ]),
    );
}

/** The wall-time sentence both reports show under the totals. */
export function timingSentence(r: Report): string {
  const t = r.timing;
  const wall = t?.wall_s == null ? 'not recorded' : `${t.wall_s.toFixed(2)} s`;
  const span =
    t?.started_at && t.ended_at ? ` (first task start ${t.started_at}, last task end ${t.ended_at})` : '';
  return `Wall time ${wall}${span}; task time ${fmtSeconds(r.task_wall_ms)} s summed over ${fmtInt(r.tasks)} tasks.`;
}
