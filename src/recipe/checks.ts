/**
 * A recipe's `checks:` list, the quality gate of `datamill check`: the schema of one check, and the checks
 * a schema cannot express (a bound is given, min ≤ max, the metric path names a stage and a domain of this
 * recipe), reported as recipe problems at the check's file:line:col.
 */
import { METRIC_FORMS, type MetricContext, metricProblem } from '../check/metrics.js';
import { z } from '../core/schema.js';
import type { Locate, Problem } from './issues.js';
import type { ValuePath } from './locate.js';

export const checkSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .optional()
    .describe('Name shown in the table, check.md and JUnit (default: the metric and its bound)'),
  metric: z
    .string()
    .min(1)
    .describe(`A value of the run's report.json, as a dotted path: ${METRIC_FORMS.join(' | ')}`),
  min: z.number().optional().describe('The check fails when the value is below this (inclusive bound)'),
  max: z.number().optional().describe('The check fails when the value is above this (inclusive bound)'),
});

export const checksSchema = z
  .array(checkSchema)
  .optional()
  .describe(
    'Quality checks that `datamill check` evaluates on the report after the run (exit 5 when one fails); `datamill run` ignores them, and they are not part of the recipe hash',
  );

export type Check = z.output<typeof checkSchema>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Stage ids (`id`, else the stage name) and domains (`domain`, else `input<i>`) of a raw recipe. */
export function metricContext(raw: unknown): MetricContext {
  const r = isRecord(raw) ? raw : {};
  const stages = Array.isArray(r.stages) ? r.stages : [];
  const inputs = Array.isArray(r.inputs) ? r.inputs : [];
  return {
    stageIds: stages.flatMap((s) => {
      if (!isRecord(s)) return [];
      const id = typeof s.id === 'string' ? s.id : s.stage;
      return typeof id === 'string' ? [id] : [];
    }),
    domains: inputs.map((input, i) =>
      isRecord(input) && typeof input.domain === 'string' ? input.domain : `input${i}`,
    ),
  };
}

/**
 * Adds a problem for each check in `list` (the raw list at `at`) whose bound or metric cannot work; the
 * entries' shape was checked by {@link checkSchema}.
 */
export function checkChecks(
  list: unknown,
  ctx: MetricContext,
  locate: Locate,
  problems: Problem[],
  at: ValuePath = ['checks'],
): void {
  if (!Array.isArray(list)) return;
  list.forEach((c, i) => {
    if (!isRecord(c)) return;
    const where = (key: string, message: string) =>
      problems.push({ path: [...at, i, key], pos: locate([...at, i, key]), message });
    const { min, max, metric } = c;
    // A misspelt bound (`maxx:`) is already reported as an unknown key; saying "no bound" too is noise.
    const misspelt = Object.keys(c).some((k) => !(k in checkSchema.shape));
    if (min === undefined && max === undefined && 'metric' in c && !misspelt)
      problems.push({
        path: [...at, i],
        pos: locate([...at, i]),
        message: 'expected min, max or both, got neither',
      });
    if (typeof min === 'number' && typeof max === 'number' && min > max)
      where('max', `expected max ≥ min (${min}), got ${max}`);
    if (typeof metric === 'string' && metric !== '') {
      const problem = metricProblem(metric, ctx);
      if (problem !== undefined) where('metric', problem);
    }
  });
}
