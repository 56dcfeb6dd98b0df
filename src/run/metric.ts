/**
 * A mergeable summary of a distribution: count, sum, min, max and a histogram over fixed log-spaced bins
 * (4 per power of two, plus one for zero and one for negatives), so tasks can be merged in any order.
 */
export interface Metric {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** bin key → count; key 'z' = 0, 'n' = negative, else floor(4·log2(v)). */
  bins: Record<string, number>;
}

export function emptyMetric(): Metric {
  return { count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, bins: {} };
}

export function binKey(v: number): string {
  if (v === 0) return 'z';
  if (v < 0) return 'n';
  return String(Math.floor(4 * Math.log2(v)));
}

export function addValue(m: Metric, v: number): void {
  if (!Number.isFinite(v)) return;
  m.count++;
  m.sum += v;
  if (v < m.min) m.min = v;
  if (v > m.max) m.max = v;
  const k = binKey(v);
  m.bins[k] = (m.bins[k] ?? 0) + 1;
}

export function mergeMetric(into: Metric, from: Metric): void {
  into.count += from.count;
  into.sum += from.sum;
  into.min = Math.min(into.min, from.min);
  into.max = Math.max(into.max, from.max);
  for (const [k, n] of Object.entries(from.bins)) into.bins[k] = (into.bins[k] ?? 0) + n;
}

/** Approximate quantile from the bins (lower edge of the bin holding the q-th value, clamped to min/max). */
export function quantile(m: Metric, q: number): number {
  if (m.count === 0) return Number.NaN;
  if (q <= 0) return m.min;
  if (q >= 1) return m.max;
  const keys = Object.keys(m.bins).sort((a, b) => order(a) - order(b));
  let seen = 0;
  const target = q * m.count;
  for (const k of keys) {
    seen += m.bins[k]!;
    if (seen >= target) return Math.min(m.max, Math.max(m.min, edge(k)));
  }
  return m.max;
}

function order(k: string): number {
  return k === 'n' ? -1e9 : k === 'z' ? -1e8 : Number(k);
}

function edge(k: string): number {
  return k === 'z' || k === 'n' ? 0 : 2 ** (Number(k) / 4);
}

/** JSON drops Infinity; an empty metric is stored with null min/max and restored here. */
export function reviveMetric(m: Metric): Metric {
  return { ...m, min: m.min ?? Number.POSITIVE_INFINITY, max: m.max ?? Number.NEGATIVE_INFINITY };
}
