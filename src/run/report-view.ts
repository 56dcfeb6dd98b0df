/**
 * What report.md and report.html share: number formats and the reading of reduce details. report.json keeps
 * each reduce task's detail as written (one entry per task); the renderers show them merged, through here.
 */

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
