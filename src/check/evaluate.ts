/**
 * Evaluating checks against a report: each check's value, its bound in words, pass or fail. Bounds are
 * inclusive (`max: 0` passes 0); a value the report does not hold fails, since a gate that cannot measure
 * must not pass.
 */
import { parseMetric } from './metrics.js';
import { type ReportView, resolveMetric } from './resolve.js';

/** A check as written in a recipe's `checks:` list. */
export interface CheckSpec {
  name?: string;
  metric: string;
  min?: number;
  max?: number;
}

export interface CheckResult {
  name: string;
  metric: string;
  /** Undefined when the report does not hold the metric. */
  value: number | undefined;
  min?: number;
  max?: number;
  pass: boolean;
  /** One line: `<metric> = <value>, expected <bound>` (or why there is no value). */
  message: string;
  /** Examples that explain a failure (e.g. quarantined records), filled in by the caller. */
  details: string[];
}

/** A number as people read it: integers as they are, others with up to 6 significant digits. */
export function formatValue(v: number | undefined): string {
  if (v === undefined) return 'n/a';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** `≤ 0`, `≥ 100`, or `between 0.1 and 0.9`. */
export function boundText(c: { min?: number; max?: number }): string {
  if (c.min !== undefined && c.max !== undefined)
    return `between ${formatValue(c.min)} and ${formatValue(c.max)}`;
  if (c.max !== undefined) return `≤ ${formatValue(c.max)}`;
  if (c.min !== undefined) return `≥ ${formatValue(c.min)}`;
  return 'any value';
}

/** True when `value` lies within the inclusive bounds. */
export function withinBounds(value: number, c: { min?: number; max?: number }): boolean {
  return (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max);
}

/** The default name of a check: its metric and bound. */
export function checkName(c: CheckSpec): string {
  return c.name ?? `${c.metric} ${boundText(c)}`;
}

/** Evaluates every check, in order. */
export function evaluateChecks(checks: readonly CheckSpec[], report: ReportView): CheckResult[] {
  return checks.map((c) => {
    const parsed = parseMetric(c.metric);
    const value = parsed.ok ? resolveMetric(report, parsed.metric) : undefined;
    const pass = value !== undefined && withinBounds(value, c);
    const message =
      value === undefined
        ? `${c.metric}: ${parsed.ok ? 'not in the report' : parsed.message}, expected ${boundText(c)}`
        : `${c.metric} = ${formatValue(value)}, expected ${boundText(c)}`;
    return {
      name: checkName(c),
      metric: c.metric,
      value,
      ...(c.min === undefined ? {} : { min: c.min }),
      ...(c.max === undefined ? {} : { max: c.max }),
      pass,
      message,
      details: [],
    };
  });
}
