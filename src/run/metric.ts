/**
 * A mergeable summary of a distribution: count, sum, min, max and a histogram over fixed log-spaced bins
 * (4 per power of two, plus one for zero and one for negatives), so tasks can be merged in any order.
 * Values in [0, 1] are also counted in linear bins of 1/UNIT_BINS: log bins squash a score or ratio into a
 * few bars, so a metric all of whose values lie in [0, 1] is read on a linear scale (see `isUnitScale`).
 */
export interface Metric {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** bin key → count; key 'z' = 0, 'n' = negative, else floor(4·log2(v)). */
  bins: Record<string, number>;
  /** Values in [0, 1]: bin key floor(v·UNIT_BINS) (1 goes to the last bin) → count. */
  unit?: Record<string, number>;
}

/** Linear bins over [0, 1]: a width of 0.001 resolves a ratio bounded at 0.045 into 45 bars. */
export const UNIT_BINS = 1000;

export function emptyMetric(): Metric {
  return {
    count: 0,
    sum: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    bins: {},
    unit: {},
  };
}

/** Bin keys as strings made once: a fresh String(n) per observation, hashed again as a property key, cost
 * ~1% of the FineWeb chain's CPU time (one observation per document and stage). */
const UNIT_KEYS = Array.from({ length: UNIT_BINS }, (_, k) => String(k));
/** floor(4·log2(v)) of positive doubles lies in [-4300, 4100]. */
const LOG_KEY_OFFSET = 4300;
const LOG_KEYS: (string | undefined)[] = new Array(LOG_KEY_OFFSET + 4100).fill(undefined);

/** The linear bin of a value in [0, 1]. */
export function unitKey(v: number): string {
  return UNIT_KEYS[Math.min(UNIT_BINS - 1, Math.floor(v * UNIT_BINS))]!;
}

/**
 * True when every value lies in [0, 1] and was counted in the linear bins: decided from merged figures
 * only (min, max, counts), so the same for any worker count and merge order.
 */
export function isUnitScale(m: Metric): boolean {
  if (m.count === 0 || m.min < 0 || m.max > 1 || !m.unit) return false;
  let n = 0;
  for (const c of Object.values(m.unit)) n += c;
  return n === m.count;
}

export function binKey(v: number): string {
  if (v === 0) return 'z';
  if (v < 0) return 'n';
  const k = Math.floor(4 * Math.log2(v));
  const at = k + LOG_KEY_OFFSET;
  if (at < 0 || at >= LOG_KEYS.length) return String(k);
  let key = LOG_KEYS[at];
  if (key === undefined) LOG_KEYS[at] = key = String(k);
  return key;
}

export function addValue(m: Metric, v: number): void {
  if (!Number.isFinite(v)) return;
  m.count++;
  m.sum += v;
  if (v < m.min) m.min = v;
  if (v > m.max) m.max = v;
  const k = binKey(v);
  m.bins[k] = (m.bins[k] ?? 0) + 1;
  if (v >= 0 && v <= 1) {
    const u = (m.unit ??= {});
    const key = unitKey(v);
    u[key] = (u[key] ?? 0) + 1;
  }
}

export function mergeMetric(into: Metric, from: Metric): void {
  into.count += from.count;
  into.sum += from.sum;
  into.min = Math.min(into.min, from.min);
  into.max = Math.max(into.max, from.max);
  for (const [k, n] of Object.entries(from.bins)) into.bins[k] = (into.bins[k] ?? 0) + n;
  if (from.unit) {
    const u = (into.unit ??= {});
    for (const [k, n] of Object.entries(from.unit)) u[k] = (u[k] ?? 0) + n;
  }
}

/**
 * Approximate quantile from the bins (lower edge of the bin holding the q-th value, clamped to min/max):
 * the linear bins when `isUnitScale`, else the log bins.
 */
export function quantile(m: Metric, q: number): number {
  if (m.count === 0) return Number.NaN;
  if (q <= 0) return m.min;
  if (q >= 1) return m.max;
  const unit = isUnitScale(m);
  const bins = unit ? m.unit! : m.bins;
  const keys = Object.keys(bins).sort((a, b) => order(a) - order(b));
  let seen = 0;
  const target = q * m.count;
  for (const k of keys) {
    seen += bins[k]!;
    const lower = unit ? Number(k) / UNIT_BINS : edge(k);
    if (seen >= target) return Math.min(m.max, Math.max(m.min, lower));
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
